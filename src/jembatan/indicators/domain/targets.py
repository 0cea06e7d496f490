"""Targets compared with what was achieved: a live KPI's figures or a statistic's values.

`attainment(subject, query)` takes a KPI code (registered in jembatan.core.domain.kpis) or
an indicator (or its code). A KPI's targets are those of the indicator whose `kpi_code`
names it; the KPI's figure for a period is its `kpi_key` breakdown, or the sum of all its
keys when the indicator names none. Only targets of the query's granularity (year, quarter,
month), inside its dates and of exactly its scope (region, sector; a country code has no
targets of its own) are compared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from jembatan.core.domain.kpis import KpiQuery, KpiValue, kpi
from jembatan.indicators.domain.kpis.common import COUNTRIES, computed
from jembatan.indicators.domain.periods import label
from jembatan.indicators.domain.statistics import Number, percent
from jembatan.indicators.models import Indicator, Observation, Target


@dataclass(frozen=True)
class Attainment:
    """A target for a period, what was achieved, and the share of the target reached.

    `actual` is None when nothing is known yet for the period; `percent` then too. Always
    derived: `derivation` says from what, in the reader's language."""

    indicator: str  # the indicator's code
    period: str
    start: dt.date
    target: Number
    actual: Number | None
    percent: Decimal | None
    currency: str = ""
    source: str = ""  # the target's source reference
    derivation: str = ""
    derived: bool = True


def _indicator(subject: str | Indicator) -> Indicator | None:
    if isinstance(subject, Indicator):
        return subject
    return Indicator.objects.filter(Q(code=subject) | Q(kpi_code=subject)).order_by("pk").first()


def _scope(query: KpiQuery) -> Q | None:
    if query.region in COUNTRIES:
        return None
    scope = Q(region_id=query.region) if query.region else Q(region__isnull=True)
    scope &= Q(sector_id=query.sector) if query.sector else Q(sector__isnull=True)
    return scope


def _in_query(model: type[Observation] | type[Target], indicator: Indicator, query: KpiQuery):  # type: ignore[no-untyped-def]
    scope = _scope(query)
    if scope is None:
        return model.objects.none()
    return model.objects.filter(
        scope,
        indicator=indicator,
        granularity=query.period,
        period_start__gte=query.start,
        period_start__lt=query.end,
    ).order_by("period_start")


def _kpi_actuals(indicator: Indicator, query: KpiQuery) -> dict[str, Number | None]:
    found = kpi(indicator.kpi_code)
    if found is None:
        return {}
    totals: dict[str, Number | None] = {}
    values: list[KpiValue] = computed(found.compute, query)
    for value in values:
        if indicator.kpi_key and value.key != indicator.kpi_key:
            continue
        if value.value is None:
            totals.setdefault(value.period, None)
            continue
        current = totals.get(value.period)
        totals[value.period] = value.value if current is None else current + value.value
    return totals


def attainment(subject: str | Indicator, query: KpiQuery) -> list[Attainment]:
    """Each target of `subject` in the query, with its attainment. Queries: one for the
    indicator (none when given one), one for the targets, then the KPI's own or one for the
    observations."""
    indicator = _indicator(subject)
    if indicator is None:
        return []
    targets = list(_in_query(Target, indicator, query))
    if not targets:
        return []
    if indicator.kpi_code:
        actuals = _kpi_actuals(indicator, query)
        basis = _("Derived: the live figure %(kpi)s as a share of its target.") % {
            "kpi": indicator.kpi_code
        }
    else:
        actuals = {
            label(o.period_start, query.period): o.value if o.value is not None else o.value_decimal
            for o in _in_query(Observation, indicator, query)
        }
        basis = _("Derived: the stated value as a share of its target.")
    results = []
    for target in targets:
        aim: Number = target.value if target.value is not None else target.value_decimal  # type: ignore[assignment]
        period = label(target.period_start, query.period)
        actual = actuals.get(period)
        share = percent(Decimal(actual), Decimal(aim)) if actual is not None and aim else None
        results.append(
            Attainment(
                indicator=indicator.code,
                period=period,
                start=target.period_start,
                target=aim,
                actual=actual,
                percent=share,
                currency=target.currency,
                source=target.source_reference,
                derivation=basis,
            )
        )
    return results
