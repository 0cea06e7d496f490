"""403, 404 and 500 pages: styled, in the user's language, saying why and where to go."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.utils import translation

from jembatan.web.errors import permission_denied, server_error
from tests.factories import UserFactory


@pytest.fixture
def institution_member(db):  # type: ignore[no-untyped-def]
    return UserFactory(username="school", role="institution_member")


@pytest.mark.parametrize(
    ("role", "why"),
    [
        (
            "viewer",
            "Your account is a viewer account: it reads the directory, published partnership "
            "profiles and events, but does not act for a company, see recommendations or see "
            "event participants.",
        ),
        (
            "institution_member",
            "Your account belongs to a vocational institution. Recommendations, event "
            "participants and company pages are for the companies concerned and for programme "
            "officers.",
        ),
        (
            "outsider",
            "This page belongs to another company, or is for programme officers. Your own "
            "company&#x27;s pages are under My company.",
        ),
    ],
)
def test_forbidden_recommendations_page_says_why(as_user, company, role: str, why: str) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get(f"/matching/companies/{company.pk}/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "<title>No access to this page · Jembatan</title>" in html
    assert f"<p>{why}</p>" in html
    assert 'href="/static/web/site.css"' in html
    assert '<a class="button button--quiet" href="/companies/">Directory</a>' in html


def test_forbidden_page_in_users_language(client: Client, viewer, company) -> None:  # type: ignore[no-untyped-def]
    viewer.language = "ja"
    viewer.save()
    client.force_login(viewer)
    html = client.get(f"/matching/companies/{company.pk}/").content.decode()
    assert '<html lang="ja">' in html
    assert '<h1 id="error-title">このページへのアクセス権がありません</h1>' in html
    assert "このアカウントは閲覧用です。" in html


def test_forbidden_page_shows_the_domain_reason(rf, member) -> None:  # type: ignore[no-untyped-def]
    request = rf.get("/profiles/1/edit/")
    request.user = member
    with translation.override("en"):
        response = permission_denied(request, PermissionDenied("You may not change this profile."))
    html = response.content.decode()
    assert response.status_code == 403
    assert '<p class="error-page__reason">You may not change this profile.</p>' in html
    assert f'href="/companies/{member.company_id_or_none}/">My company</a></li>' in html


@pytest.mark.django_db
def test_not_found_page_styled_in_cookie_language(client: Client) -> None:
    client.cookies["jembatan_language"] = "id"
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="id">' in html
    assert '<h1 id="error-title">Halaman tidak ditemukan</h1>' in html
    assert 'href="/accounts/login/?next=/no-such-page/"' in html


@pytest.mark.django_db
def test_server_error_page_in_active_language() -> None:
    request = RequestFactory().get("/")
    with translation.override("ja"):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ja">' in html
    assert '<h1 id="error-title">エラーが発生しました</h1>' in html


@pytest.mark.django_db
def test_favicon_linked_and_served(client: Client) -> None:
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/web/favicon.svg" type="image/svg+xml">' in html
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (301, "/static/web/favicon.svg")


@pytest.mark.parametrize("role", ["viewer", "institution_member"])
def test_hidden_participant_page_is_a_styled_not_found(as_user, company, role: str) -> None:  # type: ignore[no-untyped-def]
    """Someone else's participant is not visible to a viewer: 404, as for an id that does
    not exist (nothing tells that the participant is there), on the styled page."""
    from tests.events import factories as events

    event = events.scheduled_event(is_public=True)
    budi = events.participant(event, company, "Budi Santoso", ["id"])
    response = as_user(role).get(f"/events/{event.pk}/participants/{budi.pk}/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<h1 id="error-title">Page not found</h1>' in html
    assert "Budi Santoso" not in html
