"""The report as an A4 PDF brief for ministry leadership: a summary page with the headline
figures and their targets, then each topic on its own pages, every chart with its table.

All text is set in the embedded IPAex Gothic (core.interfaces.pdf_fonts), Japanese included,
so the brief prints the same anywhere; charts come from report_charts (matplotlib, offline).
"""

from __future__ import annotations

import io
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Image,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from jembatan.core.domain import numbers
from jembatan.core.interfaces.pdf_fonts import pdf_font
from jembatan.core.interfaces.pdf_text import text_paragraph
from jembatan.indicators.domain.charts import Chart, Headline
from jembatan.indicators.domain.report import Report
from jembatan.indicators.interfaces.report_charts import WIDTH_IN, chart_png

BRAND = colors.HexColor("#1f5f8b")
TINT = colors.HexColor("#dce8f2")
LINE = colors.HexColor("#c9d3dd")
MARGIN = 18 * mm
MAX_TABLE_ROWS = 40  # a ranked breakdown longer than this is cut, and says so


def styles(language: str) -> dict[str, ParagraphStyle]:
    font = pdf_font()
    # Japanese breaks between any two characters; Latin text at spaces.
    wrap = "CJK" if language == "ja" else None
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13, wordWrap=wrap)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "title": ParagraphStyle(
            "title", parent=base, fontSize=18, leading=24, textColor=BRAND, spaceAfter=6
        ),
        "h1": ParagraphStyle("h1", parent=base, fontSize=15, leading=20, textColor=BRAND),
        "h2": ParagraphStyle("h2", parent=base, fontSize=11.5, leading=15, spaceBefore=8),
        "figure": ParagraphStyle("figure", parent=base, fontSize=17, leading=21, textColor=BRAND),
    }


def _table(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), pdf_font()),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), TINT))
    table.setStyle(TableStyle(commands))
    return table


def summary_page(report: Report, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [
        text_paragraph(report.title, s["title"]),
        text_paragraph(
            _("Scope: %(scope)s. Prepared on %(date)s from the Jembatan platform.")
            % {"scope": report.scope, "date": numbers.date(report.generated_on)},
            s["body"],
        ),
        Spacer(1, 6 * mm),
        text_paragraph(pgettext("indicators", "Headline figures"), s["h1"]),
        Spacer(1, 2 * mm),
    ]
    for headline in report.overview.headlines:
        story.append(KeepTogether(_headline(headline, s)))
    story.append(Spacer(1, 4 * mm))
    story.append(text_paragraph(pgettext("indicators", "Sources"), s["h2"]))
    seen: set[str] = set()
    for _what, where in report.overview.sources:
        if where not in seen:
            seen.add(where)
            story.append(text_paragraph(where, s["small"]))
    return story


def _headline(h: Headline, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    lines: list[Flowable] = [text_paragraph(h.label, s["h2"])]
    if h.value is not None:
        text = f"{h.value_text()} ({numbers.period_label(h.period)})"
        lines.append(text_paragraph(text, s["figure"]))
        if h.change is not None:
            change = _("%(change)s on the year before") % {
                "change": numbers.signed_percent(h.change)
            }
            if h.change_derived:
                change += " " + _("(derived)")
            lines.append(text_paragraph(change, s["body"]))
    if h.target is not None:
        aim = _("Target %(period)s: %(target)s") % {
            "period": numbers.period_label(h.target_period),
            "target": h.target_text(),
        }
        if h.required_change is not None:
            aim += " · " + _("requires %(change)s (derived)") % {
                "change": numbers.signed_percent(h.required_change)
            }
        if h.attainment is not None:
            aim += " · " + _("%(share)s attained") % {"share": numbers.percent(h.attainment)}
        lines.append(text_paragraph(aim, s["body"]))
    return lines


def chart_block(chart: Chart, s: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    story: list[Flowable] = [text_paragraph(chart.title, s["h2"])]
    if chart.is_empty():
        story.append(text_paragraph(_("No figures for this selection."), s["small"]))
        return story
    png = chart_png(chart)
    image = Image(io.BytesIO(png))
    scale = width / image.imageWidth
    image.drawWidth, image.drawHeight = width, image.imageHeight * scale
    story.append(image)
    header = [text_paragraph(chart.category_label, s["cell"])] + [
        text_paragraph(series.name, s["cell"]) for series in chart.series
    ]
    rows: list[list[Any]] = [header]
    for c_index, category in enumerate(chart.categories[:MAX_TABLE_ROWS]):
        cells = []
        for s_index in range(len(chart.series)):
            text = chart.full_text(s_index, c_index)
            if (s_index, c_index) in chart.derived:
                text += "*"
            cells.append(text)
        rows.append([text_paragraph(category, s["cell"]), *cells])
    first = width * (0.42 if len(chart.series) > 1 else 0.55)
    rest = (width - first) / max(1, len(chart.series))
    story.append(_table(rows, [first] + [rest] * len(chart.series)))
    notes = list(chart.notes)
    if len(chart.categories) > MAX_TABLE_ROWS:
        notes.append(
            _("The %(count)s largest shown; the XLSX report has them all.")
            % {"count": MAX_TABLE_ROWS}
        )
    if chart.derived:
        notes.append(_("* Derived: computed from the stated figures, not stated by the source."))
    for note in notes:
        story.append(text_paragraph(note, s["small"]))
    return story


def report_pdf(report: Report) -> bytes:
    with translation.override(report.language):
        s = styles(report.language)
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=report.title,
            author="Jembatan",
            lang=report.language,
            # Without it the canvas declares Helvetica, a font the PDF would not embed.
            initialFontName=pdf_font(),
            initialFontSize=9.5,
        )
        width = min(document.width, WIDTH_IN * 72)
        story = summary_page(report, s)
        for topic in report.overview.topics:
            story.append(PageBreak())
            story.append(text_paragraph(topic.title, s["h1"]))
            for chart in topic.charts:
                story.extend(chart_block(chart, s, width))
                story.append(Spacer(1, 4 * mm))
        footer = _("Jembatan · %(title)s") % {"title": report.title}

        def number_page(canvas: Any, doc: Any) -> None:
            canvas.saveState()
            canvas.setFont(pdf_font(), 7.5)
            canvas.setFillColor(colors.grey)
            canvas.drawString(MARGIN, 10 * mm, footer[:120])
            canvas.drawRightString(A4[0] - MARGIN, 10 * mm, str(doc.page))
            canvas.restoreState()

        document.build(story, onFirstPage=number_page, onLaterPages=number_page)
        return buffer.getvalue()
