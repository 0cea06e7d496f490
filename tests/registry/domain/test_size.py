from __future__ import annotations

import pytest

from jembatan.registry.domain.size import (
    JapanSmeClass,
    JapanSmeSector,
    indonesian_industry_size,
    japan_sme_class,
    japan_sme_sector_for_isic,
    japan_sme_sector_for_jsic,
)

BILLION = 1_000_000_000


@pytest.mark.parametrize(
    ("workers", "investment", "expected"),
    [
        (0, 0, "small"),
        (19, BILLION - 1, "small"),
        (19, BILLION, "medium"),
        (5, 40 * BILLION, "medium"),
        (20, BILLION - 1, "medium"),
        (50, 200_000_000, "medium"),
        (20, 15 * BILLION, "medium"),
        (20, 15 * BILLION + 1, "large"),
        (19, 15 * BILLION + 1, "medium"),
        (1000, 100 * BILLION, "large"),
    ],
)
def test_indonesian_size_edges(workers: int, investment: int, expected: str) -> None:
    assert indonesian_industry_size(workers, investment) == expected


@pytest.mark.parametrize(
    ("workers", "investment", "expected"),
    [
        (None, BILLION, "medium"),
        (None, 15 * BILLION, "medium"),
        (None, BILLION - 1, None),
        (None, 15 * BILLION + 1, None),
        (10, None, None),
        (None, None, None),
    ],
)
def test_indonesian_size_missing_inputs(
    workers: int | None, investment: int | None, expected: str | None
) -> None:
    assert indonesian_industry_size(workers, investment) == expected


def test_indonesian_size_negative_rejected() -> None:
    with pytest.raises(ValueError, match="workers must not be negative"):
        indonesian_industry_size(-1, 0)


@pytest.mark.parametrize(
    ("sector", "capital", "employees", "expected"),
    [
        ("manufacturing_other", 10**12, 20, "small_enterprise"),
        ("manufacturing_other", None, 21, "sme"),
        ("manufacturing_other", 10**12, 300, "sme"),
        ("manufacturing_other", 300_000_000, 301, "sme"),
        ("manufacturing_other", 300_000_001, 301, "large"),
        ("manufacturing_other", None, 301, None),
        ("wholesale", 10**9, 5, "small_enterprise"),
        ("wholesale", 10**9, 6, "sme"),
        ("wholesale", 10**9, 100, "sme"),
        ("wholesale", 100_000_000, 101, "sme"),
        ("wholesale", 100_000_001, 101, "large"),
        ("retail", 50_000_000, 51, "sme"),
        ("retail", 50_000_001, 51, "large"),
        ("retail", 50_000_001, 50, "sme"),
        ("services", 50_000_001, 100, "sme"),
        ("services", 50_000_001, 101, "large"),
        ("services", 1, 6, "sme"),
        ("services", 1, None, None),
        (None, 1, 1, None),
    ],
)
def test_japan_sme_class_edges(
    sector: JapanSmeSector | None,
    capital: int | None,
    employees: int | None,
    expected: JapanSmeClass | None,
) -> None:
    assert japan_sme_class(sector, capital, employees) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("E", "manufacturing_other"),
        ("I", None),
        ("L", "services"),
        ("50", "wholesale"),
        ("5511", "wholesale"),
        ("55", "wholesale"),
        ("56", "retail"),
        ("6112", "retail"),
        ("7611", "retail"),
        ("7511", "services"),
        ("3911", "services"),
        ("3711", "manufacturing_other"),
        ("4013", "manufacturing_other"),
        ("4113", "services"),
        ("4141", "manufacturing_other"),
        ("41", None),
        ("6931", "services"),
        ("6811", "manufacturing_other"),
        ("7911", "manufacturing_other"),
        ("7931", "services"),
        ("8911", "services"),
        ("0111", "manufacturing_other"),
        ("3113", "manufacturing_other"),
        ("x1", None),
    ],
)
def test_japan_sme_sector_for_jsic(code: str, expected: str | None) -> None:
    assert japan_sme_sector_for_jsic(code) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("2930", "manufacturing_other"),
        ("4520", "services"),
        ("4510", "retail"),
        ("4630", "wholesale"),
        ("4711", "retail"),
        ("5610", "retail"),
        ("5510", "services"),
        ("5911", "services"),
        ("5811", "manufacturing_other"),
        ("5820", "services"),
        ("6201", "services"),
        ("6312", "manufacturing_other"),
        ("6419", "manufacturing_other"),
        ("7911", "manufacturing_other"),
        ("3312", "services"),
        ("9602", "services"),
        ("C", None),
    ],
)
def test_japan_sme_sector_for_isic(code: str, expected: str | None) -> None:
    assert japan_sme_sector_for_isic(code) == expected
