from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from jembatan.opportunities.models import PartnershipProfile
from tests.opportunities.factories import (
    EXE_BYTES,
    PDF_BYTES,
    PUBLISHED_AT,
    ProfileFactory,
    attach,
    published,
    textiles_sector,
    upload,
)

ROLES = ["officer", "member", "teammate", "outsider", "viewer", "anonymous"]


def _payload(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "vocational",
        "direction": "offer",
        "cooperation_types": ["training", "internships"],
        "title": "Magang untuk siswa SMK teknik mesin",
        "summary": "Kami menawarkan program magang enam bulan di pabrik kami di Karawang.",
        "target_countries": ["JP", "ID", "JP"],
        "keywords": ["magang", "SMK"],
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("officer", (200, ["draft", "published"])),
        ("member", (200, ["draft", "published"])),
        ("teammate", (200, ["draft", "published"])),
        ("outsider", (200, ["published"])),
        ("viewer", (200, ["published"])),
        ("anonymous", (403, None)),
    ],
)
def test_api_list_by_role(as_user, company, role, expected) -> None:  # type: ignore[no-untyped-def]
    ProfileFactory(company=company, title="draft")
    published(company=company, title="published")
    response = as_user(role).get("/api/v1/profiles/")
    titles = (
        sorted(p["title"] for p in response.json()["results"])
        if response.status_code == 200
        else None
    )
    assert (response.status_code, titles) == expected


@pytest.mark.parametrize(
    ("role", "draft_status", "published_status"),
    [
        ("officer", 200, 200),
        ("member", 200, 200),
        ("teammate", 200, 200),
        ("outsider", 404, 200),
        ("viewer", 404, 200),
        ("anonymous", 403, 403),
    ],
)
def test_api_retrieve_by_role(as_user, company, role, draft_status, published_status) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company)
    shown = published(company=company)
    client = as_user(role)
    assert client.get(f"/api/v1/profiles/{draft.pk}/").status_code == draft_status
    assert client.get(f"/api/v1/profiles/{shown.pk}/").status_code == published_status


def test_api_retrieve_shape(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company, sector=textiles_sector(), keywords=["batik"])
    attachment = attach(profile, "katalog.pdf")
    data = as_user("viewer").get(f"/api/v1/profiles/{profile.pk}/").json()
    assert data["company"] == {
        "id": company.pk,
        "name": company.name,
        "website": "",
        "logo": "",
        "registry_id": company.registry_id,
        "identity_hidden": False,
    }
    assert data["attachments"] == [
        {
            "id": attachment.pk,
            "name": "katalog.pdf",
            "content_type": "application/pdf",
            "size": len(PDF_BYTES),
            "url": f"/profiles/{profile.pk}/attachments/{attachment.pk}/",
        }
    ]
    assert (data["status"], data["sector"], data["keywords"], data["target_countries"]) == (
        "published",
        "textiles",
        ["batik"],
        ["JP"],
    )
    expires = (PUBLISHED_AT + dt.timedelta(days=365)).astimezone(ZoneInfo("Asia/Jakarta"))
    assert data["expires_at"] == expires.isoformat()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("officer", 403),
        ("member", 201),
        ("teammate", 201),
        ("outsider", 201),
        ("viewer", 403),
        ("anonymous", 403),
    ],
)
def test_api_create_by_role(db, as_user, request, role, expected) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).post("/api/v1/profiles/", _payload(), content_type="application/json")
    assert response.status_code == expected
    if expected == 201:
        profile = PartnershipProfile.objects.get()
        user = request.getfixturevalue(role)
        assert (
            profile.company_id,
            profile.status,
            profile.language,
            profile.target_countries,
            response.json()["id"],
        ) == (user.company_id_or_none, "draft", "id", ["ID", "JP"], profile.pk)


def test_api_create_reports_field_errors(as_user) -> None:  # type: ignore[no-untyped-def]
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    payload = _payload(title="t" * 257, cooperation_types=["equity"], deadline=yesterday)
    response = as_user("member").post("/api/v1/profiles/", payload, content_type="application/json")
    errors = response.json()
    assert response.status_code == 400
    assert sorted(errors) == ["deadline", "title"]
    assert errors["title"] == ["Ensure this field has no more than 256 characters."]


def test_api_create_cooperation_type_mismatch(as_user) -> None:  # type: ignore[no-untyped-def]
    payload = _payload(cooperation_types=["equity"])
    response = as_user("member").post("/api/v1/profiles/", payload, content_type="application/json")
    assert (response.status_code, response.json()) == (
        400,
        {
            "cooperation_types": [
                "Equity investment do not belong to Vocational cooperation; choose from Training, Internships."
            ]
        },
    )


def test_api_create_anonymous_naming_company_refused(as_user, company) -> None:  # type: ignore[no-untyped-def]
    payload = _payload(is_anonymous=True, brings=f"Pengalaman {company.name}")
    response = as_user("member").post("/api/v1/profiles/", payload, content_type="application/json")
    assert (response.status_code, list(response.json())) == (400, ["brings"])


@pytest.mark.parametrize(
    ("role", "draft_status", "published_status"),
    [
        ("officer", 200, 409),
        ("member", 200, 409),
        ("teammate", 200, 409),
        ("outsider", 404, 403),
        ("viewer", 404, 403),
        ("anonymous", 403, 403),
    ],
)
def test_api_update_by_role(as_user, company, role, draft_status, published_status) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company, title="Judul lama")
    shown = published(company=company, title="Judul lama")
    client = as_user(role)
    body = {"title": "Judul baru"}
    response = client.patch(f"/api/v1/profiles/{draft.pk}/", body, content_type="application/json")
    assert response.status_code == draft_status
    response = client.patch(f"/api/v1/profiles/{shown.pk}/", body, content_type="application/json")
    assert response.status_code == published_status
    draft.refresh_from_db()
    shown.refresh_from_db()
    assert (draft.title, shown.title) == (
        "Judul baru" if draft_status == 200 else "Judul lama",
        "Judul lama",
    )


@pytest.mark.parametrize(
    ("role", "draft_status", "published_status"),
    [
        ("officer", 204, 409),
        ("member", 204, 409),
        ("teammate", 204, 409),
        ("outsider", 404, 403),
        ("viewer", 404, 403),
        ("anonymous", 403, 403),
    ],
)
def test_api_delete_by_role(as_user, company, role, draft_status, published_status) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company)
    shown = published(company=company)
    client = as_user(role)
    assert client.delete(f"/api/v1/profiles/{draft.pk}/").status_code == draft_status
    assert client.delete(f"/api/v1/profiles/{shown.pk}/").status_code == published_status
    assert PartnershipProfile.objects.filter(pk=shown.pk).exists()


ACTIONS = {
    "submit": ("draft", {}, "submitted"),
    "validate": ("submitted", {}, "validated"),
    "return": ("submitted", {"reason": "Lengkapi kapasitas."}, "returned"),
    "publish": ("validated", {}, "published"),
    "extend": ("published", {}, "published"),
    "close": ("published", {"reason": "withdrawn"}, "closed"),
}
ALLOWED = {
    "officer": set(ACTIONS),
    "member": {"submit", "publish", "extend", "close"},
    "teammate": {"submit", "publish", "extend", "close"},
    "outsider": set(),
    "viewer": set(),
    "anonymous": set(),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_api_lifecycle_by_role(as_user, company, role: str, action: str) -> None:  # type: ignore[no-untyped-def]
    source, data, target = ACTIONS[action]
    profile = (
        published(company=company)
        if source == "published"
        else ProfileFactory(company=company, status=source)
    )
    response = as_user(role).post(
        f"/api/v1/profiles/{profile.pk}/{action}/", data, content_type="application/json"
    )
    profile.refresh_from_db()
    if action in ALLOWED[role]:
        assert (response.status_code, response.json()["status"], profile.status) == (
            200,
            target,
            target,
        )
        return
    expected = 403 if role in ("anonymous", "member", "teammate") or source == "published" else 404
    assert (response.status_code, profile.status) == (expected, source)


def test_api_forbidden_transition_is_409_with_reason(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company)
    response = as_user("member").post(f"/api/v1/profiles/{profile.pk}/publish/")
    assert (response.status_code, response.json()) == (
        409,
        {"detail": "A profile that is Draft cannot be published; only one that is Validated."},
    )


def test_api_return_requires_reason(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status="submitted")
    response = as_user("officer").post(
        f"/api/v1/profiles/{profile.pk}/return/", {}, content_type="application/json"
    )
    assert (response.status_code, list(response.json())) == (400, ["reason"])


def test_api_attachment_upload(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company)
    client = as_user("member")
    url = f"/api/v1/profiles/{profile.pk}/attachments/"
    ok = client.post(url, {"file": upload("katalog.pdf", PDF_BYTES)})
    bad = client.post(url, {"file": upload("katalog.pdf", EXE_BYTES)})
    assert (ok.status_code, [a["name"] for a in ok.json()["attachments"]]) == (201, ["katalog.pdf"])
    assert (bad.status_code, bad.json()) == (
        400,
        {"file": ["katalog.pdf is not a PDF, JPEG, PNG or WebP file."]},
    )


@pytest.mark.parametrize(
    ("role", "expected"), [("outsider", 404), ("viewer", 404), ("officer", 201)]
)
def test_api_attachment_upload_by_role(as_user, company, role, expected) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company)
    response = as_user(role).post(
        f"/api/v1/profiles/{profile.pk}/attachments/", {"file": upload("a.pdf", PDF_BYTES)}
    )
    assert response.status_code == expected


def test_api_filters(as_user, company, other_company) -> None:  # type: ignore[no-untyped-def]
    published(company=company, title="A", kind="business")
    published(
        company=other_company,
        title="B",
        kind="investment",
        cooperation_types=["equity"],
        direction="request",
    )
    client = as_user("viewer")

    def titles(query: str) -> list[str]:
        return sorted(
            p["title"] for p in client.get(f"/api/v1/profiles/?{query}").json()["results"]
        )

    assert titles("kind=investment") == ["B"]
    assert titles("direction=offer") == ["A"]
    assert titles("country=ID") == ["A"]
    assert titles("target_country=JP") == ["A", "B"]
    assert titles("q=" + other_company.name) == ["B"]


@pytest.mark.parametrize("count", [1, 3])
def test_api_list_query_count_constant(as_user, company, django_assert_num_queries, count) -> None:  # type: ignore[no-untyped-def]
    textiles = textiles_sector()
    for _n in range(count):
        profile = published(company=company, sector=textiles, is_anonymous=True)
        attach(profile, "katalog.pdf")
    client = as_user("outsider")
    with django_assert_num_queries(8):
        response = client.get("/api/v1/profiles/")
    assert response.json()["count"] == count
