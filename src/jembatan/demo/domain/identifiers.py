"""Deterministic, plausible registry identifiers for demo firms.

The check digit and the validity checks are the registry's own rules
(jembatan.registry.domain.identifiers); the shared `generate_*` functions draw uniformly,
so the demo keeps its own drawing of plausible prefixes and office codes.
"""

from __future__ import annotations

import random

from jembatan.registry.domain.identifiers import (
    corporate_number_check_digit,
    normalise_corporate_number,
    normalise_nib,
)

# First digits that issued NIBs commonly start with.
NIB_PREFIXES: tuple[str, ...] = ("9120", "8120", "1220", "0220")

# Registration-office codes (the first four digits of the 12-digit base) by prefecture;
# close to the Legal Affairs Bureau codes, good enough for demo data.
JP_OFFICE_CODES: dict[str, tuple[str, ...]] = {
    "JP-01": ("4500", "4501"),
    "JP-11": ("0300", "0301"),
    "JP-13": ("0100", "0104", "0111"),
    "JP-14": ("0200", "0201"),
    "JP-15": ("1100", "1101"),
    "JP-17": ("2200",),
    "JP-21": ("2000", "2001"),
    "JP-22": ("0800", "0801"),
    "JP-23": ("1800", "1803"),
    "JP-26": ("1300", "1301"),
    "JP-27": ("1200", "1220"),
    "JP-28": ("1400", "1401"),
    "JP-33": ("2600",),
    "JP-34": ("2400", "2401"),
    "JP-38": ("5000",),
    "JP-40": ("2900", "2901"),
    "JP-41": ("3000",),
}

# Kind-of-company code in the base (株式会社 01, 有限会社 02, 合同会社 03).
JP_KIND_CODES: dict[str, str] = {"KK": "01", "YK": "02", "GK": "03"}


def nib(rng: random.Random, taken: set[str]) -> str:
    """A 13-digit NIB not in `taken` (which it joins)."""
    while True:
        value = normalise_nib(rng.choice(NIB_PREFIXES) + str(rng.randint(100_000_000, 999_999_999)))
        if value not in taken:
            taken.add(value)
            return value


def corporate_number(rng: random.Random, region: str, legal_form: str, taken: set[str]) -> str:
    """A 13-digit corporate number with a valid check digit, not in `taken`."""
    while True:
        office = rng.choice(JP_OFFICE_CODES.get(region, ("0100",)))
        base = office + JP_KIND_CODES.get(legal_form, "01") + f"{rng.randint(1, 999_999):06d}"
        value = normalise_corporate_number(corporate_number_check_digit(base) + base)
        if value not in taken:
            taken.add(value)
            return value
