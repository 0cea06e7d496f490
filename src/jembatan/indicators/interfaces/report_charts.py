"""Charts for the PDF brief, drawn offline with matplotlib (Agg: no display, no browser) in
the same embedded font as the text around them (core.interfaces.pdf_fonts)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator

from jembatan.core.interfaces.pdf_fonts import chart_font_family
from jembatan.indicators.domain.charts import Chart, nice_ticks

COLOURS = ["#1f5f8b", "#d9822b", "#3c8d5a", "#8e5ea2", "#c23b3b", "#6b7b8c", "#b8a038"]
TARGET_COLOUR = "#c23b3b"
WIDTH_IN = 6.6  # inches: the A4 text width less margins
DPI = 150


def _number(value: object) -> float:
    return float(value) if value is not None else float("nan")  # type: ignore[arg-type]


def chart_png(chart: Chart, language: str | None = None) -> bytes:
    """The chart as a PNG image; a ranked chart grows with its number of bars."""
    family = chart_font_family()
    bars = len(chart.categories)
    height = max(2.4, 0.28 * bars + 0.8) if chart.kind in ("ranked", "funnel") else 2.8
    figure = Figure(figsize=(WIDTH_IN, min(height, 8.0)), dpi=DPI)
    axes = figure.add_subplot()
    for label in (*axes.get_xticklabels(), *axes.get_yticklabels()):
        label.set_fontfamily(family)
    top = chart.top()
    ticks = nice_ticks(top, chart.unit, chart.currency, language)
    positions = list(range(len(chart.categories)))
    values = [s for s in chart.series if s.role == "value"]
    targets = [s for s in chart.series if s.role == "target"]
    if chart.kind in ("ranked", "funnel"):
        series = values[0]
        axes.barh(positions, [_number(v) for v in series.values], color=COLOURS[0])
        axes.set_yticks(positions, list(chart.categories), fontfamily=family, fontsize=8)
        axes.invert_yaxis()
        axes.xaxis.set_major_locator(FixedLocator(list(ticks.values)))
        axes.set_xticklabels(list(ticks.texts), fontfamily=family, fontsize=8)
        axes.set_xlim(0, (ticks.values[-1] or 1) * 1.02)
    else:
        width = min(0.6, 0.8 / max(1, len(values)))
        bottom = [0.0] * len(positions)
        for index, series in enumerate(values):
            heights = [_number(v) for v in series.values]
            colour = COLOURS[index % len(COLOURS)]
            if chart.kind == "line":
                axes.plot(positions, heights, marker="o", color=colour, label=series.name)
            elif chart.kind == "stacked":
                clean = [0.0 if h != h else h for h in heights]
                axes.bar(positions, clean, 0.6, bottom=bottom, color=colour, label=series.name)
                bottom = [b + h for b, h in zip(bottom, clean, strict=True)]
            else:
                offset = (index - (len(values) - 1) / 2) * width
                axes.bar(
                    [p + offset for p in positions], heights, width, color=colour, label=series.name
                )
        for series in targets:
            axes.plot(
                positions,
                [_number(v) for v in series.values],
                linestyle="--",
                marker="D",
                color=TARGET_COLOUR,
                label=series.name,
            )
        axes.set_xticks(positions, list(chart.categories), fontfamily=family, fontsize=8)
        axes.yaxis.set_major_locator(FixedLocator(list(ticks.values)))
        axes.set_yticklabels(list(ticks.texts), fontfamily=family, fontsize=8)
        axes.set_ylim(0, (ticks.values[-1] or 1) * 1.04)
        if len(values) + len(targets) > 1:
            axes.legend(prop={"family": family, "size": 7}, frameon=False, ncols=3)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="x" if chart.kind in ("ranked", "funnel") else "y", color="#e3e8ee")
    axes.set_axisbelow(True)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
