"""Vocational KPIs, registered with core.domain.kpis (topic "vocational"), and report rows.

Each compute function runs a fixed number of queries whatever the number of rows (one
`values()` query, then counting in Python), and honours the query's period and region (the
participant's institution's province or prefecture, or a country code: "ID", "JP").

- agreements_active: MoUs in force at some time in each period (start on or before the
  period's end, end on or after its start, not terminated before it).
- programmes: programmes starting in the period, by direction.
- participants_by_direction / _by_kind / _by_institution: participants who completed a
  programme ending in the period.
- completion_rate: completed / (confirmed + travelling + completed) for programmes ending
  in the period, as a percentage.
- placement_rate: answered follow-ups (students) whose outcome is employment / all answered
  follow-ups of students, by the period of the answer.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.kpis import Kpi, KpiQuery, KpiValue, Period, Unit, register_kpi
from jembatan.vocational.models import (
    Application,
    ApplicationStatus,
    FollowUp,
    Mou,
    PlacementOutcome,
    Programme,
)

SOURCE = "jembatan.vocational"
EMPLOYED = (PlacementOutcome.JAPANESE_FIRM_ID, PlacementOutcome.JAPAN, PlacementOutcome.OTHER_FIRM)
TAKING_PART = (
    ApplicationStatus.CONFIRMED,
    ApplicationStatus.TRAVELLING,
    ApplicationStatus.COMPLETED,
)


def period_label(day: dt.date, period: Period) -> str:
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def periods(start: dt.date, end: dt.date, period: Period) -> list[tuple[str, dt.date, dt.date]]:
    """(label, first day, last day) of every period meeting [start, end)."""
    found: list[tuple[str, dt.date, dt.date]] = []
    step = {"month": 1, "quarter": 3, "year": 12}[period]
    month = (start.month - 1) // step * step + 1
    first = dt.date(start.year, month, 1)
    while first < end:
        total = first.month - 1 + step
        following = dt.date(first.year + total // 12, total % 12 + 1, 1)
        found.append((period_label(first, period), first, following - dt.timedelta(days=1)))
        first = following
    return found


def _region_q(query: KpiQuery, prefix: str) -> Q:
    if not query.region:
        return Q()
    field = f"{prefix}organisation__"
    if len(query.region) == 2:
        return Q(**{f"{field}country": query.region})
    return Q(**{f"{field}region_id": query.region})


def _by_period(rows: Iterable[tuple[dt.date, str]], query: KpiQuery) -> list[KpiValue]:
    counts: Counter[tuple[str, str]] = Counter(
        (period_label(day, query.period), key) for day, key in rows
    )
    return [KpiValue(period=p, key=k, value=n) for (p, k), n in sorted(counts.items())]


def agreements_active(query: KpiQuery) -> list[KpiValue]:
    mous = Mou.objects.filter(starts_on__isnull=False, starts_on__lt=query.end).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=query.start)
    )
    if query.region:
        mous = mous.filter(_region_q(query, "parties__institution__")).distinct()
    spans = list(mous.values_list("starts_on", "ends_on", "terminated_on"))
    values = []
    for label, first, last in periods(query.start, query.end, query.period):
        count = 0
        for starts, ends, terminated in spans:
            stop = min(d for d in (ends, terminated, dt.date.max) if d is not None)
            if starts is not None and starts <= last and stop >= first:
                count += 1
        values.append(KpiValue(period=label, value=count))
    return values


def programmes_by_direction(query: KpiQuery) -> list[KpiValue]:
    rows = Programme.objects.filter(starts_on__gte=query.start, starts_on__lt=query.end)
    if query.region:
        rows = rows.filter(_region_q(query, "host__"))
    return _by_period(rows.values_list("starts_on", "direction"), query)


def _completed(query: KpiQuery) -> Any:
    return Application.objects.filter(
        status=ApplicationStatus.COMPLETED,
        programme__ends_on__gte=query.start,
        programme__ends_on__lt=query.end,
    ).filter(_region_q(query, "person__institution__"))


def participants_by_direction(query: KpiQuery) -> list[KpiValue]:
    return _by_period(
        _completed(query).values_list("programme__ends_on", "programme__direction"), query
    )


def participants_by_kind(query: KpiQuery) -> list[KpiValue]:
    return _by_period(_completed(query).values_list("programme__ends_on", "programme__kind"), query)


def participants_by_institution(query: KpiQuery) -> list[KpiValue]:
    return _by_period(
        _completed(query).values_list(
            "programme__ends_on", "person__institution__organisation__name"
        ),
        query,
    )


def _rate(done: int, total: int) -> Decimal | None:
    if total == 0:
        return None
    return (Decimal(100) * done / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _rates(rows: Iterable[tuple[dt.date, bool]], query: KpiQuery) -> list[KpiValue]:
    done: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for day, success in rows:
        label = period_label(day, query.period)
        total[label] += 1
        done[label] += int(success)
    return [
        KpiValue(period=label, value=_rate(done[label], total[label])) for label in sorted(total)
    ]


def completion_rate(query: KpiQuery) -> list[KpiValue]:
    rows = (
        Application.objects.filter(
            status__in=TAKING_PART,
            programme__ends_on__gte=query.start,
            programme__ends_on__lt=query.end,
        )
        .filter(_region_q(query, "person__institution__"))
        .values_list("programme__ends_on", "status")
    )
    return _rates(((day, status == ApplicationStatus.COMPLETED) for day, status in rows), query)


def placement_rate(query: KpiQuery) -> list[KpiValue]:
    rows = (
        FollowUp.objects.filter(
            answered_at__date__gte=query.start,
            answered_at__date__lt=query.end,
            application__person__kind="student",
        )
        .exclude(outcome="")
        .filter(_region_q(query, "application__person__institution__"))
        .values_list("answered_at", "outcome")
    )
    return _rates(
        ((when.date(), outcome in EMPLOYED) for when, outcome in rows if when is not None), query
    )


KPIS = [
    (
        "vocational.agreements_active",
        _("Vocational agreements in force"),
        _("MoUs in force at some time in the period."),
        Unit.COUNT,
        agreements_active,
    ),
    (
        "vocational.programmes",
        _("Vocational programmes by direction"),
        _("Programmes starting in the period, by direction."),
        Unit.COUNT,
        programmes_by_direction,
    ),
    (
        "vocational.participants",
        _("Exchange participants by direction"),
        _("People who completed a programme ending in the period, by direction."),
        Unit.PERSONS,
        participants_by_direction,
    ),
    (
        "vocational.participants_by_kind",
        _("Participants by kind of programme"),
        _("People who completed a programme ending in the period, by kind of programme."),
        Unit.PERSONS,
        participants_by_kind,
    ),
    (
        "vocational.participants_by_institution",
        _("Participants by institution"),
        _("People who completed a programme ending in the period, by their institution."),
        Unit.PERSONS,
        participants_by_institution,
    ),
    (
        "vocational.completion_rate",
        _("Completion rate"),
        _("Participants who completed, of those who confirmed their place."),
        Unit.PERCENT,
        completion_rate,
    ),
    (
        "vocational.placement_rate",
        _("Placement rate"),
        _("Students employed after the programme, of the students who answered the follow-up."),
        Unit.PERCENT,
        placement_rate,
    ),
]


def register() -> None:
    for order, (code, name, definition, unit, compute) in enumerate(KPIS, start=1):
        register_kpi(
            Kpi(
                code=code,
                topic="vocational",
                name=name,
                definition=definition,
                unit=unit,
                source_app=SOURCE,
                compute=compute,
                order=order * 10,
                filters=("period", "region"),
            )
        )
