"""The dashboard's and the reports' content: statistics and KPIs as topics of charts.

`overview(query)` is the one function the dashboard, the public page and both report files
read. It lays out what `dashboard_data(query)` (domain/dashboard.py) gathers: the headline
figures (stated statistics with their targets, growth and what the targets ask), the
statistics over time with their targets, the partnership funnel, partnerships by sector and
by province or prefecture, meetings at events, and every other registered KPI of every
topic, each as a `Chart` (domain/charts.py). A KPI whose source app is not installed is not
in the registry, so it is simply not here. Text is in the active language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from jembatan.core.domain import numbers
from jembatan.core.domain.kpis import KpiQuery, KpiValue, Unit
from jembatan.indicators.domain.charts import Chart, ChartKind, Headline, Series, Topic, Value
from jembatan.indicators.domain.dashboard import (
    DashboardData,
    KpiFigures,
    RankedRow,
    dashboard_data,
)
from jembatan.indicators.domain.statistics import StatPoint, StatSeries

# Topics in reading order, with their titles; a KPI of an unknown topic goes last.
TOPICS: dict[str, Any] = {
    "statistics": gettext_lazy("IKM statistics and targets"),
    "registry": gettext_lazy("Companies"),
    "profiles": gettext_lazy("Partnership profiles"),
    "engagement": gettext_lazy("Interests, introductions and agreements"),
    "events": gettext_lazy("Business-matching events"),
    "vocational": gettext_lazy("Vocational cooperation"),
    "promotion": gettext_lazy("Promotion in Japan"),
}
# Above this many breakdown keys, a KPI is drawn as ranked bars of its totals for the year.
RANKED_FROM = 6
# KPIs drawn by a chart of their own (the funnel, the ranked partnerships, meetings at
# events) or whose keys name nothing a reader knows (event ids): not drawn again.
SPECIAL = {
    "engagement.funnel",
    "engagement.funnel_conversion",
    "engagement.agreements_by_sector",
    "engagement.agreements_by_region",
    "events.meetings_by_event",
    "events.meetings_rated",
}


@dataclass(frozen=True)
class Overview:
    query: KpiQuery
    headlines: tuple[Headline, ...]
    topics: tuple[Topic, ...]
    sources: tuple[tuple[str, str], ...]  # (what, where it comes from)

    def charts(self) -> list[Chart]:
        return [chart for topic in self.topics for chart in topic.charts]


# Breakdown keys -----------------------------------------------------------------------


KeyLabel = Callable[[str], str]


def key_labeller() -> KeyLabel:
    """A function naming a KPI's breakdown key: a sector, a region, a country, a status...

    One query (the programme sectors); regions come from the registry's reference file."""
    from jembatan.engagement.models import AgreementType, InterestStatus, Stage
    from jembatan.opportunities.models import Kind
    from jembatan.registry.domain.regions import get_region
    from jembatan.registry.models import Company, ProgrammeSector

    sectors = {s.slug: s.localized_name() for s in ProgrammeSector.objects.all()}
    language = numbers.language_or_active()
    lang = language if language in ("id", "ja", "en") else "en"
    choices: dict[str, str] = {
        "ID": _("Indonesia"),
        "JP": _("Japan"),
        "": pgettext("indicators", "Not given"),
        "total": pgettext("indicators", "Total"),
        "rated": pgettext("indicators", "Meetings rated"),
        "worth_continuing": _("Rated worth continuing by one side"),
        "both_sides": _("Rated worth continuing by both sides"),
    }
    for enum in (Company.SizeClass, InterestStatus, Stage, AgreementType, Kind):
        choices.update({str(value): str(label) for value, label in enum.choices})

    def label(key: str) -> str:
        if key in sectors:
            return sectors[key]
        if key in choices:
            return choices[key]
        if len(key) > 3 and key[2] == "-" and key[:2] in ("ID", "JP"):
            try:
                return get_region(key).name(lang)  # type: ignore[arg-type]
            except KeyError:
                return key
        return key.replace("_", " ")

    return label


# KPIs -----------------------------------------------------------------------------------


def _ordered(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _total(values: list[Value]) -> Value:
    known = [v for v in values if v is not None]
    if not known:
        return None
    return sum(known[1:], known[0])


def _kind(code: str, unit: Unit, keys: list[str], periods: list[str]) -> ChartKind:
    additive = unit in (Unit.COUNT, Unit.PERSONS, Unit.MONEY)
    if keys == [""]:
        return "bar" if additive and len(periods) < 13 else "line"
    if additive and (len(keys) >= RANKED_FROM or len(periods) == 1):
        return "ranked"
    return "stacked" if additive else "bar"


def _money_values(values: list[KpiValue], query: KpiQuery) -> list[KpiValue]:
    """Money in one currency: the total in the reporting currency when there are several
    (each original currency's own figures stay in the KPI; a chart has one unit)."""
    if len({v.currency for v in values}) <= 1:
        return values
    totals = [v for v in values if v.key == "total"]
    if totals:
        return totals
    chosen = [v for v in values if v.currency == query.currency]
    return chosen or values


def kpi_chart(figures: KpiFigures, query: KpiQuery, label: KeyLabel) -> Chart:
    """One KPI's values as a chart: one figure per period, a breakdown per key, and its
    targets where an indicator sets some."""
    unit = Unit(figures.unit)
    values = figures.values
    if unit == Unit.MONEY:
        values = _money_values(values, query)
    periods = _ordered(v.period for v in values)
    keys = _ordered(v.key for v in values)
    if keys == ["total"]:
        keys = [""]
        values = [replace(v, key="") for v in values]
    kind = _kind(figures.code, unit, keys, periods)
    cell = {(v.period, v.key): v.value for v in values}
    common: dict[str, Any] = {
        "code": figures.code,
        "title": figures.name,
        "unit": unit,
        "currency": next((v.currency for v in values if v.currency), ""),
        "definition": figures.definition,
        "source": figures.source_app,
        "notes": _kpi_notes(figures, values, query),
    }
    if kind == "ranked":
        totals = [(key, _total([cell.get((p, key)) for p in periods])) for key in keys]
        totals.sort(key=lambda item: (-(item[1] or 0), label(item[0])))
        return Chart(
            kind=kind,
            categories=tuple(label(key) for key, _v in totals),
            series=(Series(_total_name(periods), tuple(v for _k, v in totals)),),
            category_label=pgettext("indicators", "Breakdown"),
            **common,
        )
    if keys == [""]:
        # The chart's title names the figure; the table's column needs only a short word.
        series = [Series(_("Value"), tuple(cell.get((p, "")) for p in periods))]
    else:
        series = [Series(label(key), tuple(cell.get((p, key)) for p in periods)) for key in keys]
    aims = {t.period: t.target for t in figures.targets}
    if any(p in aims for p in periods):
        series.append(
            Series(pgettext("indicators", "Target"), tuple(aims.get(p) for p in periods), "target")
        )
    return Chart(
        kind=kind,
        categories=tuple(numbers.period_label(p) for p in periods),
        series=tuple(series),
        category_label=pgettext("indicators", "Period"),
        **common,
    )


def _total_name(periods: list[str]) -> str:
    if len(periods) == 1:
        return numbers.period_label(periods[0])
    return _("%(first)s to %(last)s") % {
        "first": numbers.period_label(periods[0]),
        "last": numbers.period_label(periods[-1]),
    }


def _kpi_notes(figures: KpiFigures, values: list[KpiValue], query: KpiQuery) -> tuple[str, ...]:
    notes = [figures.definition]
    if set(figures.ignored_filters) & {"sector", "region"}:
        notes.append(_("This figure does not break down by sector or region; it is the total."))
    dates = sorted({v.rate_date for v in values if v.rate_date is not None})
    if dates:
        notes.append(
            _("Converted to %(currency)s at the rates of %(date)s.")
            % {"currency": query.currency, "date": numbers.date(dates[-1])}
        )
    notes.extend(_ordered(v.note for v in values if v.note))
    return tuple(notes)


# Statistics ---------------------------------------------------------------------------


def _derived_notes(points: Iterable[StatPoint]) -> list[str]:
    return _ordered(
        f"{numbers.period_label(p.period)}: {p.derivation}" for p in points if p.derived
    )


def statistic_charts(series: StatSeries) -> list[Chart]:
    """The indicator's values over time with its targets, then its growth rates."""
    charts: list[Chart] = []
    unit = Unit(series.unit)
    if series.values or series.targets:
        periods = sorted({p.period for p in (*series.values, *series.targets)})
        stated = {p.period: p for p in series.values}
        aims = {p.period: p.value for p in series.targets}
        rows = [Series(_("Value"), tuple(_value(stated.get(p)) for p in periods))]
        if aims:
            rows.append(
                Series(
                    pgettext("indicators", "Target"), tuple(aims.get(p) for p in periods), "target"
                )
            )
        derived = frozenset(
            (0, i) for i, p in enumerate(periods) if p in stated and stated[p].derived
        )
        charts.append(
            Chart(
                code=f"statistics.{series.code}",
                title=series.name,
                kind="line" if len(periods) > 2 else "bar",
                unit=unit,
                currency=series.currency,
                categories=tuple(numbers.period_label(p) for p in periods),
                series=tuple(rows),
                category_label=pgettext("indicators", "Period"),
                definition=series.definition,
                source=series.source_note,
                notes=(series.definition, *_derived_notes(series.values)),
                derived=derived,
            )
        )
    if series.growth:
        periods = [p.period for p in series.growth]
        charts.append(
            Chart(
                code=f"statistics.{series.code}.growth",
                title=_("%(name)s: growth on the year before") % {"name": series.name},
                kind="bar",
                unit=Unit.PERCENT,
                categories=tuple(numbers.period_label(p) for p in periods),
                series=(
                    Series(pgettext("indicators", "Growth"), tuple(p.value for p in series.growth)),
                ),
                category_label=pgettext("indicators", "Period"),
                source=series.source_note,
                notes=tuple(_derived_notes(series.growth)),
                derived=frozenset((0, i) for i, p in enumerate(series.growth) if p.derived),
            )
        )
    return charts


def _value(point: StatPoint | None) -> Value:
    return None if point is None else point.value


def headline(series: StatSeries) -> Headline | None:
    """The latest stated value with its growth, and the next target with what it asks."""
    stated = [p for p in series.values if not p.derived and p.value is not None]
    latest = max(stated, key=lambda p: p.start) if stated else None
    later = [t for t in series.targets if latest is None or t.start > latest.start]
    target = min(later, key=lambda t: t.start) if later else None
    if latest is None and target is None:
        return None
    growth = next(
        (g for g in series.growth if latest is not None and g.period == latest.period), None
    )
    asks = {a.key: a for a in series.attainment if target is not None and a.period == target.period}
    required = asks.get("required_growth")
    attained = asks.get("attainment")
    return Headline(
        code=series.code,
        label=series.name,
        unit=Unit(series.unit),
        currency=series.currency,
        value=None if latest is None else latest.value,
        period=latest.period if latest is not None else "",
        target=None if target is None else target.value,
        target_period=target.period if target is not None else "",
        change=None if growth is None else _decimal(growth.value),
        change_derived=bool(growth and growth.derived),
        required_change=None if required is None else _decimal(required.value),
        attainment=None if attained is None else _decimal(attained.value),
        source=series.source_note,
    )


def _decimal(value: Value) -> Decimal | None:
    return None if value is None else Decimal(value)


# Everything -----------------------------------------------------------------------------


def funnel_charts(data: DashboardData) -> list[Chart]:
    """The funnel from registration to confirmed agreement, and the conversion per step."""
    if not data.funnel:
        return []
    steps = data.funnel
    funnel = data.kpi("engagement.funnel")
    definition = funnel.definition if funnel is not None else ""
    return [
        Chart(
            code="engagement.funnel",
            title=_("The partnership funnel"),
            kind="funnel",
            unit=Unit.COUNT,
            categories=tuple(step.label for step in steps),
            series=(Series(pgettext("indicators", "Number"), tuple(step.value for step in steps)),),
            category_label=pgettext("indicators", "Step"),
            definition=definition,
            source="jembatan.engagement",
            notes=(definition,) if definition else (),
        ),
        Chart(
            code="engagement.funnel_conversion",
            title=_("Conversion between the funnel's steps"),
            kind="bar",
            unit=Unit.PERCENT,
            categories=tuple(step.label for step in steps[1:]),
            series=(Series(_("Share of the step before"), tuple(s.conversion for s in steps[1:])),),
            category_label=pgettext("indicators", "Step"),
            source="jembatan.engagement",
            notes=(_("Each step as a percentage of the step before it."),),
        ),
    ]


def ranked_chart(code: str, title: str, rows: list[RankedRow], label: str) -> Chart:
    return Chart(
        code=code,
        title=title,
        kind="ranked",
        unit=Unit.COUNT,
        categories=tuple(row.label or pgettext("indicators", "Not given") for row in rows),
        series=(Series(_("Agreements confirmed"), tuple(row.value for row in rows)),),
        category_label=label,
        source="jembatan.engagement",
    )


def partnership_charts(data: DashboardData) -> list[Chart]:
    charts = []
    if data.kpi("engagement.agreements_by_sector") is not None:
        charts.append(
            ranked_chart(
                "engagement.agreements_by_sector",
                _("Partnerships by sector"),
                data.partnerships_by_sector,
                _("Sector"),
            )
        )
    if data.kpi("engagement.agreements_by_region") is not None:
        charts.append(
            ranked_chart(
                "engagement.agreements_by_region",
                _("Partnerships by province or prefecture"),
                data.partnerships_by_region,
                _("Province or prefecture"),
            )
        )
    return charts


def event_charts(data: DashboardData) -> list[Chart]:
    if data.meetings is None:
        return []
    m = data.meetings
    notes = []
    if m.no_show_rate is not None:
        notes.append(_("No-show rate: %(rate)s.") % {"rate": numbers.percent(m.no_show_rate)})
    charts = [
        Chart(
            code="events.meetings",
            title=_("Meetings at business-matching events"),
            kind="bar",
            unit=Unit.COUNT,
            categories=(
                pgettext("indicators", "Meetings held"),
                pgettext("indicators", "Meetings rated"),
                _("Rated worth continuing by one side"),
                _("Rated worth continuing by both sides"),
            ),
            series=(
                Series(
                    pgettext("indicators", "Meetings"),
                    (m.held, m.rated, m.worth_continuing, m.both_sides),
                ),
            ),
            category_label=pgettext("indicators", "Meetings"),
            source="jembatan.events",
            notes=tuple(notes),
        )
    ]
    if data.events:
        charts.append(
            Chart(
                code="events.meetings_by_event",
                title=_("Meetings held, by event"),
                kind="ranked",
                unit=Unit.COUNT,
                categories=tuple(e.name for e in data.events),
                series=(
                    Series(
                        pgettext("indicators", "Meetings held"),
                        tuple(e.meetings for e in data.events),
                    ),
                ),
                category_label=pgettext("indicators", "Event"),
                source="jembatan.events",
            )
        )
    return charts


def overview(query: KpiQuery, data: DashboardData | None = None) -> Overview:
    """The dashboard's content for `query`, from `data` when the caller has it (the pages
    pass the cached figures, dashboard_cache.py), else computed now (the reports)."""
    data = data if data is not None else dashboard_data(query)
    stats = data.statistics
    growth_only = {s.code for s in stats if s.unit == Unit.PERCENT and not s.targets}
    shown = [s for s in stats if s.code not in growth_only]
    headlines = tuple(h for h in (headline(s) for s in shown) if h is not None)
    label = key_labeller()
    groups: dict[str, list[Chart]] = {
        "statistics": [c for s in shown for c in statistic_charts(s)],
        "engagement": [*funnel_charts(data), *partnership_charts(data)],
        "events": event_charts(data),
    }
    sources = [(s.name, s.source_note) for s in shown if s.source_note]
    for figures in data.kpis:
        sources.append(
            (figures.name, _("Jembatan records (%(app)s)") % {"app": figures.source_app})
        )
        if figures.code in SPECIAL:
            continue
        groups.setdefault(figures.topic, []).append(kpi_chart(figures, query, label))
    order = list(TOPICS)
    ranked = sorted(groups, key=lambda t: (order.index(t) if t in order else len(order), t))
    return Overview(
        query=query,
        headlines=headlines,
        topics=tuple(
            Topic(code=t, title=str(TOPICS.get(t, t)), charts=tuple(groups[t]))
            for t in ranked
            if groups[t]
        ),
        sources=tuple(sources),
    )
