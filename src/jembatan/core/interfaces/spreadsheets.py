"""The only way the project writes spreadsheets: formulas never reach Excel or LibreOffice.

`SafeWorkbook` is an openpyxl workbook whose `save` passes every text cell through
`safe_cell` first, however the cell was filled (`append`, `cell()`, `sheet["A1"] = ...`);
`safe_csv_writer` is `csv.writer` whose rows go through `safe_row`. A test
(tests/core/test_spreadsheet_writers.py) fails when code elsewhere in `src/` builds an
openpyxl `Workbook` or a `csv.writer` directly, so a new export cannot forget this.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from jembatan.core.domain.spreadsheet import safe_cell, safe_row


class SafeWorkbook(Workbook):  # type: ignore[misc]  # openpyxl ships no type hints
    """An openpyxl Workbook (not write-only) whose text cells are made inert when saved.

    A deliberate formula cannot be written through it: the project exports data, never
    formulas."""

    def __init__(self) -> None:
        super().__init__(write_only=False)

    def neutralise(self) -> None:
        for sheet in self.worksheets:
            if not isinstance(sheet, Worksheet):
                continue
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        safe = safe_cell(cell.value)
                        if safe is not cell.value:
                            cell.value = safe
                            cell.data_type = "s"

    def save(self, filename: Any) -> None:
        self.neutralise()
        super().save(filename)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.save(buffer)
        return buffer.getvalue()


class SafeCsvWriter:
    """`csv.writer` with every row passed through `safe_row`."""

    def __init__(self, handle: IO[str], **options: Any) -> None:
        self._writer = csv.writer(handle, **options)

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_csv_writer(handle: IO[str], **options: Any) -> SafeCsvWriter:
    return SafeCsvWriter(handle, **options)
