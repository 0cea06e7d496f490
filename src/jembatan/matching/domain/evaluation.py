"""Retrieval metrics: recall@k, mean reciprocal rank, latency percentiles.

Every query here has exactly one relevant item (a pair ``query -> relevant text``), the
shape of the programme's evaluation sets; recall@k is then the share of queries whose
relevant item is among the first k results.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Sequence
from typing import TypedDict

import numpy as np


class EvaluationReport(TypedDict):
    """What :func:`evaluate` returns (and ``jembatan matching eval`` prints)."""

    recall_at_1: float
    recall_at_5: float
    recall_at_10: float
    mrr: float
    n: int
    latency_ms_p50: float
    latency_ms_p95: float


def recall_at_k(
    rankings: Sequence[Sequence[Hashable]], relevant: Sequence[Hashable], k: int
) -> float:
    """Share of queries whose relevant item is in the first ``k`` of its ranking."""
    _check_lengths(rankings, relevant)
    if k < 1:
        raise ValueError("k must be at least 1")
    if not rankings:
        return 0.0
    hits = sum(1 for ranking, item in zip(rankings, relevant, strict=True) if item in ranking[:k])
    return hits / len(rankings)


def mean_reciprocal_rank(
    rankings: Sequence[Sequence[Hashable]], relevant: Sequence[Hashable]
) -> float:
    """Mean of 1/rank of the relevant item (0 where it is not ranked at all)."""
    _check_lengths(rankings, relevant)
    if not rankings:
        return 0.0
    total = 0.0
    for ranking, item in zip(rankings, relevant, strict=True):
        for position, key in enumerate(ranking, start=1):
            if key == item:
                total += 1.0 / position
                break
    return total / len(rankings)


def latency_percentiles(
    seconds: Sequence[float], percentiles: Sequence[float] = (50, 95)
) -> dict[str, float]:
    """Latency percentiles in milliseconds, keyed ``latency_ms_p50`` etc.

    Uses linear interpolation between samples (numpy's default); empty input gives 0.
    """
    values = np.asarray(seconds, dtype=np.float64) * 1000.0
    result: dict[str, float] = {}
    for p in percentiles:
        label = f"latency_ms_p{p:g}"
        result[label] = float(np.percentile(values, p)) if values.size else 0.0
    return result


def evaluate(
    pairs: Sequence[tuple[str, str]],
    corpus: Sequence[str],
    retrieve: Callable[[str], Sequence[int]],
) -> EvaluationReport:
    """Run every query of ``pairs`` through ``retrieve`` and score the rankings.

    ``pairs`` holds ``(query, relevant_text)``; every relevant text must occur in
    ``corpus``. ``retrieve(query)`` returns positions in ``corpus``, best first (at
    least 10 for recall@10 to mean anything). Each call is timed for the latency
    figures, so it should include query encoding, as a user's request would.
    """
    position_of: dict[str, int] = {}
    for position, text in enumerate(corpus):
        position_of.setdefault(text, position)
    missing = [relevant for _, relevant in pairs if relevant not in position_of]
    if missing:
        raise ValueError(
            f"{len(missing)} relevant texts are not in the corpus, e.g. {missing[0]!r}"
        )
    rankings: list[list[int]] = []
    relevant: list[int] = []
    seconds: list[float] = []
    for query, relevant_text in pairs:
        started = time.perf_counter()
        ranking = list(retrieve(query))
        seconds.append(time.perf_counter() - started)
        # Duplicate texts in the corpus: any copy of the relevant text counts.
        rankings.append([position_of[corpus[p]] for p in ranking])
        relevant.append(position_of[relevant_text])
    latency = latency_percentiles(seconds)
    return EvaluationReport(
        recall_at_1=recall_at_k(rankings, relevant, 1),
        recall_at_5=recall_at_k(rankings, relevant, 5),
        recall_at_10=recall_at_k(rankings, relevant, 10),
        mrr=mean_reciprocal_rank(rankings, relevant),
        n=len(pairs),
        latency_ms_p50=latency["latency_ms_p50"],
        latency_ms_p95=latency["latency_ms_p95"],
    )


def _check_lengths(rankings: Sequence[object], relevant: Sequence[object]) -> None:
    if len(rankings) != len(relevant):
        raise ValueError(f"{len(rankings)} rankings but {len(relevant)} relevant items")
