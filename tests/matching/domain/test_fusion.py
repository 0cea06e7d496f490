from __future__ import annotations

import pytest

from jembatan.matching.domain.fusion import FusedHit, reciprocal_rank_fusion


def test_rrf_sums_reciprocal_ranks_and_keeps_ranks() -> None:
    fused = reciprocal_rank_fusion({"vector": [1, 2, 3], "keyword": [3, 4]})
    assert [hit.key for hit in fused] == [3, 1, 2, 4]
    assert fused[0] == FusedHit(3, 1 / 63 + 1 / 61, {"vector": 3, "keyword": 1})
    assert fused[1] == FusedHit(1, 1 / 61, {"vector": 1})
    assert fused[3].ranks == {"keyword": 2}


def test_rrf_ties_break_by_best_rank_then_key() -> None:
    fused = reciprocal_rank_fusion({"a": [9, 5], "b": [8, 4]}, k=0)
    assert [(hit.key, hit.score) for hit in fused] == [
        (8, 1.0),
        (9, 1.0),
        (4, 0.5),
        (5, 0.5),
    ]


def test_rrf_weights_and_limit() -> None:
    fused = reciprocal_rank_fusion(
        {"vector": [1, 2], "keyword": [2, 1]}, k=1, weights={"keyword": 0.5}, limit=1
    )
    assert fused == [FusedHit(1, 1 / 2 + 0.5 / 3, {"vector": 1, "keyword": 2})]


def test_rrf_counts_a_duplicate_key_once_per_list() -> None:
    fused = reciprocal_rank_fusion({"vector": [7, 7, 8]}, k=0)
    assert fused == [FusedHit(7, 1.0, {"vector": 1}), FusedHit(8, 1 / 3, {"vector": 3})]


def test_rrf_empty_and_invalid() -> None:
    assert reciprocal_rank_fusion({}) == []
    assert reciprocal_rank_fusion({"vector": []}) == []
    with pytest.raises(ValueError, match="non-negative"):
        reciprocal_rank_fusion({"vector": [1]}, k=-1)
