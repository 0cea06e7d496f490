"""The chart model shared by the dashboard, the public page and the reports."""

from __future__ import annotations

import pytest

from jembatan.core.domain.kpis import Unit
from jembatan.indicators.domain.charts import Chart, Series, nice_ticks, suppress_small_cells


def _chart(kind: str = "ranked", unit: Unit = Unit.COUNT) -> Chart:
    return Chart(
        code="test.chart",
        title="Test",
        kind=kind,  # type: ignore[arg-type]
        unit=unit,
        categories=("West Java", "Central Java", "Osaka"),
        series=(Series("2017", (7, 2, 0)), Series("Target", (1, 1, 1), "target")),
    )


def test_suppress_small_cells_hides_one_to_threshold_minus_one() -> None:
    chart = suppress_small_cells(_chart(), 5)
    assert chart.series[0].values == (7, None, 0)
    assert chart.suppressed == frozenset({(0, 1)})
    assert [chart.full_text(0, i, "en") for i in range(3)] == ["7", "< 5", "0"]
    assert chart.series[1].values == (1, 1, 1)  # targets are plans, not records


def test_suppress_small_cells_refuses_money() -> None:
    with pytest.raises(ValueError, match="only counts"):
        suppress_small_cells(_chart(unit=Unit.MONEY), 5)


def test_stacked_chart_top_is_the_sum() -> None:
    chart = Chart(
        code="t",
        title="t",
        kind="stacked",
        unit=Unit.COUNT,
        categories=("Q1", "Q2"),
        series=(Series("ID", (8, 1)), Series("JP", (6, 0))),
    )
    assert chart.top() == 14
    assert nice_ticks(chart.top(), Unit.COUNT, language="en").values[-1] >= 14


@pytest.mark.parametrize(
    ("top", "language", "last"),
    [(4_030_000, "ja", "500万"), (4_030_000, "en", "5 million"), (10, "id", "10")],
)
def test_nice_ticks_reach_above_the_top(top: float, language: str, last: str) -> None:
    ticks = nice_ticks(top, Unit.COUNT, language=language)
    assert ticks.values[0] == 0
    assert ticks.values[-1] >= top
    assert ticks.texts[-1] == last


def test_nice_ticks_money_in_the_language() -> None:
    ticks = nice_ticks(520 * 10**12, Unit.MONEY, "IDR", "ja")
    assert ticks.texts == ("0ルピア", "200兆ルピア", "400兆ルピア", "600兆ルピア")
