from __future__ import annotations

import pytest

from jembatan.core.models import AuditLogEntry
from jembatan.opportunities.models import PartnershipProfile
from tests.opportunities.factories import (
    EXE_BYTES,
    PDF_BYTES,
    ProfileFactory,
    attach,
    published,
    upload,
)


def _post_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "technology",
        "direction": "request",
        "cooperation_types": ["licensing", "technical_assistance"],
        "title": "Looking for a licence for plastic injection moulds",
        "summary": "We are looking for a Japanese partner to license mould design technology.",
        "description": "",
        "language": "",
        "target_countries": ["JP"],
        "partner_size_wanted": "medium",
        "keywords": "moulds, injection",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("officer", 403),
        ("member", 200),
        ("teammate", 200),
        ("outsider", 200),
        ("viewer", 403),
        ("anonymous", 302),
    ],
)
def test_create_page_status_by_role(as_user, role, expected) -> None:  # type: ignore[no-untyped-def]
    assert as_user(role).get("/profiles/new/").status_code == expected


def test_create_saves_draft_for_own_company_with_detected_language(
    as_user, member, company
) -> None:  # type: ignore[no-untyped-def]
    data = _post_data(attachments=[upload("katalog.pdf", PDF_BYTES)])
    response = as_user("member").post("/profiles/new/", data)
    profile = PartnershipProfile.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/profiles/{profile.pk}/"
    assert (
        profile.company,
        profile.status,
        profile.created_by,
        profile.language,
        profile.language_detected,
        profile.keywords,
        profile.cooperation_types,
    ) == (
        company,
        "draft",
        member,
        "en",
        "en",
        ["moulds", "injection"],
        ["licensing", "technical_assistance"],
    )
    attachment = profile.attachments.get()
    assert (attachment.original_name, attachment.content_type, attachment.size) == (
        "katalog.pdf",
        "application/pdf",
        len(PDF_BYTES),
    )
    assert "katalog" not in attachment.file.name
    assert list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "jembatan.profile.created",
        "jembatan.profile.attachment_added",
    ]


def test_create_language_choice_overrides_detection(as_user) -> None:  # type: ignore[no-untyped-def]
    as_user("member").post("/profiles/new/", _post_data(language="id"))
    profile = PartnershipProfile.objects.get()
    assert (profile.language, profile.language_detected) == ("id", "en")


def test_create_rejects_renamed_exe(as_user) -> None:  # type: ignore[no-untyped-def]
    data = _post_data(attachments=[upload("katalog.pdf", EXE_BYTES)])
    response = as_user("member").post("/profiles/new/", data)
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "attachments": ["katalog.pdf is not a PDF, JPEG, PNG or WebP file."]
    }
    assert PartnershipProfile.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("officer", 200),
        ("member", 200),
        ("teammate", 200),
        ("outsider", 404),
        ("viewer", 404),
        ("anonymous", 302),
    ],
)
def test_edit_draft_status_by_role(as_user, company, role, expected) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company)
    assert as_user(role).get(f"/profiles/{profile.pk}/edit/").status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("officer", 302),
        ("member", 302),
        ("teammate", 302),
        ("outsider", 403),
        ("viewer", 403),
        ("anonymous", 302),
    ],
)
def test_edit_published_status_by_role(as_user, company, role, expected) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    response = as_user(role).get(f"/profiles/{profile.pk}/edit/")
    assert response.status_code == expected
    if role in ("officer", "member", "teammate"):
        assert response["Location"] == f"/profiles/{profile.pk}/"


def test_edit_returned_profile_saves_changes(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status="returned", returned_reason="Lengkapi.")
    response = as_user("member").post(
        f"/profiles/{profile.pk}/edit/", _post_data(title="Lisensi cetakan injeksi plastik")
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.title, profile.status) == ("Lisensi cetakan injeksi plastik", "returned")


@pytest.mark.parametrize(
    ("role", "expected", "remaining"),
    [
        ("officer", 302, 0),
        ("member", 302, 0),
        ("teammate", 302, 0),
        ("outsider", 404, 1),
        ("viewer", 404, 1),
        ("anonymous", 302, 1),
    ],
)
def test_attachment_delete_by_role(as_user, company, role, expected, remaining) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company)
    attachment = attach(profile, "katalog.pdf")
    response = as_user(role).post(f"/profiles/{profile.pk}/attachments/{attachment.pk}/delete/")
    assert (response.status_code, profile.attachments.count()) == (expected, remaining)


def test_attachment_delete_on_published_profile_refused(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    attachment = attach(profile, "katalog.pdf")
    as_user("member").post(f"/profiles/{profile.pk}/attachments/{attachment.pk}/delete/")
    assert profile.attachments.count() == 1
