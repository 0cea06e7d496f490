"""Phone numbers: normalise to E.164 with ``phonenumbers``.

A number typed without a country code is read as a number of the company's
country (``ID`` or ``JP``); one typed with ``+`` or ``00`` keeps its own.
Errors carry a stable ``code`` and an English default message, like
:mod:`jembatan.registry.domain.identifiers`.
"""

from __future__ import annotations

from typing import Final

import phonenumbers

DEFAULT_REGIONS: Final = ("ID", "JP")

ERROR_MESSAGES: Final[dict[str, str]] = {
    "phone_unparseable": "This does not look like a phone number.",
    "phone_invalid": "This phone number is not valid for its country.",
    "phone_region": "Phone numbers can only default to Indonesia or Japan.",
}


class PhoneNumberError(ValueError):
    """A phone number was rejected; ``code`` is a key of :data:`ERROR_MESSAGES`."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.message = ERROR_MESSAGES[code]
        super().__init__(f"{code}: {self.message}")


def normalise_phone(value: str, default_region: str) -> str:
    """Return ``value`` as an E.164 string such as ``+62215551234``.

    ``default_region`` (``ID`` or ``JP``) applies when the number has no
    country code: ``021-555-1234`` with ``ID`` is ``+62215551234``, and
    ``03-1234-5678`` with ``JP`` is ``+81312345678``.
    """
    region = default_region.upper()
    if region not in DEFAULT_REGIONS:
        raise PhoneNumberError("phone_region")
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as error:
        raise PhoneNumberError("phone_unparseable") from error
    if not phonenumbers.is_valid_number(number):
        raise PhoneNumberError("phone_invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone_international(e164: str) -> str:
    """Return a stored E.164 number in international display form (``+62 21 ...``)."""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
