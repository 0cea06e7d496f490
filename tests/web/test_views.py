from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import CompanyFactory


@pytest.mark.django_db
def test_home_shows_counts_by_country(client: Client) -> None:
    CompanyFactory.create_batch(2, country="ID")
    CompanyFactory(country="JP")
    response = client.get("/")
    # Anonymous visitors get the default language, Indonesian.
    assert response.context["country_counts"] == [("Indonesia", "ID", 2), ("Jepang", "JP", 1)]
    assert response.context["company_total"] == 3


@pytest.mark.django_db
def test_home_anonymous_is_prompted_to_sign_in(client: Client) -> None:
    html = client.get("/").content.decode()
    assert 'href="/accounts/login/"' in html
    assert 'href="/companies/validation/"' not in html


@pytest.mark.parametrize(
    ("role", "sees_queue"),
    [
        ("officer", True),
        ("member", False),
        ("teammate", False),
        ("outsider", False),
        ("viewer", False),
    ],
)
def test_home_nav_by_role(
    client: Client, request: pytest.FixtureRequest, role: str, sees_queue: bool
) -> None:
    client.force_login(request.getfixturevalue(role))
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/companies/"' in html
    assert ('href="/companies/validation/"' in html) is sees_queue


def test_home_member_has_link_to_own_company(client: Client, member, company) -> None:  # type: ignore[no-untyped-def]
    client.force_login(member)
    assert f'href="/companies/{company.pk}/"' in client.get("/").content.decode()


def test_language_switch_saves_user_language(client: Client, member) -> None:  # type: ignore[no-untyped-def]
    client.force_login(member)
    response = client.post("/language/", {"language": "ja", "next": "/companies/"})
    member.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/companies/"
    assert member.language == "ja"
    assert response.cookies["jembatan_language"].value == "ja"
    assert 'lang="ja"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_language_switch_anonymous_sets_cookie(client: Client) -> None:
    response = client.post("/language/", {"language": "en", "next": "/"})
    assert response.cookies["jembatan_language"].value == "en"
    assert 'lang="en"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_language_switch_refuses_foreign_next_and_unknown_language(client: Client) -> None:
    response = client.post("/language/", {"language": "fr", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert "jembatan_language" not in response.cookies


@pytest.mark.django_db
def test_language_switch_get_not_allowed(client: Client) -> None:
    assert client.get("/language/").status_code == 405


@pytest.mark.django_db
def test_base_serves_htmx_locally(client: Client) -> None:
    html = client.get("/").content.decode()
    assert '<script src="/static/web/vendor/htmx.min.js" defer></script>' in html
    assert '<script src="/static/web/site.js" defer></script>' in html
    assert "https://" not in html.split("<body")[0]


@pytest.mark.parametrize(
    ("language", "heading"),
    [("id", "Direktori perusahaan"), ("ja", "企業ディレクトリ"), ("en", "Company directory")],
)
def test_directory_heading_in_user_language(
    client: Client, viewer, language: str, heading: str
) -> None:  # type: ignore[no-untyped-def]
    viewer.language = language
    viewer.save()
    client.force_login(viewer)
    assert f"<h1>{heading}</h1>" in client.get("/companies/").content.decode()


@pytest.mark.django_db
def test_login_page_renders_for_anonymous(client: Client) -> None:
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()
