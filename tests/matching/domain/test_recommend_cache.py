"""The cached ranking behind a profile's recommendations: what it shows is what a fresh
computation shows, and what a viewer may see is decided on every read.

The changes below go round the signals (QuerySet.update, objects.create), so no generation
is bumped and the cached ranking is still the one read."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.matching.domain import keyword_store, recommend
from jembatan.matching.domain.phrases import matching_phrases
from jembatan.matching.domain.recommend import Recommendation, recommend_for_profile
from jembatan.matching.models import RecommendationFeedback
from jembatan.opportunities.domain.presentation import public_view
from jembatan.opportunities.domain.queries.profiles import for_display
from jembatan.opportunities.models import PartnershipProfile, Status
from tests.matching.corpus import Corpus


@pytest.fixture
def any_phrase(monkeypatch):  # type: ignore[no-untyped-def]
    """Every pair of phrases shown (the test corpus has few above the threshold)."""
    monkeypatch.setattr(
        recommend,
        "matching_phrases",
        lambda *args, **kwargs: matching_phrases(*args, min_similarity=-1.0, **kwargs),
    )


def _source(corpus: Corpus) -> PartnershipProfile:
    """The source profile as the page loads it."""
    return for_display(PartnershipProfile.objects.filter(pk=corpus.machine_offer.pk)).get()


def _recommend(corpus: Corpus, viewer: Any) -> tuple[list[Recommendation], int]:
    with CaptureQueriesContext(connection) as queries:
        recs = recommend_for_profile(_source(corpus), viewer)
    return recs, len(queries)


def _fresh(corpus: Corpus, viewer: Any) -> list[Recommendation]:
    """The same computed from scratch (every cached entry retired)."""
    keyword_store.documents_changed()
    return recommend_for_profile(_source(corpus), viewer)


def test_cached_recommendations_equal_the_computed_ones(
    corpus: Corpus, outsider, search_cache, any_phrase
) -> None:  # type: ignore[no-untyped-def]
    first, computed = _recommend(corpus, outsider)
    again, cached = _recommend(corpus, outsider)
    assert first
    assert again == first  # ids, scores, factors, phrases, the views
    assert any(rec.phrases for rec in first)
    assert cached < computed - 5  # neither the ranking nor the phrases ran again


def test_cached_ranking_is_shown_to_each_viewer_as_that_viewer_may_see_it(
    corpus: Corpus, outsider, officer, search_cache
) -> None:  # type: ignore[no-untyped-def]
    """Privacy: the anonymous poster's identity is decided per viewer on read."""
    recommend_for_profile(_source(corpus), outsider)  # cached by one viewer
    target = for_display(PartnershipProfile.objects.filter(pk=corpus.packaging_request.pk)).get()
    for viewer in (outsider, officer):
        recs, _ = _recommend(corpus, viewer)
        shown = next(rec for rec in recs if rec.target_id == target.pk)
        assert shown.profile == public_view(target, viewer)
    assert public_view(target, outsider).identity_hidden is True


def test_target_made_anonymous_after_caching_is_hidden_and_ranked_anew(
    corpus: Corpus, outsider, search_cache
) -> None:  # type: ignore[no-untyped-def]
    before, _ = _recommend(corpus, outsider)
    named = next(rec for rec in before if rec.profile and not rec.profile.identity_hidden)
    PartnershipProfile.objects.filter(pk=named.target_id).update(is_anonymous=True)
    after, _ = _recommend(corpus, outsider)
    shown = next(rec for rec in after if rec.target_id == named.target_id)
    assert shown.profile is not None
    assert shown.profile.identity_hidden is True
    # its size and language factors no longer describe the firm the label hides
    assert after == _fresh(corpus, outsider)


def test_target_marked_not_relevant_or_closed_after_caching_is_not_shown(
    corpus: Corpus, outsider, search_cache
) -> None:  # type: ignore[no-untyped-def]
    before, _ = _recommend(corpus, outsider)
    assert len(before) >= 3
    marked, closed = before[0].target_id, before[1].target_id
    RecommendationFeedback.objects.create(
        company=corpus.machine_maker, target_type="profile", target_id=marked
    )
    PartnershipProfile.objects.filter(pk=closed).update(
        status=Status.CLOSED, closed_reason="withdrawn"
    )
    after, _ = _recommend(corpus, outsider)
    assert [rec.target_id for rec in after] == [
        rec.target_id for rec in before if rec.target_id not in {marked, closed}
    ]


def test_edited_target_text_gets_its_phrases_again(
    corpus: Corpus, outsider, search_cache, any_phrase
) -> None:  # type: ignore[no-untyped-def]
    before, _ = _recommend(corpus, outsider)
    first = before[0]
    assert first.phrases
    PartnershipProfile.objects.filter(pk=first.target_id).update(summary="", description="")
    after, _ = _recommend(corpus, outsider)
    target = PartnershipProfile.objects.get(pk=first.target_id)
    shown = next(rec for rec in after if rec.target_id == first.target_id)
    assert all(pair.right in target.title for pair in shown.phrases)


def test_source_edit_retires_its_ranking_at_once(corpus: Corpus, outsider, search_cache) -> None:  # type: ignore[no-untyped-def]
    _recommend(corpus, outsider)
    PartnershipProfile.objects.filter(pk=corpus.machine_offer.pk).update(
        cooperation_types=["distribution"]
    )
    after, _ = _recommend(corpus, outsider)
    assert after == _fresh(corpus, outsider)
