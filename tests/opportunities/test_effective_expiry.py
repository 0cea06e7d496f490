"""A profile past its expiry date is not published anywhere, whether or not the daily expiry
task has run: pages, API, search and recommendation candidates, and its status reads expired."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from jembatan.matching.domain.recommend import profile_candidates
from jembatan.opportunities.domain.queries.profiles import (
    published_profiles,
    visible_profiles,
    with_effective_status,
)
from jembatan.opportunities.models import PartnershipProfile
from tests.opportunities.factories import published


@pytest.fixture
def overdue(company) -> PartnershipProfile:  # type: ignore[no-untyped-def]
    """Still 'published' in the status column: the expiry task has not run since yesterday."""
    profile = published(company=company, title="Overdue offer")
    profile.expires_at = timezone.now() - dt.timedelta(days=1)
    profile.save()
    return profile


@pytest.fixture
def current(other_company) -> PartnershipProfile:  # type: ignore[no-untyped-def]
    return published(company=other_company, title="Current request", direction="request")


def test_overdue_profile_properties_say_expired(overdue) -> None:  # type: ignore[no-untyped-def]
    assert (overdue.status, overdue.is_effectively_published, overdue.effective_status) == (
        "published",
        False,
        "expired",
    )


def test_published_profiles_excludes_overdue(overdue, current) -> None:  # type: ignore[no-untyped-def]
    assert list(published_profiles().values_list("title", flat=True)) == ["Current request"]
    expired = with_effective_status(PartnershipProfile.objects.all(), "expired")
    assert list(expired.values_list("title", flat=True)) == ["Overdue offer"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("officer", ["Current request", "Overdue offer"]),
        ("member", ["Current request", "Overdue offer"]),
        ("teammate", ["Current request", "Overdue offer"]),
        ("outsider", ["Current request"]),
        ("viewer", ["Current request"]),
    ],
)
def test_visible_profiles_hide_overdue_from_others(  # type: ignore[no-untyped-def]
    request, overdue, current, role, expected
) -> None:
    user = request.getfixturevalue(role)
    assert sorted(visible_profiles(user).values_list("title", flat=True)) == expected


@pytest.mark.parametrize(("role", "status"), [("outsider", 404), ("viewer", 404)])
def test_overdue_detail_is_not_found_for_others(as_user, overdue, role, status) -> None:  # type: ignore[no-untyped-def]
    assert as_user(role).get(f"/profiles/{overdue.pk}/").status_code == status
    assert as_user(role).get(f"/api/v1/profiles/{overdue.pk}/").status_code == status


@pytest.mark.parametrize("role", ["member", "teammate", "officer"])
def test_overdue_detail_shows_expired_to_its_managers(as_user, overdue, role) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get(f"/profiles/{overdue.pk}/")
    view = response.context["profile"]
    assert (view.status, view.status_label) == ("expired", "Expired")
    content = response.content.decode()
    assert ('badge--status-expired">Expired</span>' in content, "until" in content) == (True, False)
    data = as_user(role).get(f"/api/v1/profiles/{overdue.pk}/").json()
    assert data["status"] == "expired"


def test_overdue_list_pages_and_api_for_outsider(as_user, overdue, current) -> None:  # type: ignore[no-untyped-def]
    client = as_user("outsider")
    page = client.get("/profiles/")
    assert [p.title for p in page.context["profiles"]] == ["Current request"]
    api = client.get("/api/v1/profiles/").json()
    assert [p["title"] for p in api["results"]] == ["Current request"]


def test_api_status_filter_uses_effective_status(as_user, overdue, current) -> None:  # type: ignore[no-untyped-def]
    client = as_user("officer")

    def titles(status: str) -> list[str]:
        data = client.get(f"/api/v1/profiles/?status={status}").json()
        return [p["title"] for p in data["results"]]

    assert (titles("published"), titles("expired")) == (["Current request"], ["Overdue offer"])


def test_recommendation_candidates_exclude_overdue(overdue, current) -> None:  # type: ignore[no-untyped-def]
    assert set(profile_candidates(current).values_list("pk", flat=True)) == set()
    assert set(profile_candidates(overdue).values_list("pk", flat=True)) == {current.pk}


def test_overdue_can_still_be_extended(member, overdue) -> None:  # type: ignore[no-untyped-def]
    from jembatan.opportunities.domain import lifecycle

    lifecycle.extend(overdue, member)
    overdue.refresh_from_db()
    assert (overdue.effective_status, overdue.expires_at > timezone.now()) == ("published", True)
