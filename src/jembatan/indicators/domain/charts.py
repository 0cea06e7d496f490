"""What the dashboard, the public page and both reports show: topics of charts with tables.

A `Chart` holds its figures once (categories along one axis, one or more series of values,
a target series where one exists); the HTML table beside a chart, the Plotly figure, the
matplotlib figure in the PDF and the XLSX sheet are all written from it, so they cannot
disagree. Text (`Cell.text`) is already in the reader's language (core.domain.numbers).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal

from jembatan.core.domain import numbers
from jembatan.core.domain.kpis import Unit

Value = int | Decimal | None
ChartKind = Literal["line", "bar", "stacked", "ranked", "funnel"]
SeriesRole = Literal["value", "target"]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Value, ...]
    role: SeriesRole = "value"


@dataclass(frozen=True)
class Chart:
    """One figure: `categories` (periods, sectors, stages...) by `series`.

    `unit` and `currency` say how the values read; `note` says what the reader must know
    (a derived figure, a filter the KPI does not honour, the exchange-rate date)."""

    code: str
    title: str
    kind: ChartKind
    unit: Unit
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    category_label: str = ""
    currency: str = ""
    definition: str = ""
    source: str = ""
    notes: tuple[str, ...] = ()
    suppressed: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    suppressed_below: int = 0
    derived: frozenset[tuple[int, int]] = field(default_factory=frozenset)

    def top(self) -> float:
        """The largest height drawn: the sum of the values at a category when stacked."""
        values = [s for s in self.series if s.role == "value"]
        targets = [float(v) for s in self.series if s.role == "target" for v in s.values if v]
        if self.kind == "stacked":
            heights = [
                sum(float(s.values[i] or 0) for s in values) for i in range(len(self.categories))
            ]
        else:
            heights = [float(v) for s in values for v in s.values if v is not None]
        return max([*heights, *targets], default=0.0)

    def is_empty(self) -> bool:
        return not self.categories or all(
            v is None or v == 0 for s in self.series for v in s.values
        )

    def value(self, series: int, category: int) -> Value:
        return self.series[series].values[category]

    def text(self, series: int, category: int, language: str | None = None) -> str:
        """The cell as a hover label reads: compact, or "< 5" when suppressed."""
        if (series, category) in self.suppressed:
            return f"< {self.suppressed_below}"
        return format_value(self.value(series, category), self.unit, self.currency, language)

    def full_text(self, series: int, category: int, language: str | None = None) -> str:
        """The cell as the accessible table reads: in full, or "< 5" when suppressed."""
        if (series, category) in self.suppressed:
            return f"< {self.suppressed_below}"
        return full_value(self.value(series, category), self.unit, self.currency, language)


@dataclass(frozen=True)
class Topic:
    code: str
    title: str
    charts: tuple[Chart, ...]


@dataclass(frozen=True)
class Headline:
    """A headline figure: its latest stated value, growth, next target and what it asks."""

    code: str
    label: str
    unit: Unit
    value: Value
    period: str
    currency: str = ""
    target: Value = None
    target_period: str = ""
    change: Decimal | None = None  # growth of `value` on the period before, in percent
    change_derived: bool = False
    required_change: Decimal | None = None  # the growth the target asks over `value`
    attainment: Decimal | None = None  # the target period's value as a share of the target
    source: str = ""

    def value_text(self, language: str | None = None) -> str:
        return format_value(self.value, self.unit, self.currency, language)

    def target_text(self, language: str | None = None) -> str:
        return format_value(self.target, self.unit, self.currency, language)


def format_value(value: Value, unit: Unit, currency: str = "", language: str | None = None) -> str:
    """A value as the tables and hover texts show it, compact for large figures."""
    if value is None:
        return "–"
    if unit == Unit.MONEY and currency:
        return numbers.compact_money(int(value), currency, language)
    if unit == Unit.PERCENT:
        return numbers.percent(value, language)
    if unit == Unit.DAYS:
        return numbers.number(Decimal(value), language, digits=1)
    return numbers.compact(value, language)


def full_value(value: Value, unit: Unit, currency: str = "", language: str | None = None) -> str:
    """A value as the tables show it: counts in full; money compact from a million (four
    significant digits: "Rp439,6 triliun" reads, "Rp439.560.439.560.440" does not)."""
    if value is None:
        return "–"
    if unit == Unit.MONEY and currency:
        return numbers.compact_money(int(value), currency, language)
    if unit == Unit.PERCENT:
        return numbers.percent(value, language)
    if unit == Unit.DAYS:
        return numbers.number(Decimal(value), language, digits=1)
    return numbers.number(value, language)


def suppress_small_cells(chart: Chart, threshold: int) -> Chart:
    """The chart with every count cell from 1 to `threshold` - 1 hidden.

    A cell that few could point at a firm (one agreement in a province in a month); its
    value becomes None and its position is kept in `suppressed`, which readers show as
    "< threshold". Zero stays (it names nobody). Targets are plans, not records: kept.
    Only counts and persons are public (see domain/public.py), so only they are checked."""
    if chart.unit not in (Unit.COUNT, Unit.PERSONS):
        raise ValueError(f"{chart.code}: only counts are published, not {chart.unit}")
    hidden: set[tuple[int, int]] = set(chart.suppressed)
    rows: list[Series] = []
    for s_index, series in enumerate(chart.series):
        values: list[Value] = []
        for c_index, value in enumerate(series.values):
            if series.role == "value" and value is not None and 0 < value < threshold:
                hidden.add((s_index, c_index))
                value = None
            values.append(value)
        rows.append(replace(series, values=tuple(values)))
    return replace(
        chart, series=tuple(rows), suppressed=frozenset(hidden), suppressed_below=threshold
    )


@dataclass(frozen=True)
class Ticks:
    values: tuple[float, ...]
    texts: tuple[str, ...]


def nice_ticks(
    top: float, unit: Unit, currency: str = "", language: str | None = None, count: int = 5
) -> Ticks:
    """Axis ticks from 0 to above `top` at a 1-2-5 step, labelled as the tables are.

    Plotly's own labels ("3.85M", "520T") are English SI; these read as the language does."""
    if top <= 0 or not math.isfinite(top):
        return Ticks((0.0,), (format_value(0, unit, currency, language),))
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    # Up to the first tick at or above the top, so that no bar or target is cut off.
    values: list[float] = [0.0]
    while values[-1] < top:
        values.append(values[-1] + step)
    texts = []
    for v in values:
        as_value: Value = Decimal(str(v)) if unit in (Unit.PERCENT, Unit.DAYS) else int(v)
        texts.append(format_value(as_value, unit, currency, language))
    return Ticks(tuple(values), tuple(texts))
