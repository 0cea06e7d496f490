"""The XLSX template officers download: the canonical headers, and a sheet explaining them."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl.styles import Font

from jembatan.core.interfaces.spreadsheets import SafeWorkbook
from jembatan.registry.domain.company_import import COLUMNS


def column_help() -> dict[str, tuple[str, str]]:
    """Canonical column -> (what it holds, an example), in the active language."""
    return {
        "name": (_("Legal name of the company."), "PT Maju Bersama"),
        "country": (_("ID (Indonesia) or JP (Japan)."), "ID"),
        "registry_id": (
            _(
                "Indonesia: NIB, 13 digits. Japan: corporate number, 13 digits with its check digit."
            ),
            "9120001234567",
        ),
        "region": (
            _(
                "Province or prefecture: ISO 3166-2 code or name in English, Indonesian or Japanese."
            ),
            "ID-JB",
        ),
        "city": (_("City or regency."), "Bandung"),
        "industry_codes": (
            _("KBLI codes (Indonesia) or JSIC codes (Japan), separated by ';'."),
            "22220;17021",
        ),
        "employees": (_("Number of workers, a whole number."), "45"),
        "founded_year": (_("Year the company was founded."), "2004"),
        "website": (_("Web address."), "https://maju.example.co.id"),
        "languages": (_("Working languages, ISO 639-1 codes separated by ';'."), "id;en"),
        "description": (_("What the company makes or does."), "Produsen kemasan karton."),
    }


def build_template_xlsx() -> bytes:
    workbook = SafeWorkbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "companies"
    sheet.append([column.name for column in COLUMNS])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    # Identifiers are 13 digits: as text, Excel keeps them exact instead of 9.12E+12.
    for row in range(2, 1002):
        sheet.cell(row=row, column=3).number_format = "@"
    explained = workbook.create_sheet(_("columns"))
    explained.append(
        [_("column"), _("required"), _("accepted headers"), _("meaning"), _("example")]
    )
    for cell in explained[1]:
        cell.font = bold
    helps = column_help()
    for column in COLUMNS:
        meaning, example = helps[column.name]
        explained.append(
            [
                column.name,
                _("yes") if column.required else _("no"),
                ", ".join(column.variants),
                meaning,
                example,
            ]
        )
    return workbook.to_bytes()
