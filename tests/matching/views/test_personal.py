"""Favourites and saved searches: permissions per role, no-JS and HTMX paths, query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.matching.domain.saved_searches import save_search
from jembatan.matching.models import Favourite, SavedSearch
from tests.factories import CompanyFactory
from tests.opportunities.factories import ProfileFactory, published

pytestmark = pytest.mark.django_db

ROLES = ["member", "teammate", "outsider", "viewer", "officer"]


@pytest.mark.parametrize("role", ROLES)
def test_star_a_published_profile_without_js_goes_back(
    as_user, other_company, role: str, request
) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=CompanyFactory(country="JP"))
    user = request.getfixturevalue(role)
    response = as_user(role).post(
        f"/matching/favourites/profiles/{profile.pk}/", {"starred": "1", "next": "/profiles/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/profiles/"
    assert list(Favourite.objects.filter(user=user).values_list("profile_id", flat=True)) == [
        profile.pk
    ]


def test_star_with_htmx_swaps_the_button(as_user, member) -> None:  # type: ignore[no-untyped-def]
    profile = published()
    response = as_user("member").post(
        f"/matching/favourites/profiles/{profile.pk}/", {"starred": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-pressed="true"' in html
    assert '<input type="hidden" name="starred" value="0">' in html


def test_unstar_removes_the_favourite(as_user, member) -> None:  # type: ignore[no-untyped-def]
    profile = published()
    Favourite.objects.create(user=member, profile=profile)
    as_user("member").post(f"/matching/favourites/profiles/{profile.pk}/", {"starred": "0"})
    assert not Favourite.objects.filter(user=member).exists()


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_star_someone_elses_draft_is_404(as_user, company, role: str) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company, status="draft")
    response = as_user(role).post(f"/matching/favourites/profiles/{draft.pk}/", {"starred": "1"})
    assert response.status_code == 404
    assert not Favourite.objects.exists()


def test_star_anonymous_goes_to_sign_in(client) -> None:  # type: ignore[no-untyped-def]
    profile = published()
    response = client.post(f"/matching/favourites/profiles/{profile.pk}/", {"starred": "1"})
    assert response.status_code == 302
    assert (
        response["Location"] == f"/accounts/login/?next=/matching/favourites/profiles/{profile.pk}/"
    )


def test_star_by_get_is_not_allowed(as_user) -> None:  # type: ignore[no-untyped-def]
    profile = published()
    assert as_user("member").get(f"/matching/favourites/profiles/{profile.pk}/").status_code == 405


def test_star_refuses_an_outside_next(as_user, other_company) -> None:  # type: ignore[no-untyped-def]
    response = as_user("viewer").post(
        f"/matching/favourites/companies/{other_company.pk}/",
        {"starred": "1", "next": "https://evil.example/"},
    )
    assert response["Location"] == f"/companies/{other_company.pk}/"


@pytest.mark.parametrize("role", ROLES)
def test_favourites_page_lists_only_the_users_own(
    as_user, role: str, request, other_company
) -> None:  # type: ignore[no-untyped-def]
    mine = published(title="Kain tenun favorit saya")
    theirs = published(title="Favorit orang lain")
    user = request.getfixturevalue(role)
    Favourite.objects.create(user=user, profile=mine)
    Favourite.objects.create(user=user, company=other_company)
    someone = request.getfixturevalue("viewer" if role != "viewer" else "officer")
    Favourite.objects.create(user=someone, profile=theirs)
    html = as_user(role).get("/matching/favourites/").content.decode()
    assert "Kain tenun favorit saya" in html
    assert "Favorit orang lain" not in html
    assert f'href="/companies/{other_company.pk}/"' in html


def test_favourites_page_shows_an_anonymous_profile_through_public_view(as_user, viewer) -> None:  # type: ignore[no-untyped-def]
    poster = CompanyFactory(name="CV Rahasia Sekali")
    profile = published(company=poster, is_anonymous=True, title="Profil tanpa nama")
    Favourite.objects.create(user=viewer, profile=profile)
    html = as_user("viewer").get("/matching/favourites/").content.decode()
    assert "Profil tanpa nama" in html
    assert "CV Rahasia Sekali" not in html


def test_favourites_page_anonymous_goes_to_sign_in(client) -> None:  # type: ignore[no-untyped-def]
    assert (
        client.get("/matching/favourites/")["Location"]
        == "/accounts/login/?next=/matching/favourites/"
    )


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_favourites_page_query_count_does_not_grow(as_user, viewer) -> None:  # type: ignore[no-untyped-def]
    client = as_user("viewer")
    Favourite.objects.create(user=viewer, profile=published())
    Favourite.objects.create(user=viewer, company=CompanyFactory())
    one = _queries(client, "/matching/favourites/")
    for _n in range(2):
        Favourite.objects.create(user=viewer, profile=published())
        Favourite.objects.create(user=viewer, company=CompanyFactory())
    assert _queries(client, "/matching/favourites/") == one


def test_profile_list_cards_show_stars_in_one_query(as_user, member) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    first = published()
    Favourite.objects.create(user=member, profile=first)
    one = _queries(client, "/profiles/")
    for _n in range(2):
        published()
    html = client.get("/profiles/").content.decode()
    assert html.count('class="star"') == 3
    assert html.count('class="star__button" aria-pressed="true"') == 1
    assert _queries(client, "/profiles/") == one


def test_profile_and_company_pages_have_a_star(as_user, other_company) -> None:  # type: ignore[no-untyped-def]
    profile = published()
    client = as_user("member")
    assert (
        f'action="/matching/favourites/profiles/{profile.pk}/"'
        in client.get(f"/profiles/{profile.pk}/").content.decode()
    )
    assert (
        f'action="/matching/favourites/companies/{other_company.pk}/"'
        in client.get(f"/companies/{other_company.pk}/").content.decode()
    )


# -- saved searches


@pytest.mark.parametrize("role", ROLES)
def test_save_a_search_and_list_it(as_user, role: str, request) -> None:  # type: ignore[no-untyped-def]
    client = as_user(role)
    response = client.post(
        "/matching/searches/",
        {
            "name": "Kemasan",
            "scope": "search",
            "query": "q=kemasan&type=profile&page=2",
            "alert": "on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/matching/searches/"
    saved = SavedSearch.objects.get(user=request.getfixturevalue(role))
    assert (saved.name, saved.params, saved.alert) == (
        "Kemasan",
        {"q": "kemasan", "type": "profile"},
        True,
    )
    html = client.get("/matching/searches/").content.decode()
    assert (
        '<a class="saved-search__name" href="/matching/search/?q=kemasan&amp;type=profile">Kemasan</a>'
        in html
    )


def test_save_a_company_search_keeps_no_alert(as_user, member) -> None:  # type: ignore[no-untyped-def]
    as_user("member").post(
        "/matching/searches/",
        {"name": "Firms", "scope": "search", "query": "q=kemasan&type=company", "alert": "on"},
    )
    assert SavedSearch.objects.get(user=member).alert is False


def test_save_a_search_without_a_name_is_refused(as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("member").post(
        "/matching/searches/", {"name": "", "scope": "search", "query": "q=x"}
    )
    assert response.status_code == 302
    assert not SavedSearch.objects.exists()


def test_saved_searches_list_only_the_users_own(as_user, member, outsider) -> None:  # type: ignore[no-untyped-def]
    save_search(member, "Punya saya", "directory", {"q": "kemasan"})
    save_search(outsider, "Punya orang lain", "directory", {"q": "batik"})
    html = as_user("member").get("/matching/searches/").content.decode()
    assert "Punya saya" in html
    assert "Punya orang lain" not in html


@pytest.mark.parametrize("role", ["teammate", "outsider", "viewer", "officer"])
def test_delete_someone_elses_saved_search_is_404(as_user, member, role: str) -> None:  # type: ignore[no-untyped-def]
    saved = save_search(member, "Punya saya", "directory", {"q": "kemasan"})
    response = as_user(role).post(f"/matching/searches/{saved.pk}/delete/")
    assert response.status_code == 404
    assert SavedSearch.objects.filter(pk=saved.pk).exists()


def test_delete_own_saved_search(as_user, member) -> None:  # type: ignore[no-untyped-def]
    saved = save_search(member, "Punya saya", "directory", {"q": "kemasan"})
    response = as_user("member").post(f"/matching/searches/{saved.pk}/delete/")
    assert response["Location"] == "/matching/searches/"
    assert not SavedSearch.objects.exists()


def test_saved_searches_anonymous_goes_to_sign_in(client) -> None:  # type: ignore[no-untyped-def]
    assert (
        client.get("/matching/searches/")["Location"] == "/accounts/login/?next=/matching/searches/"
    )


def test_saved_searches_query_count_does_not_grow(as_user, member) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    save_search(member, "A", "directory", {"q": "a"})
    one = _queries(client, "/matching/searches/")
    save_search(member, "B", "search", {"q": "b"})
    save_search(member, "C", "directory", {})
    assert _queries(client, "/matching/searches/") == one


def test_directory_results_offer_to_save_the_search(as_user) -> None:  # type: ignore[no-untyped-def]
    html = as_user("member").get("/companies/?country=JP&sector=packaging").content.decode()
    assert '<input type="hidden" name="scope" value="directory">' in html
    assert '<input type="hidden" name="query" value="country=JP&amp;sector=packaging">' in html
