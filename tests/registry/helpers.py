"""Building import files and reference rows for the company import tests."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
from stdnum.jp import cn

from jembatan.registry.domain.company_import import ImportReport, import_companies
from jembatan.registry.interfaces.tabular_files import open_tabular
from jembatan.registry.models import Classification

# The canonical columns, in order, as the template and the import report name them.
COLUMN_NAMES = [
    "name",
    "country",
    "registry_id",
    "region",
    "city",
    "industry_codes",
    "employees",
    "founded_year",
    "website",
    "languages",
    "description",
]
HEADER = ",".join(COLUMN_NAMES)


def corporate_number(base: str) -> str:
    return cn.calc_check_digit(base) + base


JP1 = corporate_number("010001000001")
JP2 = corporate_number("010001000002")
ID1 = "9120000000001"
ID2 = "9120000000002"


def make_reference_rows() -> None:
    # Regions are synced after migrate (ISO 3166-2 with corrected names); codes come here.
    Classification.objects.bulk_create(
        [
            Classification(scheme="kbli2020", code="22220", level="subclass"),
            Classification(scheme="kbli2020", code="17021", level="subclass"),
            Classification(scheme="jsic14", code="2441", level="class"),
            Classification(scheme="jsic14", code="3111", level="class"),
        ]
    )


def csv_text(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def write(
    tmp_path: Path, text: str, *, encoding: str = "utf-8", name: str = "companies.csv"
) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(
    tmp_path: Path,
    rows: list[list[object]],
    *,
    sheet: str = "companies",
    first_sheet: str | None = None,
) -> Path:
    workbook = openpyxl.Workbook()
    active = workbook.active
    assert active is not None
    if first_sheet:
        active.title = first_sheet
        active.append(["not", "the", "data"])
        target = workbook.create_sheet(sheet)
    else:
        active.title = sheet
        target = active
    for row in rows:
        target.append(row)
    path = tmp_path / "companies.xlsx"
    workbook.save(path)
    return path


def run(path: Path, *, dry_run: bool = False, sheet: str | None = None) -> ImportReport:
    return import_companies(open_tabular(path, sheet=sheet), dry_run=dry_run)


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))
