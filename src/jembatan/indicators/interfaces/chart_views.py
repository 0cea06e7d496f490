"""What a page needs to show a chart: its element id, its accessible table, its Plotly spec."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.text import slugify

from jembatan.indicators.domain.charts import Chart, Headline, Topic
from jembatan.indicators.interfaces.chart_specs import chart_spec

DERIVED_MARK = "*"


@dataclass(frozen=True)
class TableRow:
    label: str
    cells: list[str]


@dataclass(frozen=True)
class ChartView:
    chart: Chart
    element_id: str
    columns: list[str]
    rows: list[TableRow]
    has_derived: bool

    @property
    def table_id(self) -> str:
        return f"{self.element_id}-table"


@dataclass(frozen=True)
class TopicView:
    topic: Topic
    charts: list[ChartView]


def chart_view(chart: Chart) -> ChartView:
    element_id = "chart-" + slugify(chart.code.replace(".", "-").replace("_", "-"))
    rows = []
    for c_index, category in enumerate(chart.categories):
        cells = []
        for s_index in range(len(chart.series)):
            text = chart.full_text(s_index, c_index)
            if (s_index, c_index) in chart.derived:
                text += DERIVED_MARK
            cells.append(text)
        rows.append(TableRow(category, cells))
    return ChartView(
        chart=chart,
        element_id=element_id,
        columns=[s.name for s in chart.series],
        rows=rows,
        has_derived=bool(chart.derived),
    )


def topic_views(topics: tuple[Topic, ...] | list[Topic]) -> list[TopicView]:
    return [TopicView(topic, [chart_view(c) for c in topic.charts]) for topic in topics]


def specs(views: list[TopicView]) -> list[dict[str, Any]]:
    """The Plotly specs of the charts that have figures (an empty one shows its note only)."""
    return [
        chart_spec(c.chart, c.element_id) for t in views for c in t.charts if not c.chart.is_empty()
    ]


__all__ = ["ChartView", "Headline", "TopicView", "chart_view", "specs", "topic_views"]
