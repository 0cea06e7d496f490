"""The seed statistics as series: stated values, and the figures derived from them.

A derived figure is computed here, never typed into the database, and says so: every
`StatPoint` has `derived` and, when True, `derivation`, a sentence (in the reader's language)
saying how it was computed. Three derivations:

- an earlier value implied by a stated growth rate: the 2015 IKM value added from the 2016
  value and its growth, 520 / 1.183 = Rp439.6 trillion;
- growth rates between consecutive values that have no stated rate;
- what a target asks for: its attainment where the period has a value, otherwise the growth
  and the increase it requires over the latest earlier value.

Integers (counts, persons, money in minor units) round half to even; percents are Decimals
with two places.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal

from django.utils.translation import gettext as _

from jembatan.core.domain.kpis import Period
from jembatan.indicators.domain.periods import label
from jembatan.indicators.models import Indicator, Observation, Target

Number = int | Decimal
PERCENT_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class StatPoint:
    """One figure of a series, for a period label ("2016") and its first day."""

    period: str
    start: dt.date
    granularity: str
    value: Number | None
    currency: str = ""
    derived: bool = False
    derivation: str = ""  # how it was derived, in the reader's language ("" when stated)
    source: str = ""  # the source reference of a stated figure
    key: str = ""  # in `attainment`: "attainment", "required_growth" or "required_increase"


@dataclass(frozen=True)
class StatSeries:
    """An indicator with its values, targets, growth rates and what the targets ask for."""

    code: str
    name: str
    definition: str
    unit: str  # an IndicatorUnit value; growth and attainment points are always percent
    currency: str
    source_note: str
    kpi_code: str
    values: list[StatPoint] = field(default_factory=list)
    targets: list[StatPoint] = field(default_factory=list)
    growth: list[StatPoint] = field(default_factory=list)
    attainment: list[StatPoint] = field(default_factory=list)

    def value_for(self, period: str) -> StatPoint | None:
        return next((p for p in self.values if p.period == period), None)

    def target_for(self, period: str) -> StatPoint | None:
        return next((p for p in self.targets if p.period == period), None)


def percent(numerator: Decimal, denominator: Decimal) -> Decimal:
    return (numerator * HUNDRED / denominator).quantize(PERCENT_PLACES, rounding=ROUND_HALF_EVEN)


def whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def previous_start(start: dt.date, period: Period) -> dt.date:
    months = {"year": 12, "quarter": 3, "month": 1}[period]
    index = start.month - 1 - months
    return dt.date(start.year + index // 12, index % 12 + 1, 1)


def _point(row: Observation | Target) -> StatPoint:
    figure = row.value if row.value is not None else row.value_decimal
    return StatPoint(
        period=label(row.period_start, row.granularity),  # type: ignore[arg-type]
        start=row.period_start,
        granularity=row.granularity,
        value=figure,
        currency=row.currency,
        source=row.source_reference,
    )


def _in_scope(rows: list[Observation] | list[Target], region: str, sector: str) -> list:  # type: ignore[type-arg]
    return [r for r in rows if (r.region_id or "") == region and (r.sector_id or "") == sector]


def statistics_series(
    *, region: str = "", sector: str = "", codes: list[str] | None = None
) -> list[StatSeries]:
    """Every indicator (or those in `codes`) for one scope: national when `region` and
    `sector` are empty. Three queries whatever the number of figures."""
    indicators = list(Indicator.objects.order_by("position", "code"))
    if codes is not None:
        wanted = {i.pk for i in indicators if i.code in codes}
        indicators = [i for i in indicators if i.pk in wanted or i.growth_of_id in wanted]
    ids = [i.pk for i in indicators]
    observations = _in_scope(
        list(Observation.objects.filter(indicator_id__in=ids).order_by("period_start")),
        region,
        sector,
    )
    targets = _in_scope(
        list(Target.objects.filter(indicator_id__in=ids).order_by("period_start")), region, sector
    )
    stated: dict[int, list[StatPoint]] = {pk: [] for pk in ids}
    for row in observations:
        stated[row.indicator_id].append(_point(row))
    aimed: dict[int, list[StatPoint]] = {pk: [] for pk in ids}
    for row in targets:
        aimed[row.indicator_id].append(_point(row))
    growth_of = {i.growth_of_id: i for i in indicators if i.growth_of_id is not None}
    series = []
    for indicator in indicators:
        if codes is not None and indicator.code not in codes:
            continue
        rates = stated.get(growth_of[indicator.pk].pk, []) if indicator.pk in growth_of else []
        series.append(_series(indicator, stated[indicator.pk], aimed[indicator.pk], rates))
    return series


def _series(
    indicator: Indicator,
    values: list[StatPoint],
    targets: list[StatPoint],
    stated_growth: list[StatPoint],
) -> StatSeries:
    by_start = {(p.start, p.granularity): p for p in values}
    growth: list[StatPoint] = []
    for rate in stated_growth:
        growth.append(rate)
        later = by_start.get((rate.start, rate.granularity))
        earlier_start = previous_start(rate.start, rate.granularity)  # type: ignore[arg-type]
        if later is None or later.value is None or rate.value is None:
            continue
        if (earlier_start, rate.granularity) in by_start:
            continue
        implied = Decimal(later.value) / (1 + Decimal(rate.value) / HUNDRED)
        by_start[(earlier_start, rate.granularity)] = StatPoint(
            period=label(earlier_start, rate.granularity),  # type: ignore[arg-type]
            start=earlier_start,
            granularity=rate.granularity,
            value=whole(implied) if isinstance(later.value, int) else implied,
            currency=later.currency,
            derived=True,
            derivation=_(
                "Derived: the %(later)s value divided by (1 + %(rate)s%%), the growth "
                "stated for %(later)s."
            )
            % {"later": later.period, "rate": Decimal(rate.value).normalize()},
        )
    ordered = sorted(by_start.values(), key=lambda p: (p.granularity, p.start))
    stated_rates = {(r.start, r.granularity) for r in stated_growth}
    for point in ordered:
        earlier = by_start.get(
            (previous_start(point.start, point.granularity), point.granularity)  # type: ignore[arg-type]
        )
        if (point.start, point.granularity) in stated_rates or earlier is None:
            continue
        if point.value is None or not earlier.value:
            continue
        growth.append(
            StatPoint(
                period=point.period,
                start=point.start,
                granularity=point.granularity,
                value=percent(
                    Decimal(point.value) - Decimal(earlier.value), Decimal(earlier.value)
                ),
                derived=True,
                derivation=_("Derived: growth from %(earlier)s to %(later)s.")
                % {"earlier": earlier.period, "later": point.period},
            )
        )
    growth.sort(key=lambda p: (p.granularity, p.start))
    return StatSeries(
        code=indicator.code,
        name=indicator.localized_name(),
        definition=indicator.localized_definition(),
        unit=indicator.unit,
        currency=indicator.currency,
        source_note=indicator.source_note,
        kpi_code=indicator.kpi_code,
        values=ordered,
        targets=targets,
        growth=growth,
        attainment=[a for t in targets for a in _asks(t, by_start)],
    )


def _asks(target: StatPoint, values: dict[tuple[dt.date, str], StatPoint]) -> list[StatPoint]:
    """The target's attainment, or the growth and increase it requires over the latest
    earlier value."""
    if target.value is None or not target.value:
        return []
    aim = Decimal(target.value)
    same = values.get((target.start, target.granularity))
    common = {"period": target.period, "start": target.start, "granularity": target.granularity}
    if same is not None and same.value is not None:
        return [
            StatPoint(
                **common,  # type: ignore[arg-type]
                value=percent(Decimal(same.value), aim),
                derived=True,
                derivation=_("Derived: the %(period)s value as a share of its target.")
                % {"period": target.period},
                key="attainment",
            )
        ]
    earlier = [
        p
        for p in values.values()
        if p.granularity == target.granularity and p.start < target.start and p.value
    ]
    if not earlier:
        return []
    base = max(earlier, key=lambda p: p.start)
    increase = aim - Decimal(base.value)  # type: ignore[arg-type]
    reason = {"target": target.period, "base": base.period}
    return [
        StatPoint(
            **common,  # type: ignore[arg-type]
            value=percent(increase, Decimal(base.value)),  # type: ignore[arg-type]
            derived=True,
            derivation=_("Derived: the growth the %(target)s target requires over %(base)s.")
            % reason,
            key="required_growth",
        ),
        StatPoint(
            **common,  # type: ignore[arg-type]
            value=whole(increase) if isinstance(target.value, int) else increase,
            currency=target.currency,
            derived=True,
            derivation=_("Derived: the %(target)s target minus the %(base)s value.") % reason,
            key="required_increase",
        ),
    ]
