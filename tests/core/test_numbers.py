"""Figures, money, rates and dates as each language writes them (core.domain.numbers)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from jembatan.core.domain import numbers

TRILLION = 10**12


@pytest.mark.parametrize(
    ("language", "expected"),
    [("id", "Rp520 triliun"), ("ja", "520兆ルピア"), ("en", "IDR 520 trillion")],
)
def test_compact_money_ikm_value_added_in_each_language(language: str, expected: str) -> None:
    assert numbers.compact_money(520 * TRILLION, "IDR", language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("id", "Rp439,6 triliun"), ("ja", "439.6兆ルピア"), ("en", "IDR 439.6 trillion")],
)
def test_compact_money_keeps_four_significant_digits(language: str, expected: str) -> None:
    assert numbers.compact_money(439_560_000_000_000, "IDR", language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("id", "JP¥100 juta"), ("ja", "1億円"), ("en", "¥100 million")],
)
def test_compact_money_yen(language: str, expected: str) -> None:
    assert numbers.compact_money(100_000_000, "JPY", language) == expected


@pytest.mark.parametrize(
    ("language", "units", "target", "new_units", "workers"),
    [
        ("id", "3,85 juta", "4,03 juta", "182.000", "400.000"),
        ("ja", "385万", "403万", "18.2万", "40万"),
        ("en", "3.85 million", "4.03 million", "182,000", "400,000"),
    ],
)
def test_compact_counts_use_man_and_oku_in_japanese(
    language: str, units: str, target: str, new_units: str, workers: str
) -> None:
    assert numbers.compact(3_850_000, language) == units
    assert numbers.compact(4_030_000, language) == target
    assert numbers.compact(182_000, language) == new_units
    assert numbers.compact(400_000, language) == workers


@pytest.mark.parametrize(
    ("language", "expected"), [("id", "9.999"), ("ja", "9,999"), ("en", "9,999")]
)
def test_compact_small_counts_stay_whole(language: str, expected: str) -> None:
    assert numbers.compact(9_999, language) == expected


def test_compact_japanese_rounds_to_whole_man() -> None:
    # CLDR's fraction digits alone would give 1234.57万.
    assert numbers.compact(12_345_678, "ja") == "1235万"
    assert numbers.compact(123_456_789, "ja") == "1.235億"


@pytest.mark.parametrize(
    ("language", "rupiah", "dollars"),
    [
        ("id", "Rp1.234.567", "US$1.234,56"),
        ("ja", "1,234,567ルピア", "1,234.56ドル"),
        ("en", "IDR 1,234,567", "$1,234.56"),
    ],
)
def test_money_full_amounts(language: str, rupiah: str, dollars: str) -> None:
    assert numbers.money(1_234_567, "IDR", language) == rupiah
    assert numbers.money(123_456, "USD", language) == dollars


@pytest.mark.parametrize(
    ("language", "rate", "growth"),
    [("id", "18,3%", "+4,7%"), ("ja", "18.3%", "+4.7%"), ("en", "18.3%", "+4.7%")],
)
def test_percent_from_zero_to_hundred(language: str, rate: str, growth: str) -> None:
    assert numbers.percent(Decimal("18.3"), language) == rate
    assert numbers.signed_percent(Decimal("4.7"), language) == growth
    assert numbers.signed_percent(Decimal("-2"), language).startswith("−2")
    assert numbers.percent(None, language) == "–"


@pytest.mark.parametrize(
    ("language", "day", "quarter", "month", "year"),
    [
        ("id", "1 Maret 2017", "K1 2017", "Mar 2017", "2017"),
        ("ja", "2017年3月1日", "2017年第1四半期", "2017年3月", "2017年"),
        ("en", "March 1, 2017", "Q1 2017", "Mar 2017", "2017"),
    ],
)
def test_dates_and_periods(language: str, day: str, quarter: str, month: str, year: str) -> None:
    assert numbers.date(dt.date(2017, 3, 1), language) == day
    assert numbers.period_label("2017-Q1", language) == quarter
    assert numbers.period_label("2017-03", language) == month
    assert numbers.period_label("2017", language) == year
    assert numbers.period_label("all", language) == "all"


def test_number_with_fixed_digits() -> None:
    assert numbers.number(Decimal("12.5"), "id", digits=2) == "12,50"
    assert numbers.number(3_850_000, "id") == "3.850.000"


def test_filters_follow_the_active_language() -> None:
    template = Template(
        "{% load number_tags %}{{ v|compact_money:'IDR' }}|{{ n|compact_figure }}|"
        "{{ r|percentage }}|{{ p|period_label }}|{{ d|long_date }}|{{ n|figure }}|"
        "{{ none|compact_figure }}"
    )
    context = Context(
        {"v": 520 * TRILLION, "n": 3_850_000, "r": "18.3", "p": "2017-Q2", "d": dt.date(2017, 7, 1)}
    )
    with translation.override("ja"):
        assert template.render(context) == (
            "520兆ルピア|385万|18.3%|2017年第2四半期|2017年7月1日|3,850,000|–"
        )
    with translation.override("id"):
        assert template.render(context) == (
            "Rp520 triliun|3,85 juta|18,3%|K2 2017|1 Juli 2017|3.850.000|–"
        )
