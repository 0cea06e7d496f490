from __future__ import annotations

from collections.abc import Sequence

import pytest

from jembatan.matching.domain.evaluation import (
    evaluate,
    latency_percentiles,
    mean_reciprocal_rank,
    recall_at_k,
)

RANKINGS = [["a", "b", "c"], ["b", "a"], ["c", "d", "e"], []]
RELEVANT = ["a", "a", "e", "x"]


def test_recall_at_k_on_hand_made_rankings() -> None:
    assert recall_at_k(RANKINGS, RELEVANT, 1) == 0.25
    assert recall_at_k(RANKINGS, RELEVANT, 2) == 0.5
    assert recall_at_k(RANKINGS, RELEVANT, 3) == 0.75
    assert recall_at_k([], [], 5) == 0.0


def test_mean_reciprocal_rank_on_hand_made_rankings() -> None:
    assert mean_reciprocal_rank(RANKINGS, RELEVANT) == pytest.approx((1 + 1 / 2 + 1 / 3) / 4)


def test_metrics_reject_mismatched_lengths_and_bad_k() -> None:
    with pytest.raises(ValueError, match="2 rankings but 1"):
        mean_reciprocal_rank([[1], [2]], [1])
    with pytest.raises(ValueError, match="at least 1"):
        recall_at_k([[1]], [1], 0)


def test_latency_percentiles_in_milliseconds() -> None:
    seconds = [0.001 * i for i in range(1, 101)]
    assert latency_percentiles(seconds) == {
        "latency_ms_p50": pytest.approx(50.5),
        "latency_ms_p95": pytest.approx(95.05),
    }
    assert latency_percentiles([]) == {"latency_ms_p50": 0.0, "latency_ms_p95": 0.0}


def test_evaluate_returns_the_report_keys() -> None:
    corpus = ["batik", "kopi", "mebel", "kopi"]
    answers = {"q1": [0, 1], "q2": [3, 0], "q3": [2, 1, 0]}

    def retrieve(query: str) -> Sequence[int]:
        return answers[query]

    report = evaluate([("q1", "batik"), ("q2", "kopi"), ("q3", "batik")], corpus, retrieve)
    assert set(report) == {
        "recall_at_1",
        "recall_at_5",
        "recall_at_10",
        "mrr",
        "n",
        "latency_ms_p50",
        "latency_ms_p95",
    }
    # q2 finds the second copy of "kopi", which counts as the relevant text.
    assert report["recall_at_1"] == pytest.approx(2 / 3)
    assert report["recall_at_5"] == 1.0
    assert report["mrr"] == pytest.approx((1 + 1 + 1 / 3) / 3)
    assert report["n"] == 3
    assert 0.0 <= report["latency_ms_p50"] <= report["latency_ms_p95"]


def test_evaluate_rejects_relevant_text_missing_from_corpus() -> None:
    with pytest.raises(ValueError, match="1 relevant texts are not in the corpus"):
        evaluate([("q", "absent")], ["batik"], lambda query: [0])
