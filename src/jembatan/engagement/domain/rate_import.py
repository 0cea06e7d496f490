"""Reading an exchange-rate CSV file: `date,IDR,JPY` (units per US dollar), one rate date a row.

Every row is checked before anything is written, and each problem names its row (the line
number in the file, the header being line 1) and the reason, in the user's language.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

REQUIRED_COLUMNS: tuple[str, ...] = ("date", "IDR", "JPY")
# As stored (DecimalField max_digits=15, decimal_places=6): exact on SQLite and PostgreSQL.
RATE_DECIMALS = 6
RATE_MAX = Decimal("999999999")
MAX_ROWS = 20_000


@dataclass(frozen=True)
class RateRow:
    line: int
    on: date
    idr_per_usd: Decimal
    jpy_per_usd: Decimal


@dataclass(frozen=True)
class RateFile:
    rows: list[RateRow]
    problems: list[str]


def parse_rate(text: str, line: int, column: str) -> tuple[Decimal | None, str | None]:
    try:
        value = Decimal(text.strip().replace(",", ""))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        return None, _("Row %(line)d: %(column)s %(value)s is not a number.") % {
            "line": line,
            "column": column,
            "value": repr(text),
        }
    if value <= 0 or value > RATE_MAX:
        return None, _("Row %(line)d: %(column)s must be above 0 and below %(max)s.") % {
            "line": line,
            "column": column,
            "max": RATE_MAX,
        }
    if -value.as_tuple().exponent > RATE_DECIMALS:  # type: ignore[operator]
        return None, _("Row %(line)d: %(column)s has more than %(digits)d decimals.") % {
            "line": line,
            "column": column,
            "digits": RATE_DECIMALS,
        }
    return value, None


def parse_date(text: str, line: int) -> tuple[date | None, str | None]:
    try:
        return date.fromisoformat(text.strip()), None
    except ValueError:
        return None, _("Row %(line)d: the date %(value)s is not written YYYY-MM-DD.") % {
            "line": line,
            "value": repr(text),
        }


def read_rate_file(data: bytes) -> RateFile:
    """The rows of a CSV file (UTF-8, with or without BOM; comma or semicolon)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return RateFile([], [_("The file is not UTF-8 text.")])
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [cell.strip() for cell in next(reader, [])]
    canonical = {name.upper(): name for name in REQUIRED_COLUMNS}
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        key = canonical.get(name.upper())
        if key is not None:
            positions[key] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    if missing:
        return RateFile(
            [],
            [
                _("Row 1: the header lacks the column(s) %(columns)s; it needs %(needed)s.")
                % {"columns": ", ".join(missing), "needed": ",".join(REQUIRED_COLUMNS)}
            ],
        )
    rows: list[RateRow] = []
    problems: list[str] = []
    seen: dict[date, int] = {}
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if line > MAX_ROWS + 1:
            problems.append(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
            break
        value = {k: (cells[i] if i < len(cells) else "") for k, i in positions.items()}
        on, date_problem = parse_date(value["date"], line)
        idr, idr_problem = parse_rate(value["IDR"], line, "IDR")
        jpy, jpy_problem = parse_rate(value["JPY"], line, "JPY")
        row_problems = [p for p in (date_problem, idr_problem, jpy_problem) if p]
        if on is not None and on in seen:
            row_problems.append(
                _("Row %(line)d: %(date)s is already on row %(first)d.")
                % {"line": line, "date": on.isoformat(), "first": seen[on]}
            )
        problems.extend(row_problems)
        if row_problems or on is None or idr is None or jpy is None:
            continue
        seen[on] = line
        rows.append(RateRow(line=line, on=on, idr_per_usd=idr, jpy_per_usd=jpy))
    if not rows and not problems:
        problems.append(_("The file has no rate rows."))
    return RateFile(rows, problems)
