"""How many rows a list holds, at a cost that does not grow with millions of rows.

An exact ``COUNT(*)`` over the directory's 4 million companies takes seconds on every page
(docs/benchmarks.md, issue 15). ``count_rows`` counts exactly up to ``EXACT_UP_TO`` rows (a
``LIMIT`` inside the count: at most that many index entries read); beyond, PostgreSQL's
planner estimate gives "about N" (``EXPLAIN``, from ``pg_class.reltuples`` and the column
statistics), and SQLite, which has no such estimate, says "more than N".

``CappedPaginator`` pages through a queryset with that count: the first ``EXACT_UP_TO``
rows are browsable page by page (an ``OFFSET`` deeper than that reads every row before it);
the page says how many there are and that filters narrow the rest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

EXACT_UP_TO = 10_000
COUNT_SECONDS = 60


@dataclass(frozen=True)
class ResultCount:
    """``value`` rows: exactly, about (a planner estimate) or more than (a floor)."""

    value: int
    exact: bool = True
    estimated: bool = False  # "about value" when True, "more than value" when not exact

    @property
    def at_least(self) -> bool:
        return not self.exact and not self.estimated


def round_estimate(value: int) -> int:
    """Three significant figures: 4,031,877 -> 4,030,000 (an estimate is no more precise)."""
    digits = len(str(max(value, 1)))
    return round(value, -(digits - 3)) if digits > 3 else value


def planner_estimate(queryset: QuerySet[Any]) -> int | None:
    """PostgreSQL's estimate of the rows ``queryset`` returns; None on other databases."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def count_rows(queryset: QuerySet[Any], exact_up_to: int | None = None) -> ResultCount:
    """The rows of ``queryset``: exact up to ``exact_up_to`` (``EXACT_UP_TO`` unless
    given), else estimated or a floor."""
    if exact_up_to is None:
        exact_up_to = EXACT_UP_TO
    capped = queryset.order_by().values("pk")[: exact_up_to + 1].count()
    if capped <= exact_up_to:
        return ResultCount(capped)
    estimate = planner_estimate(queryset)
    if estimate is None:
        return ResultCount(exact_up_to, exact=False)
    return ResultCount(round_estimate(max(estimate, exact_up_to + 1)), exact=False, estimated=True)


def cached_count(queryset: QuerySet[Any], prefix: str) -> ResultCount:
    """``count_rows``, kept a minute per query: a list read page after page counts once."""
    try:
        sql = str(queryset.query)
    except EmptyResultSet:  # a queryset that can hold nothing (.none())
        return ResultCount(0)
    key = f"{prefix}:" + hashlib.sha256(sql.encode()).hexdigest()
    found = cache.get(key)
    if isinstance(found, ResultCount):
        return found
    result = count_rows(queryset)
    cache.set(key, result, COUNT_SECONDS)
    return result


class CappedPaginator(Paginator):  # type: ignore[type-arg]
    """Pages of a queryset counted by ``count_rows`` (kept a minute under ``cache_prefix``
    when given):
    ``count`` is the browsable rows (at most ``EXACT_UP_TO``), ``result`` what the page says.
    A plain list (the directory's ranked search hits) is counted as it is."""

    @property
    def browsable(self) -> int:
        return EXACT_UP_TO

    def __init__(
        self,
        object_list: Any,
        per_page: int,
        cache_prefix: str | None = None,
        counted: QuerySet[Any] | None = None,
    ) -> None:
        super().__init__(object_list, per_page)
        self.cache_prefix = cache_prefix
        self.counted = counted  # the same rows, written as the count reads them best

    @cached_property
    def result(self) -> ResultCount:
        rows = self.counted if self.counted is not None else self.object_list
        if not isinstance(rows, QuerySet):
            return ResultCount(len(rows))
        if self.cache_prefix is None:
            return count_rows(rows)
        return cached_count(rows, self.cache_prefix)

    @cached_property
    def count(self) -> int:
        return min(self.result.value, EXACT_UP_TO)
