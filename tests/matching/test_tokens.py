from __future__ import annotations

import pytest

from jembatan.matching.domain.keyword_store import InMemoryFts, coverage
from jembatan.matching.domain.tokens import term_coverage, terms_text, word_terms


def test_word_terms_fold_japanese_spelling_variants() -> None:
    assert word_terms("空缶") == ["空き缶"]
    assert word_terms("空罐") == ["空き缶"]
    assert word_terms("空きカン") == ["空き缶"]


def test_word_terms_drop_particles_and_fold_latin_case() -> None:
    assert word_terms("インドネシアで包装機の保守") == ["インドネシア", "包装", "機", "保守"]
    assert word_terms("Produsen kemasan, ISO-9001.") == ["produsen", "kemasan", "iso", "9001"]


def test_terms_text_is_space_separated_and_distinct() -> None:
    assert terms_text("包装 包装機 包装") == "包装 機"


def test_term_coverage_is_the_share_of_query_terms_found() -> None:
    assert term_coverage(["空き缶", "回収"], "空き缶 リサイクル") == 0.5
    assert term_coverage([], "空き缶") == 0.0


def test_in_memory_fts_finds_two_character_japanese_and_variants() -> None:
    fts = InMemoryFts(["空き缶のリサイクル工場", "ペットボトルの回収", "Pabrik kaleng"])
    assert [hit.key for hit in fts.search("空缶")] == [0]
    assert [hit.key for hit in fts.search("空きカン")] == [0]
    assert [hit.key for hit in fts.search("回収")] == [1]


def test_trigram_coverage_counts_each_query_word() -> None:
    food = "Produsen makanan ringan: keripik singkong, distribusi ke toko di Malang."
    # Only "distributor" is covered (7 of its 11 trigrams, by "distribusi"): under the 0.5
    # a hit needs, where the whole query's trigrams would have reached it.
    assert coverage("packaging machine distributor", food) == pytest.approx(7 / 11 / 3)
    assert coverage("pengemasan", "Produsen kemasan karton") == 0.5
    assert coverage("プラスチック包装", "食品用プラスチック包装") == 7 / 8  # all but " プラ"
