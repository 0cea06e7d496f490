"""The home page's "new recommendations since the last visit" for a company member."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from jembatan.matching.domain.recommend import recommend_profiles_for_company
from jembatan.matching.models import HomeVisit
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
