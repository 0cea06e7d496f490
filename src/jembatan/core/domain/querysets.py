"""Queryset shapes shared by the apps."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet


def rows_within(queryset: QuerySet[Any], *conditions: Any) -> QuerySet[Any]:
    """The rows of ``queryset``'s model that meet ``conditions`` and that ``queryset`` holds,
    the conditions driving the query and ``queryset`` checked by a correlated EXISTS on the
    primary key. With a short list of keys as the conditions this is a lookup per key:
    as one more filter of ``queryset`` instead, SQLite (no statistics) walked a country's
    index over some 50,000 firms checking each against the keys."""
    within = Exists(queryset.filter(pk=OuterRef("pk")))
    rows: QuerySet[Any] = queryset.model._default_manager.using(queryset.db).filter(
        *conditions, within
    )
    return rows
