"""Programme KPIs: what an app contributes to the indicators dashboard without editing it.

The indicators app (statistics, targets, the dashboard and reports) reads every KPI from
this registry. An app registers its own once, in its AppConfig.ready():

    register_kpi(Kpi(code="vocational.participants", topic="vocational",
                     name=gettext_lazy("Exchange participants"),
                     definition=gettext_lazy("People who completed a programme, by direction."),
                     unit=Unit.PERSONS, source_app="jembatan.vocational",
                     compute=participants_by_direction, order=10))

so a KPI whose app is not installed is simply absent, and appears when the app lands.
`compute(query)` is one documented function over querysets: it returns the KPI's values for
the query's date range, sector and region, one `KpiValue` per period (month, quarter or year
as the query asks) and per breakdown key (for example a direction or a currency). It must
run a fixed number of queries, whatever the number of rows (each has a query-count test).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal

Period = Literal["month", "quarter", "year"]


class Unit(StrEnum):
    COUNT = "count"  # companies, profiles, meetings, agreements
    PERSONS = "persons"  # participants, workers, jobs
    PERCENT = "percent"  # a rate, as a Decimal from 0 to 100
    MONEY = "money"  # an integer in the currency's minor unit; KpiValue.currency says which
    DAYS = "days"  # a duration, as a Decimal number of days


@dataclass(frozen=True)
class KpiQuery:
    """What the dashboard or a report asks for.

    `start` is inclusive, `end` exclusive (dates in the programme's reporting calendar).
    `sector` is a ProgrammeSector code and `region` an ISO 3166-2 code (a province or a
    prefecture) or a country code ("ID", "JP"); empty means all. `currency` is the
    reporting currency that money KPIs convert to through the dated rate table.
    """

    start: dt.date
    end: dt.date
    period: Period = "year"
    sector: str = ""
    region: str = ""
    currency: str = "IDR"


@dataclass(frozen=True)
class KpiValue:
    """One figure: for a period label ("2017", "2017-Q1", "2017-03") and a breakdown key.

    `key` names the breakdown inside the KPI ("" for the KPI's one figure; otherwise for
    example "id_to_jp", "accepted", "JPY"). `value` is an int (counts, persons, money in
    minor units) or a Decimal (percent, days); None when it cannot be computed (say why in
    `note`). Money values carry their ISO 4217 `currency`, and `rate_date` when converted.
    """

    period: str
    value: int | Decimal | None
    key: str = ""
    currency: str = ""
    rate_date: dt.date | None = None
    note: str = ""


KpiCompute = Callable[[KpiQuery], "list[KpiValue]"]


@dataclass(frozen=True)
class Kpi:
    """A KPI: stable code, names in the reader's language, unit, source app and compute."""

    code: str
    topic: str  # "registry", "profiles", "engagement", "events", "vocational", "promotion"
    name: Any  # a lazy translation
    definition: Any  # a lazy translation
    unit: Unit
    source_app: str  # the app label path, e.g. "jembatan.vocational"
    compute: KpiCompute
    order: int = 100
    # Which filters of KpiQuery this KPI honours (the dashboard says when one does not apply).
    filters: tuple[str, ...] = field(default=("period", "sector", "region"))


_KPIS: dict[str, Kpi] = {}


def register_kpi(kpi: Kpi) -> Kpi:
    """Add `kpi`, or replace the one with the same code."""
    _KPIS[kpi.code] = kpi
    return kpi


def unregister_kpi(code: str) -> None:
    _KPIS.pop(code, None)


def registered_kpis(topic: str | None = None) -> list[Kpi]:
    """Every registered KPI (optionally of one topic), by topic then order then code."""
    chosen: Iterable[Kpi] = _KPIS.values()
    if topic is not None:
        chosen = (k for k in chosen if k.topic == topic)
    return sorted(chosen, key=lambda k: (k.topic, k.order, k.code))


def kpi(code: str) -> Kpi | None:
    return _KPIS.get(code)
