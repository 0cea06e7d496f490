"""A Chart as the JSON the dashboard's script hands to Plotly (static/indicators/dashboard.js).

Numbers go as numbers, and beside them their text in the reader's language for hover labels
and axis ticks: Plotly's own number formats are English ("3.85M"), ours are not.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel.numbers import get_decimal_symbol, get_group_symbol

from jembatan.core.domain import numbers
from jembatan.indicators.domain.charts import Chart, nice_ticks


def _number(value: int | Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if isinstance(value, int) else float(value)


def separators(language: str | None = None) -> str:
    """Plotly's `separators`: the decimal mark then the group mark ("," + "." in id)."""
    locale = numbers.babel_locale(language)
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def chart_spec(chart: Chart, element_id: str, language: str | None = None) -> dict[str, Any]:
    top = chart.top()
    ticks = nice_ticks(top, chart.unit, chart.currency, language)
    return {
        "id": element_id,
        "kind": chart.kind,
        "title": chart.title,
        "categories": list(chart.categories),
        "separators": separators(language),
        "ticks": {"values": list(ticks.values), "texts": list(ticks.texts)},
        "series": [
            {
                "name": series.name,
                "role": series.role,
                "values": [_number(v) for v in series.values],
                "texts": [
                    chart.text(s_index, c_index, language) for c_index in range(len(series.values))
                ],
            }
            for s_index, series in enumerate(chart.series)
        ],
    }
