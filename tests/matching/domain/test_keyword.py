from __future__ import annotations

from jembatan.matching.domain.keyword import TrigramIndex, normalise_text, trigrams


def test_trigrams_pad_and_cross_word_boundaries() -> None:
    assert trigrams("Batik") == {" ba", "bat", "ati", "tik", "ik "}
    assert trigrams("ab c") == {" ab", "ab ", "b c", " c "}
    assert trigrams("a") == {" a "}
    assert trigrams("") == frozenset()


def test_normalise_text_folds_case_width_and_spaces() -> None:
    full_width_pt = "\uff30\uff34"
    assert normalise_text(f"  {full_width_pt}\u3000Maju\tJAYA ") == "pt maju jaya"
    assert normalise_text("ﾊﾞﾃｨｯｸ") == "バティック"


def test_search_ranks_by_shared_trigrams_japanese_without_spaces() -> None:
    index = TrigramIndex()
    index.upsert_many(
        [
            (1, "プラスチック射出成形の部品"),
            (2, "食品用プラスチック包装"),
            (3, "バティック生地の製造"),
        ]
    )
    hits = index.search("プラスチック包装", k=3)
    assert [hit.key for hit in hits] == [2, 1]
    # Only the padded start " プラ" is missing from key 2, which starts with 食品.
    assert 0.0 < hits[1].score < hits[0].score < 1.0
    assert index.search("食品用プラスチック包装", k=1)[0].score == 1.0


def test_search_filters_and_thresholds() -> None:
    index = TrigramIndex()
    index.upsert_many([(1, "batik tulis"), (2, "batik cap"), (3, "kopi gayo")])
    assert [hit.key for hit in index.search("batik", allowed={2, 3})] == [2]
    assert index.search("batik tulis", min_score=0.99) == [index.search("batik tulis")[0]]
    assert index.search("xyz") == []


def test_upsert_replaces_and_remove_forgets() -> None:
    index = TrigramIndex()
    index.upsert(1, "batik")
    index.upsert(1, "kopi")
    assert index.search("batik") == []
    assert [hit.key for hit in index.search("kopi")] == [1]
    assert index.remove(1)
    assert not index.remove(1)
    assert len(index) == 0
    assert index.search("kopi") == []
