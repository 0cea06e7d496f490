from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from jembatan.opportunities.domain.queries.profiles import search, visible_profiles
from jembatan.opportunities.models import PartnershipProfile
from tests.opportunities.factories import ProfileFactory, published


@pytest.fixture
def profiles(company, other_company):  # type: ignore[no-untyped-def]
    return {
        "own_draft": ProfileFactory(company=company, title="own draft"),
        "own_published": published(company=company, title="own published"),
        "other_draft": ProfileFactory(company=other_company, title="other draft"),
        "other_published": published(company=other_company, title="other published"),
        "other_expired": ProfileFactory(
            company=other_company, status="expired", title="other expired"
        ),
    }


def _titles(user: object) -> set[str]:
    return set(visible_profiles(user).values_list("title", flat=True))


def test_visible_profiles_officer_sees_all(officer, profiles) -> None:  # type: ignore[no-untyped-def]
    assert _titles(officer) == {p.title for p in profiles.values()}


def test_visible_profiles_member_sees_own_and_published(member, profiles) -> None:  # type: ignore[no-untyped-def]
    assert _titles(member) == {"own draft", "own published", "other published"}


def test_visible_profiles_outsider_sees_own_and_published(outsider, profiles) -> None:  # type: ignore[no-untyped-def]
    assert _titles(outsider) == {"own published", "other draft", "other published", "other expired"}


def test_visible_profiles_viewer_sees_published_only(viewer, profiles) -> None:  # type: ignore[no-untyped-def]
    assert _titles(viewer) == {"own published", "other published"}


def test_visible_profiles_signed_out_sees_none(profiles) -> None:  # type: ignore[no-untyped-def]
    assert _titles(AnonymousUser()) == set()


def test_search_by_company_name_skips_anonymous_profiles(company, other_company) -> None:  # type: ignore[no-untyped-def]
    published(company=company, title="anon", is_anonymous=True)
    published(company=other_company, title="named")
    found = search(PartnershipProfile.objects.all(), company.name)
    assert list(found.values_list("title", flat=True)) == []
    found = search(PartnershipProfile.objects.all(), other_company.name)
    assert list(found.values_list("title", flat=True)) == ["named"]


def test_search_matches_title_summary_and_keywords(company) -> None:  # type: ignore[no-untyped-def]
    published(company=company, title="Batik cap", keywords=["songket"])
    published(company=company, title="Kemasan karton", summary="Karton gelombang")
    qs = PartnershipProfile.objects.all()
    assert list(search(qs, "BATIK").values_list("title", flat=True)) == ["Batik cap"]
    assert list(search(qs, "SONGKET").values_list("title", flat=True)) == ["Batik cap"]
    assert list(search(qs, "gelombang").values_list("title", flat=True)) == ["Kemasan karton"]
