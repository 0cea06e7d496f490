"""The dashboard's and the reports' content: statistics and KPIs as topics of charts.

`overview(query)` is the one function the dashboard, the public page and both report files
read: the headline figures (stated statistics with their targets, growth and attainment),
the statistics over time with their targets, and every registered KPI of every topic,
each as a `Chart` (domain/charts.py). A KPI whose source app is not installed is not in the
registry, so it is simply not here. Text is in the active language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jembatan.core.domain import numbers
from jembatan.core.domain.kpis import Kpi, KpiQuery, KpiValue, Unit, registered_kpis
from jembatan.indicators.domain.charts import Chart, ChartKind, Headline, Series, Topic, Value
from jembatan.indicators.domain.statistics import StatPoint, StatSeries, statistics_series

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
FUNNEL_WORD = "funnel"


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
    from jembatan.registry.domain.regions import get_region
    from jembatan.registry.models import Company, ProgrammeSector

    sectors = {s.slug: s.localized_name() for s in ProgrammeSector.objects.all()}
    language = numbers.language_or_active()
    lang = language if language in ("id", "ja", "en") else "en"
    choices: dict[str, str] = {
        "ID": _("Indonesia"),
        "JP": _("Japan"),
        "": _("Not given"),
    }
    for enum in (Company.SizeClass, InterestStatus, Stage, AgreementType):
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


def _kind(kpi: Kpi, keys: list[str], periods: list[str]) -> ChartKind:
    if FUNNEL_WORD in kpi.code:
        return "funnel"
    additive = kpi.unit in (Unit.COUNT, Unit.PERSONS, Unit.MONEY)
    if keys == [""]:
        return "bar" if additive and len(periods) < 13 else "line"
    if additive and (len(keys) >= RANKED_FROM or len(periods) == 1):
        return "ranked"
    return "stacked" if additive else "bar"


def _money_values(kpi: Kpi, values: list[KpiValue], query: KpiQuery) -> list[KpiValue]:
    """Money in one currency: the reporting currency's when there are several."""
    currencies = {v.currency for v in values}
    if len(currencies) <= 1:
        return values
    chosen = [v for v in values if v.currency == query.currency]
    return chosen or values


def kpi_chart(
    kpi: Kpi,
    values: list[KpiValue],
    query: KpiQuery,
    label: KeyLabel,
    targets: StatSeries | None = None,
) -> Chart:
    """One KPI's values as a chart: one figure per period, a breakdown per key."""
    if kpi.unit == Unit.MONEY:
        values = _money_values(kpi, values, query)
    periods = _ordered(v.period for v in values)
    keys = _ordered(v.key for v in values)
    kind = _kind(kpi, keys, periods)
    cell = {(v.period, v.key): v.value for v in values}
    currency = next((v.currency for v in values if v.currency), "")
    notes = _kpi_notes(kpi, values, query)
    common: dict[str, Any] = {
        "code": kpi.code,
        "title": str(kpi.name),
        "unit": kpi.unit,
        "currency": currency,
        "definition": str(kpi.definition),
        "source": kpi.source_app,
        "notes": notes,
    }
    if kind in ("funnel", "ranked"):
        totals = [(key, _total([cell.get((p, key)) for p in periods])) for key in keys]
        if kind == "ranked":
            totals.sort(key=lambda item: (-(item[1] or 0), label(item[0])))
        return Chart(
            kind=kind,
            categories=tuple(label(key) for key, _v in totals),
            series=(Series(_total_name(periods), tuple(v for _k, v in totals)),),
            category_label=_("Breakdown"),
            **common,
        )
    categories = tuple(numbers.period_label(p) for p in periods)
    if keys == [""]:
        series = [Series(str(kpi.name), tuple(cell.get((p, "")) for p in periods))]
    else:
        series = [Series(label(key), tuple(cell.get((p, key)) for p in periods)) for key in keys]
    if targets is not None:
        aims = {t.period: t.value for t in targets.targets}
        if any(p in aims for p in periods):
            series.append(Series(_("Target"), tuple(aims.get(p) for p in periods), "target"))
    return Chart(
        kind=kind, categories=categories, series=tuple(series), category_label=_("Period"), **common
    )


def _total_name(periods: list[str]) -> str:
    if len(periods) == 1:
        return numbers.period_label(periods[0])
    return _("%(first)s to %(last)s") % {
        "first": numbers.period_label(periods[0]),
        "last": numbers.period_label(periods[-1]),
    }


def _kpi_notes(kpi: Kpi, values: list[KpiValue], query: KpiQuery) -> tuple[str, ...]:
    notes = [str(kpi.definition)]
    ignored = [
        name
        for name, asked in (("sector", query.sector), ("region", query.region))
        if asked and name not in kpi.filters
    ]
    if ignored:
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
            rows.append(Series(_("Target"), tuple(aims.get(p) for p in periods), "target"))
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
                category_label=_("Period"),
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
                series=(Series(_("Growth"), tuple(p.value for p in series.growth)),),
                category_label=_("Period"),
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


def statistics(query: KpiQuery) -> list[StatSeries]:
    """The seed statistics in the query's scope (national when no sector or region)."""
    region = query.region if query.region not in ("ID", "JP") else ""
    return statistics_series(region=region, sector=query.sector)


def overview(query: KpiQuery, *, topics: Iterable[str] | None = None) -> Overview:
    stats = statistics(query)
    growth_only = {s.code for s in stats if s.unit == Unit.PERCENT and not s.targets}
    shown = [s for s in stats if s.code not in growth_only]
    headlines = tuple(h for h in (headline(s) for s in shown) if h is not None)
    by_kpi = {s.kpi_code: s for s in stats if s.kpi_code}
    label = key_labeller()
    chosen = set(topics) if topics is not None else None
    groups: dict[str, list[Chart]] = {}
    if chosen is None or "statistics" in chosen:
        groups["statistics"] = [c for s in shown for c in statistic_charts(s)]
    sources = [(s.name, s.source_note) for s in shown if s.source_note]
    for kpi in registered_kpis():
        if chosen is not None and kpi.topic not in chosen:
            continue
        chart = kpi_chart(kpi, kpi.compute(query), query, label, by_kpi.get(kpi.code))
        groups.setdefault(kpi.topic, []).append(chart)
        sources.append((str(kpi.name), _("Jembatan records (%(app)s)") % {"app": kpi.source_app}))
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
