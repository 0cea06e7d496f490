"""KPIs from business-matching events: meetings held, the no-show rate, and meetings the
participants rated worth continuing.

A meeting is held when it is in the published schedule, was not freed (a participant did
not show up) and its slot has started; it counts in the period of its slot. A participant
counts in the no-show rate of the period of the event's first day, once checked in or
marked as a no-show. Scope: a meeting is in a region or sector when either participant's
company is; a participant when its company is.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import CharField, Min, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jembatan.core.domain.kpis import Kpi, KpiQuery, KpiValue, Unit
from jembatan.events.models import Meeting, Participant
from jembatan.events.models.feedback import MeetingRating
from jembatan.events.models.request import Stage
from jembatan.indicators.domain.kpis.common import (
    Buckets,
    bucketed,
    period_of,
    periods,
    rate,
    region_q,
    sector_q,
)
from jembatan.registry.models import Company

SOURCE = "jembatan.events"
RATING_KEYS = ("rated", "worth_continuing", "both_sides")


def _held(query: KpiQuery) -> QuerySet[Meeting]:
    rows = Meeting.objects.filter(
        stage=Stage.PUBLISHED, freed_at__isnull=True, slot__starts_at__lte=timezone.now()
    )
    if query.region or query.sector:
        scoped = Company.objects.filter(region_q(query, "")).filter(sector_q(query, ""))
        companies = scoped.values("pk")
        rows = rows.filter(
            Q(request__sender__company__in=companies) | Q(request__receiver__company__in=companies)
        )
    return rows


def meetings_held(query: KpiQuery) -> list[KpiValue]:
    """Meetings held at events in each period."""
    return bucketed(_held(query), query, date_field="slot__starts_at")


def meetings_by_event(query: KpiQuery) -> list[KpiValue]:
    """Meetings held in each period, by event (key: the event's id)."""
    return bucketed(_held(query), query, date_field="slot__starts_at", key="event_id")


def _attendance(query: KpiQuery) -> list[tuple[Any, Any]]:
    """(event's first day, no-show time or None) of each participant checked in or marked as
    a no-show, at events whose first day is in the query's dates. One query."""
    return list(
        Participant.objects.filter(Q(checked_in_at__isnull=False) | Q(no_show_at__isnull=False))
        .filter(region_q(query, "company__"))
        .filter(sector_q(query, "company__"))
        .annotate(first_day=Min("event__sessions__day"))
        .filter(first_day__gte=query.start, first_day__lt=query.end)
        .values_list("first_day", "no_show_at")
    )


def no_show_rate(query: KpiQuery) -> list[KpiValue]:
    """Participants marked as no-shows, as a percent of those checked in or marked as
    no-shows, by the period of the event's first day (None for a period without either)."""
    chosen = periods(query)
    if not chosen:
        return []
    seen: dict[str, int] = defaultdict(int)
    absent: dict[str, int] = defaultdict(int)
    for first_day, no_show_at in _attendance(query):
        label = period_of(first_day, chosen)
        if label is None:
            continue
        seen[label] += 1
        absent[label] += no_show_at is not None
    return [
        KpiValue(
            period=p.label,
            value=rate(absent[p.label], seen[p.label]),
            note="" if seen[p.label] else _("No participant was checked in."),
        )
        for p in chosen
    ]


def no_show_overall(query: KpiQuery) -> Decimal | None:
    """The no-show rate over the query's whole dates (not a KPI: the dashboard's headline)."""
    rows = _attendance(query)
    return rate(sum(no_show is not None for _day, no_show in rows), len(rows))


def meetings_rated(query: KpiQuery) -> list[KpiValue]:
    """Meetings held in each period that were rated ("rated"), that at least one
    participant rated worth continuing ("worth_continuing"), and that both did
    ("both_sides")."""
    chosen = periods(query)
    if not chosen:
        return []
    buckets = Buckets(chosen)
    held = _held(query).filter(
        slot__starts_at__gte=chosen[0].starts_at(), slot__starts_at__lt=chosen[-1].ends_at()
    )
    starts = dict(
        held.annotate(starts=Cast("slot__starts_at", CharField())).values_list("pk", "starts")
    )
    worth: dict[int, int] = {}
    ratings = MeetingRating.objects.filter(meeting__in=held.values("pk"))
    for meeting_id, continuing in ratings.values_list("meeting_id", "worth_continuing"):
        worth[meeting_id] = worth.get(meeting_id, 0) + (continuing is True)
    rows = [(starts[pk], yes) for pk, yes in worth.items() if pk in starts]
    counts: dict[str, dict[str, int]] = {p.label: dict.fromkeys(RATING_KEYS, 0) for p in chosen}
    for starts_at, yes in rows:
        label = buckets.label(starts_at)
        if label is None:
            continue
        counts[label]["rated"] += 1
        counts[label]["worth_continuing"] += yes > 0
        counts[label]["both_sides"] += yes >= 2
    return [
        KpiValue(period=p.label, value=counts[p.label][key], key=key)
        for p in chosen
        for key in RATING_KEYS
    ]


def _kpi(code: str, name: Any, definition: Any, unit: Unit, compute: Any, order: int) -> Kpi:
    return Kpi(
        code=f"events.{code}",
        topic="events",
        name=name,
        definition=definition,
        unit=unit,
        source_app=SOURCE,
        compute=compute,
        order=order,
    )


KPIS = [
    _kpi(
        "meetings_held",
        gettext_lazy("Meetings held at events"),
        gettext_lazy("Published meetings that took place in the period."),
        Unit.COUNT,
        meetings_held,
        10,
    ),
    _kpi(
        "meetings_by_event",
        gettext_lazy("Meetings held, by event"),
        gettext_lazy("Meetings that took place in the period, at each event."),
        Unit.COUNT,
        meetings_by_event,
        20,
    ),
    _kpi(
        "no_show_rate",
        gettext_lazy("No-show rate"),
        gettext_lazy("Participants who did not show up, as a percent of those expected."),
        Unit.PERCENT,
        no_show_rate,
        30,
    ),
    _kpi(
        "meetings_rated",
        gettext_lazy("Meetings rated worth continuing"),
        gettext_lazy("Meetings rated by participants, and those rated worth continuing."),
        Unit.COUNT,
        meetings_rated,
        40,
    ),
]
