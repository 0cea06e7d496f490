"""Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009).

Each ranked list contributes ``weight / (k + rank)`` to every key in it (ranks count
from 1). RRF needs no score calibration between lists, which is why the vector index and
the keyword index (cosine similarity versus trigram overlap) can be fused directly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

DEFAULT_K = 60


@dataclass(frozen=True)
class FusedHit:
    """One fused result: its key, fused score, and its rank (from 1) in each list.

    Lists that did not return the key are absent from ``ranks``; the explanation UI can
    say "matched by meaning (rank 2) and by keywords (rank 5)".
    """

    key: int
    score: float
    ranks: Mapping[str, int] = field(default_factory=dict)


def reciprocal_rank_fusion(
    ranked_lists: Mapping[str, Sequence[int]],
    k: int = DEFAULT_K,
    weights: Mapping[str, float] | None = None,
    limit: int | None = None,
) -> list[FusedHit]:
    """Fuse named ranked lists of keys, best first.

    Duplicate keys within one list count at their first (best) rank only. Ties in the
    fused score are broken by the best single rank, then by key, so the order is
    deterministic. ``weights`` default to 1.0 per list.
    """
    if k < 0:
        raise ValueError("k must be non-negative")
    scores: dict[int, float] = {}
    ranks: dict[int, dict[str, int]] = {}
    for list_name, keys in ranked_lists.items():
        weight = 1.0 if weights is None else weights.get(list_name, 1.0)
        for position, key in enumerate(keys, start=1):
            key_ranks = ranks.setdefault(key, {})
            if list_name in key_ranks:
                continue
            key_ranks[list_name] = position
            scores[key] = scores.get(key, 0.0) + weight / (k + position)
    order = sorted(scores, key=lambda key: (-scores[key], min(ranks[key].values()), key))
    if limit is not None:
        order = order[:limit]
    return [FusedHit(key=key, score=scores[key], ranks=ranks[key]) for key in order]
