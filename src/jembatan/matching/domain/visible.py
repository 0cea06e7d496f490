"""Search first, then keep what the reader may see: the visibility filter of retrieval.

Searches used to restrict the vector index and keyword search to a set of every visible
id, read from the database on each request (about 100,000 ids at 200,000 profiles: 0.3-0.7
s a request on SQLite, docs/benchmarks.md "Load test"). Here the index is searched without
a filter, deeper than needed, and only its hits are checked against the visible queryset
by primary key; the search widens when too few survive, and reads every visible id only
when the widest search still falls short (the exact path, so no result is lost).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Q, QuerySet

from jembatan.core.domain.querysets import rows_within
from jembatan.matching.domain.index import SearchHit, VectorIndex

WIDEN = 4  # depth times this many first, then four times more


def keep_visible(candidates: QuerySet[Any], keys: Sequence[int]) -> set[int]:
    """The ``keys`` that the ``candidates`` queryset holds (one query, the keys driving it:
    core.domain.querysets.rows_within)."""
    if not keys:
        return set()
    rows = rows_within(candidates, Q(pk__in=list(keys)))
    return set(rows.order_by().values_list("pk", flat=True))


def nearest_visible(
    index: VectorIndex, vector: Any, depth: int, candidates: QuerySet[Any]
) -> list[SearchHit]:
    """The ``depth`` nearest keys of ``index`` that ``candidates`` holds, best first."""
    count = depth * WIDEN
    for _attempt in range(2):
        hits = index.search(vector, min(count, len(index)))
        if not hits:
            return []
        keep = keep_visible(candidates, [hit.key for hit in hits])
        kept = [hit for hit in hits if hit.key in keep]
        if len(kept) >= depth or count >= len(index):
            return kept[:depth]
        count *= WIDEN
    allowed = set(candidates.values_list("pk", flat=True))
    if not allowed:
        return []
    return index.search(vector, min(depth, len(allowed)), allowed=allowed)
