"""The officers' view of the whole pipeline: a board by stage and a filtered table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from jembatan.engagement.domain.follow_up import is_stale
from jembatan.engagement.domain.origins import origins
from jembatan.engagement.models import Introduction, Stage

# Age of an introduction (since it was made), as the table's filter offers it.
AGE_BUCKETS: dict[str, tuple[int, int | None]] = {
    "lt30": (0, 30),
    "30to90": (30, 90),
    "gt90": (90, None),
}


@dataclass(frozen=True)
class PipelineFilters:
    sector: str = ""
    region: str = ""
    stage: str = ""
    age: str = ""
    mediated: str = ""  # "yes" | "no" | ""
    origins: dict[str, str] = field(default_factory=dict)  # origin key -> chosen value
    stale: bool = False


def pipeline_rows() -> QuerySet[Introduction]:
    return Introduction.objects.select_related(
        "company_a__region", "company_b__region", "profile__sector", "interest"
    ).order_by("-last_activity_at", "-id")


def filtered(
    rows: QuerySet[Introduction], filters: PipelineFilters, now: dt.datetime
) -> QuerySet[Introduction]:
    if filters.sector:
        rows = rows.filter(
            Q(profile__sector_id=filters.sector)
            | Q(company_a__sectors=filters.sector)
            | Q(company_b__sectors=filters.sector)
        )
    if filters.region:
        rows = rows.filter(
            Q(company_a__region_id=filters.region) | Q(company_b__region_id=filters.region)
        )
    if filters.stage:
        rows = rows.filter(stage=filters.stage)
    if filters.age in AGE_BUCKETS:
        low, high = AGE_BUCKETS[filters.age]
        rows = rows.filter(created_at__lte=now - dt.timedelta(days=low))
        if high is not None:
            rows = rows.filter(created_at__gt=now - dt.timedelta(days=high))
    if filters.mediated == "yes":
        rows = rows.filter(interest__mediated=True)
    elif filters.mediated == "no":
        rows = rows.filter(Q(interest__isnull=True) | Q(interest__mediated=False))
    for origin in origins():
        value = filters.origins.get(origin.key, "")
        if value:
            rows = rows.filter(origin.q(value))
    if filters.stale:
        from jembatan.engagement.domain.follow_up import stale_q

        rows = rows.filter(stale_q(now))
    # The joins through sectors can repeat a row; distinct on the ids keeps ordering simple.
    return rows.filter(pk__in=rows.values("pk")) if filters.sector else rows


@dataclass(frozen=True)
class Card:
    introduction: Introduction
    stale: bool
    age_days: int
    origin: str

    @property
    def stage_label(self) -> Any:
        return Stage(self.introduction.stage).label


@dataclass(frozen=True)
class Column:
    stage: str
    label: Any
    cards: list[Card]
    total: int = 0  # cards in the column, of which the first COLUMN_LIMIT are shown
    # Where a card of this column can move, the next stage first (the usual move).
    moves: list[tuple[str, Any]] = field(default_factory=list)


def stage_choices() -> list[tuple[str, Any]]:
    return [(s.value, s.label) for s in Stage]


def moves_from(stage: Stage) -> list[tuple[str, Any]]:
    order = list(Stage)
    here = order.index(stage)
    return [(s.value, s.label) for s in order[here + 1 :] + order[:here]]


def cards(rows: list[Introduction], now: dt.datetime) -> list[Card]:
    names: dict[int, list[str]] = {}
    ids = [r.pk for r in rows]
    for origin in origins():
        for pk, name in origin.names(ids).items():
            names.setdefault(pk, []).append(name)
    return [
        Card(
            introduction=row,
            stale=is_stale(row, now),
            age_days=(now - row.created_at).days,
            origin=", ".join(names.get(row.pk, [])),
        )
        for row in rows
    ]


COLUMN_LIMIT = 100


def board(rows: QuerySet[Introduction], now: dt.datetime | None = None) -> list[Column]:
    """One column per stage, the most recently active first; at most COLUMN_LIMIT cards a
    column (the table and its export have them all)."""
    now = now or timezone.now()
    by_stage: dict[str, list[Introduction]] = {stage.value: [] for stage in Stage}
    for row in rows:
        by_stage[row.stage].append(row)
    shown = cards([r for stage in Stage for r in by_stage[stage.value][:COLUMN_LIMIT]], now)
    return [
        Column(
            stage=stage.value,
            label=stage.label,
            cards=[c for c in shown if c.introduction.stage == stage],
            total=len(by_stage[stage.value]),
            moves=moves_from(stage),
        )
        for stage in Stage
    ]
