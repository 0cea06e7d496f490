"""Recommendations and search on demo-like data with the real model."""

from __future__ import annotations

from jembatan.matching.domain.recommend import recommend_for_profile
from jembatan.matching.domain.search import search_company_objects, search_profile_objects
from tests.matching.corpus import Corpus


def test_recommend_machine_maker_sees_packaging_ikm_first(corpus: Corpus, outsider) -> None:  # type: ignore[no-untyped-def]
    recs = recommend_for_profile(corpus.machine_offer, outsider, with_phrases=False)
    assert recs[0].target_id == corpus.packaging_request.pk
    assert recs[0].complement is True


def test_recommend_textile_wholesaler_sees_batik_first(corpus: Corpus, officer) -> None:  # type: ignore[no-untyped-def]
    recs = recommend_for_profile(corpus.batik_request, officer, with_phrases=False)
    assert recs[0].target_id == corpus.batik_offer.pk


def test_recommend_packaging_ikm_sees_machine_maker_first(corpus: Corpus, member) -> None:  # type: ignore[no-untyped-def]
    recs = recommend_for_profile(corpus.packaging_request, member, with_phrases=False)
    assert [r.target_id for r in recs] == [corpus.machine_offer.pk, corpus.batik_request.pk]


def test_recommend_only_other_country_and_other_companies(corpus: Corpus, officer) -> None:  # type: ignore[no-untyped-def]
    recs = recommend_for_profile(corpus.snack_offer, officer, with_phrases=False)
    assert sorted(r.target_id for r in recs) == sorted(
        [corpus.machine_offer.pk, corpus.batik_request.pk]
    )


def test_search_japanese_query_finds_indonesian_profile(corpus: Corpus, viewer) -> None:  # type: ignore[no-untyped-def]
    found = search_profile_objects(viewer, "ろうけつ染めのバティック布", 3)
    indonesian = [p.pk for _, p in found if p.company.country == "ID"]
    assert indonesian[0] == corpus.batik_offer.pk


def test_search_indonesian_query_finds_japanese_profile(corpus: Corpus, viewer) -> None:  # type: ignore[no-untyped-def]
    found = search_profile_objects(viewer, "mesin pengemas otomatis untuk makanan ringan", 3)
    # The Indonesian request that shares the query's words comes first, then the Japanese offer.
    assert found[0][1].pk == corpus.packaging_request.pk
    japanese = [p.pk for _, p in found if p.company.country == "JP"]
    assert japanese[0] == corpus.machine_offer.pk


def test_search_companies_across_languages(corpus: Corpus, viewer) -> None:  # type: ignore[no-untyped-def]
    assert search_company_objects(viewer, "包装機械メーカー", 1)[0][1].pk == corpus.machine_maker.pk
    assert search_company_objects(viewer, "繊維の卸売", 1)[0][1].pk == corpus.wholesaler.pk
    found = search_company_objects(viewer, "バティック職人", 1)
    assert found[0][1].pk == corpus.batik.pk
