"""The navigation offers each role the pages it may use: queues, recommendations."""

from __future__ import annotations

import re

import pytest

from tests.factories import UserFactory

QUEUES = ['href="/companies/validation/"', 'href="/profiles/queue/"', 'href="/imports/"']


def _nav(html: str) -> str:
    match = re.search(r'<nav class="site-nav".*?</nav>', html, re.S)
    assert match is not None
    return match.group(0)


@pytest.mark.parametrize(
    ("role", "sees_queues"),
    [
        ("officer", True),
        ("member", False),
        ("teammate", False),
        ("outsider", False),
        ("viewer", False),
    ],
)
def test_nav_queues_by_role(as_user, role: str, sees_queues: bool) -> None:  # type: ignore[no-untyped-def]
    nav = _nav(as_user(role).get("/").content.decode())
    assert [link in nav for link in QUEUES] == [sees_queues] * 3


@pytest.mark.parametrize("role", ["member", "teammate"])
def test_nav_members_reach_company_recommendations(as_user, company, role: str) -> None:  # type: ignore[no-untyped-def]
    nav = _nav(as_user(role).get("/").content.decode())
    assert f'<a href="/matching/companies/{company.pk}/">Recommended partners</a>' in nav


def test_nav_outsider_recommendations_are_its_own(as_user, other_company) -> None:  # type: ignore[no-untyped-def]
    nav = _nav(as_user("outsider").get("/").content.decode())
    assert f'<a href="/matching/companies/{other_company.pk}/">Recommended partners</a>' in nav


@pytest.mark.parametrize("role", ["officer", "viewer"])
def test_nav_no_recommendations_without_company(as_user, role: str) -> None:  # type: ignore[no-untyped-def]
    assert "Recommended partners" not in _nav(as_user(role).get("/").content.decode())


def test_nav_institution_member_sees_public_sections_only(client, db) -> None:  # type: ignore[no-untyped-def]
    client.force_login(UserFactory(username="school", role="institution_member"))
    nav = _nav(client.get("/").content.decode())
    assert re.findall(r'href="([^"]+)"', nav) == [
        "/companies/",
        "/profiles/",
        "/matching/search/",
        "/events/",
        "/vocational/mine/",  # and vocational cooperation, their institution's own work
        "/matching/favourites/",
    ]


def test_nav_profile_queue_marked_current(as_user) -> None:  # type: ignore[no-untyped-def]
    nav = _nav(as_user("officer").get("/profiles/queue/").content.decode())
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', nav) == ["/profiles/queue/"]


def test_nav_recommendations_marked_current(as_user, company) -> None:  # type: ignore[no-untyped-def]
    nav = _nav(as_user("member").get(f"/matching/companies/{company.pk}/").content.decode())
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', nav) == [
        f"/matching/companies/{company.pk}/"
    ]


def test_nav_officer_queues_show_their_counts(as_user, company, other_company) -> None:  # type: ignore[no-untyped-def]
    nav = _nav(as_user("officer").get("/").content.decode())
    links = re.findall(r'<a href="([^"]+)">([^<]+)<span class="nav-count[^"]*">(\d+)</span>', nav)
    assert links == [
        ("/companies/validation/", "Companies to validate ", "2"),
        ("/accounts/claims/", "Claims ", "0"),
        ("/accounts/institutions/", "Institutions ", "0"),
        ("/profiles/queue/", "Profiles to validate ", "0"),
        ("/companies/crosswalk/", "Crosswalk ", str(_proposed_links())),
        ("/imports/", "Import ", "0"),
        ("/interests/queue/", "Interests to review ", "0"),
        ("/interests/agreements/", "Agreements to confirm ", "0"),
        ("/interests/pipeline/", "Stale introductions ", "0"),
        ("/translations/requests/", "Translations requested ", "0"),
        ("/vocational/", "MoUs expiring ", "0"),
        ("/privacy/erasure-requests/", "Erasure requests ", "0"),
    ]


def _proposed_links() -> int:
    from jembatan.registry.domain.queues import count_crosswalk_to_review

    return count_crosswalk_to_review()
