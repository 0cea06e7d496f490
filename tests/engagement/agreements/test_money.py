"""Money: integer minor units and Decimal rates; no float anywhere, one rounding at the end."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jembatan.engagement.domain.money import (
    MissingRateError,
    MoneyError,
    Rates,
    convert,
    format_money,
    parse_major,
    total_in,
)

RATES = Rates(dt.date(2026, 5, 1), {"IDR": Decimal("16250.5"), "JPY": Decimal("151.25")})


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("1.500.000.000", "IDR", 1_500_000_000),
        ("1,500,000", "JPY", 1_500_000),
        ("1234.56", "USD", 123_456),
        ("1,234.5", "USD", 123_450),
        (" 0 ", "USD", 0),
        ("1.234,56", "USD", 123_456),
        ("1.000", "IDR", 1_000),
        ("10.0", "JPY", 10),
    ],
)
def test_parse_major_gives_integer_minor_units(text: str, currency: str, minor: int) -> None:
    value = parse_major(text, currency)
    assert value == minor
    assert type(value) is int


@pytest.mark.parametrize(
    ("text", "currency", "message"),
    [
        ("12.345", "USD", "USD amounts have at most 2 decimals."),
        ("-5", "IDR", "-5 is not an amount."),
        ("10.5", "IDR", "IDR amounts are whole numbers."),
        ("abc", "JPY", "abc is not an amount."),
        ("1e400", "IDR", "1e400 is too large."),
        ("5", "EUR", "EUR is not a programme currency (IDR, JPY or USD)."),
    ],
)
def test_parse_major_refuses_with_the_reason(text: str, currency: str, message: str) -> None:
    with pytest.raises(MoneyError) as error:
        parse_major(text, currency)
    assert str(error.value) == message


def test_convert_idr_to_jpy_goes_through_the_dollar_exactly() -> None:
    # 1,625,050 IDR = 100 USD = 15,125 JPY.
    assert convert(1_625_050, "IDR", "JPY", RATES) == 15_125
    assert convert(100_00, "USD", "IDR", RATES) == 1_625_050
    assert convert(15_125, "JPY", "USD", RATES) == 100_00


def test_convert_rounds_half_to_even_once() -> None:
    rates = Rates(dt.date(2026, 1, 1), {"IDR": Decimal("2"), "JPY": Decimal("1")})
    assert convert(1, "IDR", "JPY", rates) == 0  # 0.5 -> 0
    assert convert(3, "IDR", "JPY", rates) == 2  # 1.5 -> 2


def test_total_in_sums_each_currency_first_and_names_the_rate_date() -> None:
    total = total_in([(1_625_050, "IDR"), (15_125, "JPY"), (100_00, "USD")], "USD", RATES)
    assert total.amount == 300_00
    assert total.rate_date == dt.date(2026, 5, 1)
    assert total.by_currency == {"IDR": 1_625_050, "JPY": 15_125, "USD": 100_00}
    assert total.rate_note == "Converted at the exchange rates of Fri 1 May 2026."
    assert total.text == "US$ 300.00"


def test_total_in_one_currency_needs_no_rate() -> None:
    total = total_in([(5, "JPY"), (7, "JPY")], "JPY", None)
    assert (total.amount, total.rate_date) == (12, None)


def test_total_without_rates_says_so() -> None:
    with pytest.raises(MissingRateError) as error:
        total_in([(5, "JPY")], "IDR", None)
    assert str(error.value) == (
        "No exchange rate has been entered yet; officers add rates in the admin."
    )


def test_format_money_writes_the_currency() -> None:
    assert format_money(1_500_000_000, "IDR") == "Rp 1,500,000,000"
    assert format_money(123_456, "USD") == "US$ 1,234.56"
    assert format_money(None, "IDR") == ""
