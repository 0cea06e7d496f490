"""An anonymous profile must never give away its poster to another company or a viewer:
not in pages, API responses, search results or attachment downloads. Expressions of
interest and introductions (pages, API, e-mails) are covered in tests/engagement/test_anonymity.py."""

from __future__ import annotations

import json

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from jembatan.opportunities.models import PartnershipProfile
from tests.factories import CompanyFactory
from tests.opportunities.factories import attach, published, textiles_sector, west_java

HIDDEN_NAME = "PT Rahasia Tekstil Nusantara"
HIDDEN_NAME_ALT = "ラハシア繊維株式会社"
HIDDEN_WEBSITE = "https://www.rahasia-tekstil.co.id/"
HIDDEN_REGISTRY_ID = "9120000099999"
HIDDEN_FILE_NAME = "Rahasia_Tekstil_company_profile.pdf"
HIDDEN_LOGO = "rahasia-logo"
SECRETS = [
    HIDDEN_NAME,
    "Rahasia Tekstil",
    HIDDEN_NAME_ALT,
    HIDDEN_WEBSITE,
    "rahasia-tekstil.co.id",
    HIDDEN_REGISTRY_ID,
    HIDDEN_FILE_NAME,
    HIDDEN_LOGO,
]


@pytest.fixture
def hidden_profile(db) -> PartnershipProfile:  # type: ignore[no-untyped-def]
    company = CompanyFactory(
        name=HIDDEN_NAME,
        name_alt=HIDDEN_NAME_ALT,
        website=HIDDEN_WEBSITE,
        registry_id=HIDDEN_REGISTRY_ID,
        region=west_java(),
    )
    company.logo.save(f"{HIDDEN_LOGO}.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    profile = published(
        company=company,
        is_anonymous=True,
        sector=textiles_sector(),
        title="Kain tenun ikat untuk pembeli Jepang",
        keywords=["songket"],
        # The label as domain/anonymity stores it when enough published firms share it.
        label_area="ID-JB",
        label_sector="textiles",
        label_checked_at=timezone.now(),
    )
    attach(profile, HIDDEN_FILE_NAME)
    # Another, named profile, so that lists are not trivially short.
    published(company=CompanyFactory(name="PT Terbuka Jaya"), title="Kemasan karton terbuka")
    return profile


def assert_no_secret(content: bytes, where: str) -> None:
    found = [
        secret
        for secret in SECRETS
        for form in (secret, json.dumps(secret)[1:-1])  # raw, and as JSON escapes it
        if form.encode().lower() in content.lower()
    ]
    assert (where, found) == (where, [])
    assert (where, b"/media/" in content) == (where, False)


def _routes(profile: PartnershipProfile) -> list[str]:
    attachment = profile.attachments.get()
    return [
        "/profiles/",
        "/profiles/?kind=business&sector=textiles&country=ID&target_country=JP",
        "/profiles/?q=songket",
        f"/profiles/{profile.pk}/",
        f"/profiles/{profile.pk}/attachments/{attachment.pk}/",
        "/api/v1/profiles/",
        "/api/v1/profiles/?q=songket",
        f"/api/v1/profiles/{profile.pk}/",
    ]


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_anonymous_profile_hidden_everywhere(as_user, hidden_profile, role) -> None:  # type: ignore[no-untyped-def]
    client = as_user(role)
    for url in _routes(hidden_profile):
        response = client.get(url)
        assert (url, response.status_code) == (url, 200)
        headers = "\n".join(f"{k}: {v}" for k, v in response.headers.items()).encode()
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert_no_secret(headers, f"headers of {url}")
        assert_no_secret(body, url)


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_anonymous_profile_is_listed_under_a_neutral_label(as_user, hidden_profile, role) -> None:  # type: ignore[no-untyped-def]
    client = as_user(role)
    page = client.get(f"/profiles/{hidden_profile.pk}/")
    api = client.get(f"/api/v1/profiles/{hidden_profile.pk}/").json()
    assert b"Indonesian IKM in West Java, textiles, garments and batik" in page.content
    assert api["company"] == {
        "id": None,
        "name": "Indonesian IKM in West Java, textiles, garments and batik",
        "website": "",
        "logo": "",
        "registry_id": "",
        "identity_hidden": True,
    }
    listed = [p["title"] for p in client.get("/api/v1/profiles/?q=songket").json()["results"]]
    assert listed == ["Kain tenun ikat untuk pembeli Jepang"]


@pytest.mark.parametrize("role", ["outsider", "viewer"])
@pytest.mark.parametrize("query", [HIDDEN_NAME, "Rahasia", HIDDEN_NAME_ALT, HIDDEN_REGISTRY_ID])
def test_search_by_hidden_identity_finds_nothing(as_user, hidden_profile, role, query) -> None:  # type: ignore[no-untyped-def]
    """A search echoes the words typed, so these pages cannot be checked for the name; what
    matters is that the hidden profile is not among the results."""
    client = as_user(role)
    page = client.get("/profiles/", {"q": query})
    assert page.context["profiles"] == []
    assert hidden_profile.title.encode() not in page.content
    assert client.get("/api/v1/profiles/", {"q": query}).json()["count"] == 0


def test_attachment_download_uses_neutral_name(as_user, hidden_profile) -> None:  # type: ignore[no-untyped-def]
    attachment = hidden_profile.attachments.get()
    response = as_user("outsider").get(
        f"/profiles/{hidden_profile.pk}/attachments/{attachment.pk}/"
    )
    assert response["Content-Disposition"] == 'attachment; filename="Attachment 1.pdf"'


def test_owner_and_officer_still_see_identity(as_user, hidden_profile) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import OrganisationFactory, UserFactory

    org = OrganisationFactory(kind="company", company=hidden_profile.company, name="x")
    owner = UserFactory(role="company_member", organisation=org)
    officer = UserFactory(role="officer")
    attachment = hidden_profile.attachments.get()
    for user in (owner, officer):
        from django.test import Client

        client = Client()
        client.force_login(user)
        page = client.get(f"/profiles/{hidden_profile.pk}/")
        assert HIDDEN_NAME.encode() in page.content
        download = client.get(f"/profiles/{hidden_profile.pk}/attachments/{attachment.pk}/")
        assert download["Content-Disposition"] == f'attachment; filename="{HIDDEN_FILE_NAME}"'
