from __future__ import annotations

import pytest
from django.test import Client

from jembatan.opportunities.views.browse import PAGE_SIZE
from tests.opportunities.factories import ProfileFactory, attach, published, textiles_sector

ROLES = ["officer", "member", "teammate", "outsider", "viewer"]


def test_list_signed_out_redirects_to_login(client: Client) -> None:
    response = client.get("/profiles/")
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=/profiles/")


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (
            "officer",
            ["draft of company", "published by company", "published by other", "draft of other"],
        ),
        ("member", ["draft of company", "published by company", "published by other"]),
        ("teammate", ["draft of company", "published by company", "published by other"]),
        ("outsider", ["published by company", "published by other"]),
        ("viewer", ["published by company", "published by other"]),
    ],
)
def test_list_shows_what_each_role_may_see(as_user, company, other_company, role, expected) -> None:  # type: ignore[no-untyped-def]
    ProfileFactory(company=company, title="draft of company")
    published(company=company, title="published by company")
    published(company=other_company, title="published by other")
    ProfileFactory(company=other_company, title="draft of other", status="submitted")
    if role == "outsider":
        expected = [*expected, "draft of other"]
    response = as_user(role).get("/profiles/")
    assert response.status_code == 200
    assert sorted(p.title for p in response.context["profiles"]) == sorted(expected)


def test_list_filters_kind_direction_sector_country(as_user, company, other_company) -> None:  # type: ignore[no-untyped-def]
    textiles = textiles_sector()
    published(company=company, title="A", kind="business", direction="offer", sector=textiles)
    published(company=company, title="B", kind="technology", cooperation_types=["licensing"])
    published(company=other_company, title="C", kind="business", direction="request")
    published(company=other_company, title="D", kind="research", target_countries=["ID", "JP"])
    published(company=other_company, title="E", kind="research", target_countries=[])
    client = as_user("viewer")

    def titles(query: str) -> list[str]:
        return sorted(p.title for p in client.get(f"/profiles/?{query}").context["profiles"])

    assert titles("kind=business") == ["A", "C"]
    assert titles("kind=business&direction=request") == ["C"]
    assert titles("sector=textiles") == ["A"]
    assert titles("country=JP&kind=business") == ["C"]
    assert titles("country=ID&kind=technology") == ["B"]
    assert titles("target_country=JP") == ["A", "B", "C", "D", "E"]
    assert titles("target_country=ID") == ["D", "E"]
    assert titles("kind=nonsense") == []


def test_list_paginates(as_user, company) -> None:  # type: ignore[no-untyped-def]
    for _n in range(PAGE_SIZE + 3):
        published(company=company)
    client = as_user("viewer")
    first = client.get("/profiles/?kind=business")
    second = client.get("/profiles/?kind=business&page=2")
    assert (len(first.context["profiles"]), len(second.context["profiles"])) == (PAGE_SIZE, 3)
    assert b'href="?kind=business&amp;page=2"' in first.content


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_constant(as_user, company, django_assert_num_queries, count) -> None:  # type: ignore[no-untyped-def]
    textiles = textiles_sector()
    for _n in range(count):
        profile = published(company=company, sector=textiles, is_anonymous=True)
        attach(profile, "katalog.pdf")
    client = as_user("outsider")
    with django_assert_num_queries(11):
        response = client.get("/profiles/")
    assert len(response.context["profiles"]) == count


@pytest.mark.parametrize(
    ("role", "draft_status", "published_status"),
    [
        ("officer", 200, 200),
        ("member", 200, 200),
        ("teammate", 200, 200),
        ("outsider", 404, 200),
        ("viewer", 404, 200),
        ("anonymous", 302, 302),
    ],
)
def test_detail_status_by_role(as_user, company, role, draft_status, published_status) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company)
    shown = published(company=company)
    client = as_user(role)
    assert client.get(f"/profiles/{draft.pk}/").status_code == draft_status
    assert client.get(f"/profiles/{shown.pk}/").status_code == published_status


def test_detail_shows_actions_to_owner_only(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    owner = as_user("member").get(f"/profiles/{profile.pk}/")
    other = as_user("outsider").get(f"/profiles/{profile.pk}/")
    assert owner.context["actions"] == {
        "edit": False,
        "submit": False,
        "validate": False,
        "publish": False,
        "extend": True,
        "close": True,
    }
    assert not any(other.context["actions"].values())


@pytest.mark.parametrize(
    ("role", "draft_status", "published_status"),
    [
        ("officer", 200, 200),
        ("member", 200, 200),
        ("teammate", 200, 200),
        ("outsider", 404, 200),
        ("viewer", 404, 200),
        ("anonymous", 302, 302),
    ],
)
def test_attachment_download_status_by_role(
    as_user, company, role, draft_status, published_status
) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company)
    draft_file = attach(draft, "draft.pdf")
    shown = published(company=company)
    shown_file = attach(shown, "katalog.pdf")
    client = as_user(role)
    url = "/profiles/{}/attachments/{}/"
    assert client.get(url.format(draft.pk, draft_file.pk)).status_code == draft_status
    assert client.get(url.format(shown.pk, shown_file.pk)).status_code == published_status


def test_attachment_download_of_other_profile_is_404(as_user, company) -> None:  # type: ignore[no-untyped-def]
    first = published(company=company)
    second = published(company=company)
    other_file = attach(second, "lain.pdf")
    response = as_user("viewer").get(f"/profiles/{first.pk}/attachments/{other_file.pk}/")
    assert response.status_code == 404


def test_attachment_download_named_and_typed(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    attachment = attach(profile, "katalog produk.pdf")
    response = as_user("viewer").get(f"/profiles/{profile.pk}/attachments/{attachment.pk}/")
    assert (
        response["Content-Type"],
        response["Content-Disposition"],
        response["X-Content-Type-Options"],
    ) == (
        "application/pdf",
        'attachment; filename="katalog produk.pdf"',
        "nosniff",
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
