"""Everything the indicators dashboard (and its reports) shows, for one query.

`dashboard_data(query)` returns a `DashboardData`: plain dataclasses, numbers as ints
(counts, persons, money in minor units) or Decimals (percents, days), names already in the
reader's language (call it inside `translation.override`). It computes every registered
KPI once (a KPI that other figures reuse, such as the funnel's steps, is not run twice) and
runs a fixed number of queries whatever the number of records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models import Min

from jembatan.core.domain.kpis import Kpi, KpiQuery, KpiValue, registered_kpis
from jembatan.indicators.domain.kpis.common import computed, periods, shared_results
from jembatan.indicators.domain.statistics import StatSeries, statistics_series
from jembatan.indicators.domain.targets import Attainment, attainment
from jembatan.indicators.models import Indicator
from jembatan.registry.models import ProgrammeSector, Region


@dataclass(frozen=True)
class KpiFigures:
    """One KPI computed for the query: its description and its values (one per period and
    breakdown key, as its compute function returned them)."""

    code: str
    topic: str
    name: str
    definition: str
    unit: str  # a jembatan.core.domain.kpis.Unit value
    source_app: str
    values: list[KpiValue]
    # Filters of the query this KPI ignores (the page says so next to it).
    ignored_filters: tuple[str, ...] = ()
    # Targets of the KPI in the query, if an indicator sets some (indicator.kpi_code).
    targets: list[Attainment] = field(default_factory=list)

    def total(self, period: str | None = None, key: str | None = None) -> int | Decimal | None:
        """The sum over the values of `period` (all when None) and `key` (all when None)."""
        chosen = [
            v.value
            for v in self.values
            if (period is None or v.period == period) and (key is None or v.key == key)
        ]
        known = [v for v in chosen if v is not None]
        return sum(known) if known else None  # type: ignore[return-value]

    def by_key(self, period: str | None = None) -> dict[str, int | Decimal | None]:
        """Values summed over periods (or of one period), per breakdown key."""
        totals: dict[str, Any] = {}
        for value in self.values:
            if period is not None and value.period != period:
                continue
            if value.value is None:
                totals.setdefault(value.key, None)
            else:
                totals[value.key] = (totals.get(value.key) or 0) + value.value
        return totals


@dataclass(frozen=True)
class FunnelStep:
    key: str  # companies_registered, interests_sent, ... agreements_confirmed
    label: str
    value: int
    conversion: Decimal | None  # percent of the step before (None for the first, or 0 before)


@dataclass(frozen=True)
class RankedRow:
    key: str  # a sector slug or an ISO 3166-2 code ("" for none given)
    label: str  # its name in the reader's language
    value: int


@dataclass(frozen=True)
class EventRow:
    event_id: int
    name: str
    first_day: dt.date | None
    meetings: int  # meetings held in the query's dates


@dataclass(frozen=True)
class MeetingFigures:
    held: int
    no_show_rate: Decimal | None  # percent, over the whole query
    rated: int
    worth_continuing: int
    both_sides: int


@dataclass(frozen=True)
class DashboardData:
    query: KpiQuery
    periods: list[str]  # the period labels, in order ("2017-Q1", ...)
    statistics: list[StatSeries]  # the seed statistics with targets and derived figures
    funnel: list[FunnelStep]  # over the whole query (every period summed)
    partnerships_by_sector: list[RankedRow]  # confirmed agreements, most first
    partnerships_by_region: list[RankedRow]
    events: list[EventRow]  # events with meetings held in the query's dates, most first
    meetings: MeetingFigures | None  # None when the events app is not installed
    kpis: list[KpiFigures]  # every registered KPI, by topic then order

    def kpi(self, code: str) -> KpiFigures | None:
        return next((k for k in self.kpis if k.code == code), None)

    def topics(self) -> list[str]:
        return list(dict.fromkeys(k.topic for k in self.kpis))


def _funnel_labels() -> dict[str, str]:
    from django.utils.translation import gettext as _

    return {
        "companies_registered": _("Companies registered"),
        "interests_sent": _("Expressions of interest sent"),
        "interests_accepted": _("Expressions of interest accepted"),
        "introductions": _("Introductions made"),
        "met": _("First meeting held"),
        "negotiating": _("Negotiating"),
        "signed": _("Agreement signed"),
        "agreements_confirmed": _("Agreements confirmed"),
    }


def _figures(item: Kpi, query: KpiQuery, targeted: set[str]) -> KpiFigures:
    ignored = tuple(
        name
        for name, asked in (("period", True), ("sector", query.sector), ("region", query.region))
        if asked and name not in item.filters
    )
    return KpiFigures(
        code=item.code,
        topic=item.topic,
        name=str(item.name),
        definition=str(item.definition),
        unit=str(item.unit),
        source_app=item.source_app,
        values=computed(item.compute, query),
        ignored_filters=ignored,
        targets=attainment(item.code, query) if item.code in targeted else [],
    )


def _funnel(figures: KpiFigures | None) -> list[FunnelStep]:
    if figures is None:
        return []
    labels = _funnel_labels()
    totals = figures.by_key()
    steps: list[FunnelStep] = []
    previous: int | None = None
    for key, name in labels.items():
        value = int(totals.get(key) or 0)
        conversion = None
        if previous:
            conversion = (Decimal(value) * 100 / previous).quantize(Decimal("0.01"))
        steps.append(FunnelStep(key=key, label=name, value=value, conversion=conversion))
        previous = value
    return steps


def _ranked(figures: KpiFigures | None, names: dict[str, str]) -> list[RankedRow]:
    if figures is None:
        return []
    rows = [
        RankedRow(key=key, label=names.get(key, key), value=int(value or 0))
        for key, value in figures.by_key().items()
        if value
    ]
    return sorted(rows, key=lambda r: (-r.value, r.label))


def _events(figures: KpiFigures | None) -> list[EventRow]:
    if figures is None:
        return []
    from jembatan.events.models import Event

    counts = {int(k): int(v or 0) for k, v in figures.by_key().items() if k and v}
    rows = Event.objects.filter(pk__in=counts).annotate(first_day=Min("sessions__day"))
    events = [
        EventRow(event_id=e.pk, name=e.name, first_day=e.first_day, meetings=counts[e.pk])
        for e in rows.only("pk", "name")
    ]
    return sorted(events, key=lambda e: (-e.meetings, e.name))


def _meetings(data: dict[str, KpiFigures], query: KpiQuery) -> MeetingFigures | None:
    held = data.get("events.meetings_held")
    rated_figures = data.get("events.meetings_rated")
    if held is None or rated_figures is None:
        return None
    from jembatan.indicators.domain.kpis.events import no_show_overall

    rated = rated_figures.by_key()
    return MeetingFigures(
        held=int(held.total() or 0),
        no_show_rate=no_show_overall(query),
        rated=int(rated.get("rated") or 0),
        worth_continuing=int(rated.get("worth_continuing") or 0),
        both_sides=int(rated.get("both_sides") or 0),
    )


def dashboard_data(query: KpiQuery) -> DashboardData:
    """The dashboard for `query`: statistics (national, or the query's region and sector),
    the funnel, partnerships by sector and region, events and meetings, and every KPI."""
    with shared_results():
        targeted = set(Indicator.objects.exclude(kpi_code="").values_list("kpi_code", flat=True))
        kpis = [_figures(item, query, targeted) for item in registered_kpis()]
        data = {k.code: k for k in kpis}
        sectors = {s.slug: s.localized_name() for s in ProgrammeSector.objects.all()}
        regions = {r.code: r.localized_name() for r in Region.objects.all()}
        region = query.region if query.region not in ("ID", "JP") else ""
        return DashboardData(
            query=query,
            periods=[p.label for p in periods(query)],
            statistics=statistics_series(region=region, sector=query.sector),
            funnel=_funnel(data.get("engagement.funnel")),
            partnerships_by_sector=_ranked(data.get("engagement.agreements_by_sector"), sectors),
            partnerships_by_region=_ranked(data.get("engagement.agreements_by_region"), regions),
            events=_events(data.get("events.meetings_by_event"))
            if apps.is_installed("jembatan.events")
            else [],
            meetings=_meetings(data, query),
            kpis=kpis,
        )
