"""Cells for the spreadsheets we write: text never reaches Excel or LibreOffice as a formula.

Every CSV and XLSX the project writes passes its text cells through `safe_cell` (or writes
rows through `safe_row`). A text starting with one of the characters that spreadsheet
programs read as the start of a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return)
gets a leading apostrophe, OWASP's advice for CSV injection; numbers, dates and None pass
unchanged, so a negative amount stays a number. The same holds when the text begins with
spaces (or other blank characters that spreadsheet import may trim) before such a
character, and for their full-width forms (＝＋－＠), which Japanese input methods type and
some spreadsheet programs read as the ASCII ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
# Blank characters a spreadsheet may trim before it reads a cell (tab and CR are starts).
_LEADING_BLANKS = " \n\x0b\x0c\u00a0\u3000"

T = TypeVar("T")


def safe_cell(value: T) -> T | str:
    """The value, with a text that a spreadsheet would read as a formula made inert."""
    if isinstance(value, str) and value.lstrip(_LEADING_BLANKS).startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    """A row of cells, each passed through `safe_cell`."""
    return [safe_cell(v) for v in values]
