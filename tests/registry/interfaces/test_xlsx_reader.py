"""The XLSX reader (python-calamine) gives the import the cells openpyxl gave it: the same
row numbers, columns from A, text as written, whole numbers without ".0", dates as
YYYY-MM-DD and formulas as their cached values."""

from __future__ import annotations

import datetime
import struct
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from django.utils import translation

from jembatan.registry.domain.company_import import SourceError
from jembatan.registry.interfaces.tabular_files import XlsxSource, _cell_text

# A formula with a cached value, a formula giving text, and a boolean, as Excel writes them
# (openpyxl writes formulas without cached values, so they are put into the sheet XML).
CACHED = (
    '<c r="E6"><f>2*3</f><v>6</v></c>'
    '<c r="F6" t="str"><f>"0"&amp;"12"</f><v>012</v></c>'
    '<c r="G6" t="b"><v>1</v></c>'
)


def edge_workbook(tmp_path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Notes"
    sheet["A1"] = "not this sheet"
    data = workbook.create_sheet("Companies")
    data["B3"], data["C3"], data["D3"] = "name", "registry_id", "founded"
    data["B5"], data["C5"] = "PT Maju", "0120000000001"  # text with a leading zero
    data["C6"] = 9120000000001  # a 13-digit NIB typed as a number
    data["D6"] = 1987.0
    data["B7"] = datetime.date(2024, 1, 2)
    data["C7"] = datetime.datetime(2024, 1, 2, 3, 4, 5)  # noqa: DTZ001 (Excel has no zones)
    data["D7"] = 45000
    data["D7"].number_format = "yyyy-mm-dd"
    data["B8"], data["C8"], data["D8"] = 0.5, -0.0, 1e20
    data["B9"] = "株式会社テスト"
    data["F9"].font = openpyxl.styles.Font(bold=True)  # a styled empty cell
    data.merge_cells("B10:C10")
    data["B10"] = "merged"
    plain = tmp_path / "plain.xlsx"
    workbook.save(plain)
    target = tmp_path / "edge.xlsx"
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            part = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                part = part.replace(b'</row><row r="7"', f'{CACHED}</row><row r="7"'.encode())
            new.writestr(item, part)
    return target


def openpyxl_rows(path: Path, sheet: str) -> list[tuple[int, list[str]]]:
    """What the reader returned when it used openpyxl (read-only, cached values)."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    worksheet = workbook[sheet]
    worksheet.reset_dimensions()
    rows = [
        (number, [_cell_text(value) for value in values])
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
    ]
    workbook.close()
    return rows


def trimmed(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Rows without their trailing empty cells (openpyxl's rows are ragged, calamine's
    rectangular) and without trailing empty rows; the import reads cells by position."""
    result = []
    for number, cells in rows:
        width = len(cells)
        while width and cells[width - 1] == "":
            width -= 1
        result.append((number, cells[:width]))
    while result and not result[-1][1]:
        result.pop()
    return result


def test_cells_match_what_openpyxl_gave(tmp_path: Path) -> None:
    path = edge_workbook(tmp_path)
    rows = list(XlsxSource(path, sheet="Companies").rows())
    assert trimmed(rows) == trimmed(openpyxl_rows(path, "Companies"))
    by_number = dict(trimmed(rows))
    assert by_number[3] == ["", "name", "registry_id", "founded"]
    assert by_number[5] == ["", "PT Maju", "0120000000001"]
    assert by_number[6] == ["", "", "9120000000001", "1987", "6", "012", "TRUE"]
    assert by_number[7] == ["", "2024-01-02", "2024-01-02", "2023-03-15"]
    assert by_number[8] == ["", "0.5", "0", "100000000000000000000"]
    assert by_number[10] == ["", "merged"]
    assert [number for number, _ in rows[:5]] == [1, 2, 3, 4, 5]


def test_first_worksheet_is_read_without_a_sheet_name(tmp_path: Path) -> None:
    path = edge_workbook(tmp_path)
    assert list(XlsxSource(path).rows()) == [(1, ["not this sheet"])]


def test_unknown_sheet_names_the_sheets(tmp_path: Path) -> None:
    path = edge_workbook(tmp_path)
    with translation.override("en"), pytest.raises(SourceError) as raised:
        list(XlsxSource(path, sheet="Firms").rows())
    assert (
        raised.value.error.message
        == 'The workbook has no sheet "Firms" (its sheets: Notes, Companies).'
    )


def test_dtd_in_a_sheet_part_is_refused_before_parsing(tmp_path: Path) -> None:
    path = edge_workbook(tmp_path)
    hostile = tmp_path / "dtd.xlsx"
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(hostile, "w") as new:
        for item in old.infolist():
            part = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                part = b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + part
            new.writestr(item, part)
    with translation.override("en"), pytest.raises(SourceError) as raised:
        list(XlsxSource(hostile).rows())
    assert raised.value.error.message == (
        "The XLSX file cannot be read (it declares XML entities or a DTD, which are refused "
        "for safety)."
    )


def lying_sizes(tmp_path: Path) -> Path:
    """A workbook whose sheet part declares 1,000 unzipped bytes (and the CRC of those) but
    inflates to far more: a zip bomb that the directory's sizes would not reveal."""
    source = tmp_path / "rows.xlsx"
    workbook = openpyxl.Workbook()
    for number in range(5_000):
        workbook.active.append([f"PT {number}", "ID", number])
    workbook.save(source)
    name = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read(name)
        info = archive.getinfo(name)
    data = bytearray(source.read_bytes())
    declared, crc = 1_000, zlib.crc32(sheet[:1_000])
    struct.pack_into("<II", data, info.header_offset + 14, crc, info.compress_size)
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + length] == name.encode():
            struct.pack_into("<I", data, central + 16, crc)
            struct.pack_into("<I", data, central + 24, declared)
        central = data.find(b"PK\x01\x02", central + 4)
    target = tmp_path / "lying.xlsx"
    target.write_bytes(bytes(data))
    assert zipfile.ZipFile(target).getinfo(name).file_size == declared
    return target


def test_part_larger_than_it_declares_is_refused(tmp_path: Path) -> None:
    with translation.override("en"), pytest.raises(SourceError) as raised:
        list(XlsxSource(lying_sizes(tmp_path)).rows())
    message = raised.value.error.message
    assert message.startswith("The XLSX file cannot be read (")
    assert "larger than its declared uncompressed size" in message
