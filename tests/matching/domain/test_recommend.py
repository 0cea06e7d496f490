"""Explanations, feedback and company recommendations."""

from __future__ import annotations

import math

import pytest
from django.utils import translation

from jembatan.matching.domain import embeddings
from jembatan.matching.domain.phrases import MIN_PHRASE_SIMILARITY
from jembatan.matching.domain.recommend import (
    mark_not_relevant,
    recommend_companies,
    recommend_for_profile,
    recommend_profiles_for_company,
)
from jembatan.matching.domain.scoring import WEIGHTS
from jembatan.matching.models import RecommendationFeedback
from tests.factories import CompanyFactory
from tests.matching.corpus import Corpus
from tests.opportunities.factories import published


def test_explanation_factors_sum_to_the_score(corpus: Corpus, outsider) -> None:  # type: ignore[no-untyped-def]
    recs = recommend_for_profile(corpus.machine_offer, outsider)
    assert (len(recs), recs[0].target_id) == (4, corpus.packaging_request.pk)
    for rec in recs:
        assert [f.key for f in rec.factors] == list(WEIGHTS)
        assert math.isclose(sum(f.contribution for f in rec.factors), rec.score, abs_tol=1e-3)
        assert all(0.0 <= f.value <= 1.0 for f in rec.factors)


def test_explanation_sector_and_language_values(corpus: Corpus, outsider) -> None:  # type: ignore[no-untyped-def]
    first = recommend_for_profile(corpus.machine_offer, outsider)[0]
    values = {f.key: f.value for f in first.factors}
    # Same programme sector (packaging). The first is the anonymous packaging request: its
    # firm's English is not disclosed, only the language of its (Indonesian) text counts.
    assert (first.profile.identity_hidden if first.profile else None) is True
    assert (values["sector"], values["language"], values["feedback"]) == (1.0, 0.0, 0.0)


def test_explanation_phrases_come_from_both_texts(corpus: Corpus, outsider) -> None:  # type: ignore[no-untyped-def]
    first = recommend_for_profile(corpus.machine_offer, outsider)[0]
    source = embeddings.profile_text(corpus.machine_offer)
    target = embeddings.profile_text(corpus.packaging_request)
    assert len(first.phrases) <= 3
    for pair in first.phrases:
        assert pair.left in source
        assert pair.right in target
        assert pair.similarity > MIN_PHRASE_SIMILARITY
        assert pair.left != pair.right


def test_explanation_labels_in_viewer_language(corpus: Corpus, outsider) -> None:  # type: ignore[no-untyped-def]
    with translation.override("ja"):
        ja = recommend_for_profile(corpus.machine_offer, outsider, with_phrases=False)[0]
    with translation.override("id"):
        id_ = recommend_for_profile(corpus.machine_offer, outsider, with_phrases=False)[0]
    assert ja.factors[0].label == "テキストの意味の近さ"
    assert id_.factors[0].label == "Kemiripan makna teks"


def test_feedback_hides_the_recommendation_and_is_recorded(corpus: Corpus, outsider) -> None:  # type: ignore[no-untyped-def]
    first = recommend_for_profile(corpus.machine_offer, outsider, with_phrases=False)[0]
    mark_not_relevant(
        corpus.machine_maker, "profile", first.target_id, outsider, corpus.machine_offer, first
    )
    after = recommend_for_profile(corpus.machine_offer, outsider, with_phrases=False)
    assert first.target_id not in [r.target_id for r in after]
    feedback = RecommendationFeedback.objects.get()
    assert (feedback.source_profile_id, feedback.score) == (corpus.machine_offer.pk, first.score)
    assert set(feedback.factors) == set(WEIGHTS)


def test_feedback_of_others_lowers_the_score(corpus: Corpus, officer) -> None:  # type: ignore[no-untyped-def]
    before = recommend_for_profile(corpus.batik_request, officer, with_phrases=False)[0]
    mark_not_relevant(corpus.snacks, "profile", before.target_id, officer)
    after = recommend_for_profile(corpus.batik_request, officer, with_phrases=False)[0]
    assert after.target_id == before.target_id
    assert math.isclose(after.score, before.score + WEIGHTS["feedback"] / 3, abs_tol=1e-3)


def test_company_recommendations_merge_profiles_and_firms(corpus: Corpus, outsider) -> None:  # type: ignore[no-untyped-def]
    profiles = recommend_profiles_for_company(corpus.machine_maker, outsider)
    assert profiles[0].target_id == corpus.packaging_request.pk
    firms = recommend_companies(corpus.machine_maker, outsider)
    assert {f.target_id for f in firms} == {
        corpus.packaging_ikm.pk,
        corpus.batik.pk,
        corpus.auto_parts.pk,
        corpus.snacks.pk,
    }
    assert firms[0].target_id == corpus.packaging_ikm.pk


@pytest.mark.parametrize("target", ["batik", "snacks"])
def test_company_feedback_hides_a_firm(corpus: Corpus, outsider, target: str) -> None:  # type: ignore[no-untyped-def]
    hidden = getattr(corpus, target)
    mark_not_relevant(corpus.machine_maker, "company", hidden.pk, outsider)
    firms = recommend_companies(corpus.machine_maker, outsider)
    assert hidden.pk not in {f.target_id for f in firms}


def test_request_for_a_distributor_is_met_by_distributors_not_makers(
    company, other_company, outsider
) -> None:  # type: ignore[no-untyped-def]
    """The issue's example: a Japanese packaging-machine maker seeks an Indonesian
    distributor and maintenance partner."""
    maker = CompanyFactory(country="ID", languages=["id", "en"])
    request = published(
        company=other_company,
        kind="business",
        direction="request",
        cooperation_types=["distribution"],
        title="インドネシアの販売代理店",
        summary="自動包装機のメーカーです。インドネシアで販売と保守を担う代理店を探しています。",
        description="",
    )
    distributor = published(
        company=company,
        kind="business",
        direction="offer",
        cooperation_types=["distribution"],
        title="Distributor mesin pengemas",
        summary="Kami distributor mesin pengemas dengan layanan purna jual di Jawa Timur.",
        description="",
    )
    other_maker = published(
        company=maker,
        kind="subcontracting",
        direction="offer",
        cooperation_types=["manufacturing"],
        title="Produsen mesin pengemas",
        summary="Kami memproduksi mesin pengemas otomatis untuk pabrik makanan.",
        description="",
    )
    for profile in (request, distributor, other_maker):
        embeddings.refresh_profile(profile.pk)
    recs = recommend_for_profile(request, outsider, with_phrases=False)
    values = [
        (r.target_id, r.complement, {f.key: f.value for f in r.factors}["complement"]) for r in recs
    ]
    assert values == [(distributor.pk, True, 1.0), (other_maker.pk, False, 0.0)]
