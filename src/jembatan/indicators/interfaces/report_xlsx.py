"""The report as an XLSX workbook (through SafeWorkbook: text that begins with =, +, - or @
is made inert): a summary sheet, one sheet per topic, and a sources sheet.

Figures are numbers in their cells, never text: counts and persons as integers, money in
whole units of its currency (the header names it), rates as fractions formatted as percent.
The header row of every sheet is frozen.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from jembatan.core.domain import numbers
from jembatan.core.domain.kpis import Unit
from jembatan.core.interfaces.spreadsheets import SafeWorkbook
from jembatan.indicators.domain.charts import Chart, Headline, Value
from jembatan.indicators.domain.report import Report

FORMATS: dict[Unit, str] = {
    Unit.COUNT: "#,##0",
    Unit.PERSONS: "#,##0",
    Unit.PERCENT: "0.0%",
    Unit.DAYS: "0.0",
}
MONEY_FORMAT = {0: "#,##0", 2: "#,##0.00"}
HEADER_FILL = PatternFill("solid", fgColor="DCE8F2")
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def sheet_name(text: str, taken: set[str]) -> str:
    base = SHEET_NAME_BAD.sub(" ", text).strip()[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def cell_value(value: Value, unit: Unit, currency: str) -> tuple[Any, str]:
    """A figure as the number written in the cell and its number format."""
    if value is None:
        return None, "General"
    if unit == Unit.MONEY:
        major = numbers.minor_to_major(int(value), currency) if currency else Decimal(value)
        digits = 2 if major != major.to_integral_value() else 0
        return (int(major) if digits == 0 else float(major)), MONEY_FORMAT[digits]
    if unit == Unit.PERCENT:
        return float(Decimal(value) / 100), FORMATS[unit]
    if unit == Unit.DAYS:
        return float(value), FORMATS[unit]
    return int(value), FORMATS.get(unit, "#,##0")


def unit_text(unit: Unit, currency: str) -> str:
    texts = {
        Unit.COUNT: _("number"),
        Unit.PERSONS: pgettext("indicators", "persons"),
        Unit.PERCENT: pgettext("indicators", "percent"),
        Unit.DAYS: pgettext("indicators", "days"),
    }
    if unit == Unit.MONEY:
        return currency
    return texts.get(unit, str(unit))


def _header(sheet: Worksheet, headers: list[str], widths: list[int]) -> None:
    sheet.append(headers)
    for index, cell in enumerate(sheet[1]):
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[cell.column_letter].width = widths[index]
    sheet.freeze_panes = "A2"


def _put(sheet: Worksheet, row: list[Any], formats: dict[int, str]) -> None:
    sheet.append(row)
    for column, number_format in formats.items():
        sheet.cell(row=sheet.max_row, column=column).number_format = number_format


def summary_sheet(sheet: Worksheet, headlines: tuple[Headline, ...]) -> None:
    _header(
        sheet,
        [
            pgettext("indicators", "Indicator"),
            pgettext("indicators", "Period"),
            _("Value"),
            pgettext("indicators", "Unit"),
            _("Change on the year before"),
            _("Target period"),
            pgettext("indicators", "Target"),
            _("Growth the target requires"),
            pgettext("indicators", "Attainment"),
            _("Source"),
        ],
        [34, 12, 20, 10, 14, 12, 20, 14, 12, 60],
    )
    for h in headlines:
        value, value_format = cell_value(h.value, h.unit, h.currency)
        target, target_format = cell_value(h.target, h.unit, h.currency)
        change, change_format = cell_value(h.change, Unit.PERCENT, "")
        required, required_format = cell_value(h.required_change, Unit.PERCENT, "")
        attained, attained_format = cell_value(h.attainment, Unit.PERCENT, "")
        _put(
            sheet,
            [
                h.label,
                h.period,
                value,
                unit_text(h.unit, h.currency),
                change,
                h.target_period,
                target,
                required,
                attained,
                h.source,
            ],
            {
                3: value_format,
                5: change_format,
                7: target_format,
                8: required_format,
                9: attained_format,
            },
        )


def topic_sheet(sheet: Worksheet, charts: tuple[Chart, ...]) -> None:
    _header(
        sheet,
        [
            pgettext("indicators", "Indicator"),
            _("Period or breakdown"),
            pgettext("indicators", "Series"),
            _("Value"),
            pgettext("indicators", "Unit"),
            pgettext("indicators", "Derived"),
            _("Note"),
        ],
        [40, 24, 24, 20, 10, 10, 60],
    )
    for chart in charts:
        note = " ".join(chart.notes)
        for c_index, category in enumerate(chart.categories):
            for s_index, series in enumerate(chart.series):
                value, number_format = cell_value(
                    series.values[c_index], chart.unit, chart.currency
                )
                derived = (s_index, c_index) in chart.derived
                _put(
                    sheet,
                    [
                        chart.title,
                        category,
                        series.name,
                        value,
                        unit_text(chart.unit, chart.currency),
                        _("yes") if derived else "",
                        note,
                    ],
                    {4: number_format},
                )


def sources_sheet(sheet: Worksheet, report: Report) -> None:
    _header(sheet, [pgettext("indicators", "Figure"), _("Source")], [44, 90])
    sheet.append([pgettext("indicators", "Report"), report.title])
    sheet.append([pgettext("indicators", "Scope"), report.scope])
    sheet.append([_("Generated on"), report.generated_on])
    sheet.cell(row=sheet.max_row, column=2).number_format = "yyyy-mm-dd"
    for what, where in report.overview.sources:
        sheet.append([what, where])


def report_workbook(report: Report) -> bytes:
    with translation.override(report.language):
        book = SafeWorkbook()
        taken: set[str] = set()
        summary = book.active
        summary.title = sheet_name(_("Summary"), taken)
        summary_sheet(summary, report.overview.headlines)
        for topic in report.overview.topics:
            topic_sheet(book.create_sheet(sheet_name(topic.title, taken)), topic.charts)
        sources_sheet(
            book.create_sheet(sheet_name(pgettext("indicators", "Sources"), taken)), report
        )
        return book.to_bytes()
