"""The home page's "new recommendations since the last visit" for a company member."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jembatan.matching.domain.recommend import recommend_profiles_for_company
from jembatan.matching.models import HomeVisit
from jembatan.opportunities.models import PartnershipProfile, Status
from tests.matching.corpus import Corpus
from tests.opportunities.factories import PUBLISHED_AT


def _new(html: str) -> list[str]:
    section = re.search(r'aria-labelledby="recs-title">(.*?)</section>', html, re.S)
    assert section is not None
    return re.findall(r'<a href="/profiles/(\d+)/">', section.group(1))


@pytest.mark.parametrize("role", ["member", "teammate"])
def test_home_shows_recommendations_published_since_the_last_visit(
    as_user, corpus: Corpus, request, role: str
) -> None:  # type: ignore[no-untyped-def]
    user = request.getfixturevalue(role)
    HomeVisit.objects.create(user=user, home_seen_at=PUBLISHED_AT - dt.timedelta(days=1))
    expected = [
        str(r.target_id)
        for r in recommend_profiles_for_company(corpus.packaging_ikm, user, limit=20)
    ][:5]
    assert expected
    assert _new(as_user(role).get("/").content.decode()) == expected


def test_home_says_nothing_new_after_a_visit(as_user, member, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    HomeVisit.objects.create(user=member, home_seen_at=timezone.now())
    html = as_user("member").get("/").content.decode()
    assert _new(html) == []
    assert "Nothing new since your last visit." in html


def test_home_visit_resets_what_is_new(as_user, member, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    HomeVisit.objects.create(user=member, home_seen_at=PUBLISHED_AT - dt.timedelta(days=1))
    client = as_user("member")
    assert _new(client.get("/").content.decode())
    assert _new(client.get("/").content.decode()) == []


def _view(client, member) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    """The panel's profile ids and the page's query count, as if new since the last visit."""
    HomeVisit.objects.update_or_create(
        user=member, defaults={"home_seen_at": PUBLISHED_AT - dt.timedelta(days=1)}
    )
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()
    return _new(html), len(queries)


def test_home_panel_reads_rankings_from_the_cache(
    as_user, member, corpus: Corpus, search_cache
) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    first, computed = _view(client, member)
    assert first
    again, cached = _view(client, member)
    assert again == first
    assert cached < computed  # the ranking itself is not run again


def test_cached_panel_hides_what_was_closed_or_made_invisible_since(
    as_user, member, corpus: Corpus, search_cache
) -> None:  # type: ignore[no-untyped-def]
    """Privacy: the cache holds ids and scores only; each view checks them again. The
    changes below go round the signals (QuerySet.update), so no generation is bumped and
    the cached rankings are still the ones read."""
    client = as_user("member")
    shown, _ = _view(client, member)
    assert len(shown) >= 2, shown
    closed, anonymous = (int(pk) for pk in shown[:2])
    PartnershipProfile.objects.filter(pk=closed).update(
        status=Status.CLOSED, closed_reason="withdrawn"
    )
    PartnershipProfile.objects.filter(pk=anonymous).update(is_anonymous=True)
    poster = PartnershipProfile.objects.select_related("company").get(pk=anonymous).company.name
    HomeVisit.objects.filter(user=member).update(home_seen_at=PUBLISHED_AT - dt.timedelta(days=1))
    html = client.get("/").content.decode()
    assert _new(html) == [pk for pk in shown if pk != str(closed)]
    section = re.search(r'aria-labelledby="recs-title">(.*?)</section>', html, re.S)
    assert section is not None
    assert poster not in section.group(1)
    # one the member may not see (back to draft), one expired (no task flipped its status)
    PartnershipProfile.objects.filter(pk=anonymous).update(status=Status.DRAFT)
    assert str(anonymous) not in _view(client, member)[0]
    PartnershipProfile.objects.filter(pk=anonymous).update(
        status=Status.PUBLISHED, expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    assert str(anonymous) not in _view(client, member)[0]
    PartnershipProfile.objects.filter(pk=anonymous).update(
        expires_at=timezone.now() + dt.timedelta(days=30)
    )
    assert str(anonymous) in _view(client, member)[0]  # the cache still held it
