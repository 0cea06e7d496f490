"""Company identifiers: Indonesian NIB and NPWP, Japanese corporate and invoice numbers.

Each ``normalise_*`` function takes what a person typed and returns the canonical
string to store, or raises :class:`IdentifierError`. The error carries a stable
``code`` and an English default ``message`` (from :data:`ERROR_MESSAGES`); this
package has no Django, so the form layer maps the code to a translated string.

Input is NFKC-normalised first, so full-width digits, common in Japanese
input, are accepted.
"""

from __future__ import annotations

import random
import unicodedata
from typing import Final

from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError
from stdnum.id import npwp as stdnum_npwp
from stdnum.jp import cn as stdnum_cn

ERROR_MESSAGES: Final[dict[str, str]] = {
    "nib_format": "An NIB may contain only digits, spaces and dashes.",
    "nib_length": "An NIB has exactly 13 digits.",
    "corporate_number_format": ("A corporate number may contain only digits, spaces and dashes."),
    "corporate_number_length": "A corporate number has exactly 13 digits.",
    "corporate_number_checksum": (
        "This corporate number's check digit is wrong; please check for a typing error."
    ),
    "npwp_format": "An NPWP may contain only digits, spaces, dots and dashes.",
    "npwp_length": "An NPWP has 15 digits (old format) or 16 digits.",
    "npwp_checksum": ("This NPWP's check digit is wrong; please check for a typing error."),
    "invoice_number_format": (
        "An invoice registration number is the letter T followed by 13 digits."
    ),
    "invoice_number_checksum": (
        "This invoice registration number's check digit is wrong; please check for a typing error."
    ),
}
"""Every error code this module raises, with its English default message."""

_NIB_LENGTH: Final = 13
_CORPORATE_NUMBER_LENGTH: Final = 13


class IdentifierError(ValueError):
    """An identifier failed validation.

    ``code`` is stable and meant for programs (and for looking up a translated
    message); ``message`` is the English default from :data:`ERROR_MESSAGES`.
    """

    def __init__(self, code: str) -> None:
        self.code = code
        self.message = ERROR_MESSAGES[code]
        super().__init__(f"{code}: {self.message}")


def _compact(value: str, separators: str) -> str:
    text = unicodedata.normalize("NFKC", value).strip()
    for separator in separators:
        text = text.replace(separator, "")
    return text


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit() would also accept e.g. superscript digits. True for "" so
    # that empty input is reported as a length error, not a format error.
    return all(char in "0123456789" for char in text)


def normalise_nib(value: str) -> str:
    """Return the 13-digit NIB (Nomor Induk Berusaha) with spaces and dashes removed.

    The NIB has no published check digit, so only the format is checked: a
    well-formed NIB can still be one that OSS never issued.
    """
    digits = _compact(value, " -")
    if not _is_ascii_digits(digits):
        raise IdentifierError("nib_format")
    if len(digits) != _NIB_LENGTH:
        raise IdentifierError("nib_length")
    return digits


def corporate_number_check_digit(base: str) -> str:
    """Return the check digit for a 12-digit corporate number base.

    check = 9 - (sum of P_n * Q_n for n = 1..12) mod 9, P_n being the n-th digit
    counted from the right and Q_n 1 for odd n, 2 for even n. Delegates to
    ``stdnum.jp.cn``; the result is always 1-9.
    """
    if len(base) != _CORPORATE_NUMBER_LENGTH - 1 or not _is_ascii_digits(base):
        raise IdentifierError("corporate_number_length")
    return str(stdnum_cn.calc_check_digit(base))


def normalise_corporate_number(value: str) -> str:
    """Return the 13-digit Japanese corporate number (法人番号), check digit checked."""
    digits = _compact(value, " -")
    if not _is_ascii_digits(digits):
        raise IdentifierError("corporate_number_format")
    if len(digits) != _CORPORATE_NUMBER_LENGTH:
        raise IdentifierError("corporate_number_length")
    if not stdnum_cn.is_valid(digits):
        raise IdentifierError("corporate_number_checksum")
    return digits


def format_corporate_number(value: str) -> str:
    """Return a valid corporate number in the display form ``C-BBBB-BBBB-BBBB``."""
    return str(stdnum_cn.format(normalise_corporate_number(value)))


def normalise_npwp(value: str) -> str:
    """Return the NPWP (Indonesian tax number) as its 15 or 16 digits.

    Both the old 15-digit format and the 16-digit format used since 2024 (either
    ``0`` + the old number, or a citizen's NIK) are accepted and kept as given:
    converting old numbers is the tax office's business, not ours.
    """
    digits = _compact(value, " -.")
    if not _is_ascii_digits(digits):
        raise IdentifierError("npwp_format")
    if len(digits) not in (15, 16):
        raise IdentifierError("npwp_length")
    try:
        return str(stdnum_npwp.validate(digits))
    except InvalidLength as error:
        raise IdentifierError("npwp_length") from error
    except ValidationError as error:
        # InvalidChecksum for the Luhn digit; a 16-digit NIK with an impossible
        # birth date or region reads the same to the user.
        raise IdentifierError("npwp_checksum") from error


def format_npwp(value: str) -> str:
    """Return a valid NPWP in the display form ``01.312.166.0-091.000``.

    The 16-digit form has no single official display pattern; it is returned
    as plain digits.
    """
    digits = normalise_npwp(value)
    if len(digits) == 15:
        return str(stdnum_npwp.format(digits))
    return digits


def normalise_invoice_registration_number(value: str) -> str:
    """Return a Japanese qualified-invoice registration number as ``T`` + 13 digits.

    The ``T`` may be omitted or lower case in the input. For a corporation the
    13 digits are its corporate number; sole proprietors get a 13-digit number
    from the same numbering system, so the same check digit applies to both.
    """
    text = _compact(value, " -")
    if text[:1] in ("T", "t"):
        text = text[1:]
    if not _is_ascii_digits(text) or len(text) != _CORPORATE_NUMBER_LENGTH:
        raise IdentifierError("invoice_number_format")
    try:
        stdnum_cn.validate(text)
    except InvalidChecksum as error:
        raise IdentifierError("invoice_number_checksum") from error
    return f"T{text}"


def corporate_number_from_invoice_number(value: str) -> str:
    """Return the 13 digits behind an invoice registration number (``T`` dropped)."""
    return normalise_invoice_registration_number(value)[1:]


def generate_nib(rng: random.Random) -> str:
    """Return a well-formed NIB for demo and test data (13 digits, no leading 0)."""
    return str(rng.randint(10**12, 10**13 - 1))


def generate_corporate_number(rng: random.Random) -> str:
    """Return a corporate number with a valid check digit, for demo and test data."""
    base = f"{rng.randrange(10**12):012d}"
    return corporate_number_check_digit(base) + base


def normalise_registry_id(country: str, value: str) -> str:
    """Return a company's registry identifier for `country`: an NIB (``ID``) or a corporate
    number (``JP``)."""
    if country == "JP":
        return normalise_corporate_number(value)
    return normalise_nib(value)


def normalise_tax_number(country: str, value: str) -> str:
    """Return a company's tax number for `country`.

    Indonesia: the NPWP. Japan: the corporate number, or the qualified-invoice registration
    number (``T`` + 13 digits) when the input starts with ``T``, kept in that form.
    """
    if country != "JP":
        return normalise_npwp(value)
    if unicodedata.normalize("NFKC", value).strip()[:1] in ("T", "t"):
        return normalise_invoice_registration_number(value)
    return normalise_corporate_number(value)
