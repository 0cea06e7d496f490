from __future__ import annotations

import random

import pytest
from stdnum.jp import cn as stdnum_cn

from jembatan.registry.domain.identifiers import (
    ERROR_MESSAGES,
    IdentifierError,
    corporate_number_check_digit,
    corporate_number_from_invoice_number,
    format_corporate_number,
    format_npwp,
    generate_corporate_number,
    generate_nib,
    normalise_corporate_number,
    normalise_invoice_registration_number,
    normalise_nib,
    normalise_npwp,
    normalise_registry_id,
    normalise_tax_number,
)

# Published corporate numbers: National Tax Agency, and two listed companies'
# numbers as shown on the NTA's corporate number site.
REAL_CORPORATE_NUMBERS = ["7000012050002", "5010401067252", "4010001000696"]


def design_md_check_digit(base: str) -> int:
    """The formula exactly as design.md states it, written independently of stdnum."""
    total = 0
    for n, digit in enumerate(reversed(base), start=1):
        q = 1 if n % 2 == 1 else 2
        total += int(digit) * q
    return 9 - total % 9


def raised_code(func: object, value: str) -> str:
    assert callable(func)
    with pytest.raises(IdentifierError) as info:
        func(value)
    return info.value.code


@pytest.mark.parametrize("number", REAL_CORPORATE_NUMBERS)
def test_corporate_number_real_numbers_agree_with_design_formula_and_stdnum(
    number: str,
) -> None:
    assert design_md_check_digit(number[1:]) == int(number[0])
    assert stdnum_cn.is_valid(number)
    assert corporate_number_check_digit(number[1:]) == number[0]
    assert normalise_corporate_number(number) == number


def test_corporate_number_formula_matches_stdnum_on_random_bases() -> None:
    rng = random.Random(7)
    for _ in range(500):
        base = f"{rng.randrange(10**12):012d}"
        assert corporate_number_check_digit(base) == str(design_md_check_digit(base))


@pytest.mark.parametrize(
    "wrong", ["6000012050002", "8000012050002", "1010401067252", "4010001000697"]
)
def test_corporate_number_wrong_check_digit_rejected(wrong: str) -> None:
    assert raised_code(normalise_corporate_number, wrong) == "corporate_number_checksum"


def test_corporate_number_separators_and_full_width_digits_accepted() -> None:
    assert normalise_corporate_number("7-0000-1205-0002") == "7000012050002"
    assert (
        # Full-width digits are what this line tests.
        normalise_corporate_number(" ７０００ ０１２０ ５０００２ ") == "7000012050002"
    )
    assert format_corporate_number("7000012050002") == "7-0000-1205-0002"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("700001205000", "corporate_number_length"),
        ("70000120500020", "corporate_number_length"),
        ("7000O12050002", "corporate_number_format"),
        ("7000.012.050002", "corporate_number_format"),
        ("", "corporate_number_length"),
    ],
)
def test_corporate_number_bad_format_rejected(value: str, code: str) -> None:
    assert raised_code(normalise_corporate_number, value) == code


def test_nib_spaces_and_dashes_removed() -> None:
    assert normalise_nib("9120-0010-1234 5") == "9120001012345"
    assert normalise_nib("0220000123456") == "0220000123456"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("912000101234", "nib_length"),
        ("91200010123456", "nib_length"),
        ("9120.0010.12345", "nib_format"),
        ("NIB9120001012", "nib_format"),
        ("９１２０００１０１２３４５x", "nib_format"),
    ],
)
def test_nib_bad_values_rejected(value: str, code: str) -> None:
    assert raised_code(normalise_nib, value) == code


def test_npwp_old_and_new_formats_accepted() -> None:
    assert normalise_npwp("01.312.166.0-091.000") == "013121660091000"
    assert normalise_npwp("0013121660091000") == "0013121660091000"
    assert format_npwp("013121660091000") == "01.312.166.0-091.000"
    assert format_npwp("0013121660091000") == "0013121660091000"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("01.312.166.1-091.000", "npwp_checksum"),
        ("0013121661091000", "npwp_checksum"),
        ("01312166009100", "npwp_length"),
        ("01.312.166.0/091.000", "npwp_format"),
    ],
)
def test_npwp_bad_values_rejected(value: str, code: str) -> None:
    assert raised_code(normalise_npwp, value) == code


def test_invoice_number_with_and_without_t() -> None:
    assert normalise_invoice_registration_number("T7000012050002") == "T7000012050002"
    assert normalise_invoice_registration_number("t 7000012050002") == "T7000012050002"
    assert normalise_invoice_registration_number("7000012050002") == "T7000012050002"
    assert corporate_number_from_invoice_number("T5010401067252") == "5010401067252"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("T6000012050002", "invoice_number_checksum"),
        ("X7000012050002", "invoice_number_format"),
        ("T700001205000", "invoice_number_format"),
        ("TT7000012050002", "invoice_number_format"),
    ],
)
def test_invoice_number_bad_values_rejected(value: str, code: str) -> None:
    assert raised_code(normalise_invoice_registration_number, value) == code


def test_generators_are_valid_and_reproducible() -> None:
    rng = random.Random(2017)
    nibs = [generate_nib(rng) for _ in range(50)]
    numbers = [generate_corporate_number(rng) for _ in range(50)]
    assert all(normalise_nib(nib) == nib for nib in nibs)
    assert all(stdnum_cn.is_valid(number) for number in numbers)
    again = random.Random(2017)
    assert generate_nib(again) == nibs[0]


def test_error_carries_code_and_english_default() -> None:
    error = IdentifierError("nib_length")
    assert error.code == "nib_length"
    assert error.message == "An NIB has exactly 13 digits."
    assert set(ERROR_MESSAGES) >= {"nib_length", "corporate_number_checksum"}


@pytest.mark.parametrize(
    ("country", "value", "expected"),
    [
        ("ID", "9120-0012-34567", "9120001234567"),
        ("JP", "5-0104-0106-7252", "5010401067252"),
    ],
)
def test_registry_id_by_country(country: str, value: str, expected: str) -> None:
    assert normalise_registry_id(country, value) == expected


def test_registry_id_japanese_check_digit_checked() -> None:
    with pytest.raises(IdentifierError) as error:
        normalise_registry_id("JP", "6010401067252")
    assert error.value.code == "corporate_number_checksum"


@pytest.mark.parametrize(
    ("country", "value", "expected"),
    [
        ("ID", "01.312.166.0-091.000", "013121660091000"),
        ("JP", "5010401067252", "5010401067252"),
        ("JP", "t5010401067252", "T5010401067252"),
        ("JP", "Ｔ５０１０４０１０６７２５２", "T5010401067252"),
    ],
)
def test_tax_number_by_country(country: str, value: str, expected: str) -> None:
    assert normalise_tax_number(country, value) == expected


@pytest.mark.parametrize(
    ("country", "value", "code"),
    [
        ("ID", "01.312.166.1-091.000", "npwp_checksum"),
        ("JP", "T6010401067252", "invoice_number_checksum"),
        ("JP", "01.312.166.0-091.000", "corporate_number_format"),
    ],
)
def test_tax_number_errors_by_country(country: str, value: str, code: str) -> None:
    with pytest.raises(IdentifierError) as error:
        normalise_tax_number(country, value)
    assert error.value.code == code


def test_the_import_fast_path_check_digit_is_the_shared_rule() -> None:
    """company_import.validation computes the check digit on bytes for speed: it must
    agree with the shared rule (stdnum.jp.cn) on every base."""
    import random

    from jembatan.registry.domain.company_import.validation import _check_digit

    rng = random.Random(13)
    bases = ["000000000000", "999999999999", "123456789012"] + [
        f"{rng.randrange(10**12):012d}" for _ in range(5000)
    ]
    assert [_check_digit(b) for b in bases] == [corporate_number_check_digit(b) for b in bases]
