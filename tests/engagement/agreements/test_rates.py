"""The exchange-rate table: CSV import row by row, exact Decimals, rates on or before a date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from jembatan.core.models import AuditLogEntry
from jembatan.engagement.domain.rate_import import read_rate_file
from jembatan.engagement.domain.rates import import_rates, rates_on
from jembatan.engagement.models import ExchangeRate

GOOD = b"date,IDR,JPY\n2026-05-01,16250.5,151.25\n2026-06-01,16310.123456,149.8\n"


def test_read_rate_file_gives_decimals() -> None:
    parsed = read_rate_file(GOOD)
    assert parsed.problems == []
    assert [(r.line, r.on, r.idr_per_usd, r.jpy_per_usd) for r in parsed.rows] == [
        (2, dt.date(2026, 5, 1), Decimal("16250.5"), Decimal("151.25")),
        (3, dt.date(2026, 6, 1), Decimal("16310.123456"), Decimal("149.8")),
    ]


def test_read_rate_file_names_each_bad_row() -> None:
    data = (
        b"date;IDR;JPY\n"
        b"2026-13-01;16250;151\n"
        b"2026-05-02;-1;151\n"
        b"2026-05-03;16250;1.1234567\n"
        b"2026-05-04;abc;150\n"
        b"2026-05-05;16000;150\n"
        b"2026-05-05;16001;150\n"
    )
    assert read_rate_file(data).problems == [
        "Row 2: the date '2026-13-01' is not written YYYY-MM-DD.",
        "Row 3: IDR must be above 0 and below 999999999.",
        "Row 4: JPY has more than 6 decimals.",
        "Row 5: IDR 'abc' is not a number.",
        "Row 7: 2026-05-05 is already on row 6.",
    ]


def test_read_rate_file_wants_the_columns() -> None:
    assert read_rate_file(b"day,IDR\n2026-01-01,1\n").problems == [
        "Row 1: the header lacks the column(s) date, JPY; it needs date,IDR,JPY."
    ]


@pytest.mark.django_db
def test_import_writes_nothing_when_a_row_is_bad() -> None:
    result = import_rates(GOOD + b"2026-07-01,x,1\n")
    assert result.problems == ["Row 4: IDR 'x' is not a number."]
    assert ExchangeRate.objects.count() == 0


@pytest.mark.django_db
def test_import_stores_the_rates_exactly_and_updates_a_date(officer: Any) -> None:
    ExchangeRate.objects.create(on=dt.date(2026, 5, 1), idr_per_usd=1, jpy_per_usd=1)
    result = import_rates(GOOD, officer, "Bank Indonesia JISDOR")
    assert (result.created, result.updated, result.problems) == (1, 1, [])
    stored = ExchangeRate.objects.get(on=dt.date(2026, 6, 1))
    assert stored.idr_per_usd == Decimal("16310.123456")
    assert isinstance(stored.idr_per_usd, Decimal)
    assert stored.source == "Bank Indonesia JISDOR"
    assert AuditLogEntry.objects.filter(action="jembatan.exchange_rate.imported").count() == 2


@pytest.mark.django_db
def test_rates_on_takes_the_latest_on_or_before() -> None:
    import_rates(GOOD)
    assert rates_on(dt.date(2026, 4, 30)) is None
    assert rates_on(dt.date(2026, 5, 31)).on == dt.date(2026, 5, 1)  # type: ignore[union-attr]
    assert rates_on(dt.date(2026, 6, 1)).on == dt.date(2026, 6, 1)  # type: ignore[union-attr]


@pytest.mark.django_db
def test_rates_command_imports_and_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rates.csv"
    path.write_bytes(GOOD)
    call_command("rates", "import", str(path))
    call_command("rates", "show", "--on", "2026-05-15")
    assert capsys.readouterr().out.splitlines() == [
        "2 dates added, 0 updated",
        "2026-05-01: 1 USD = 16250.500000 IDR = 151.250000 JPY",
    ]
    path.write_bytes(b"date,IDR,JPY\n2026-01-01,,1\n")
    with pytest.raises(CommandError) as error:
        call_command("rates", "import", str(path))
    assert str(error.value) == "nothing imported:\nRow 2: IDR '' is not a number."
