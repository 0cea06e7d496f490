"""Translated messages for the error codes of the registry's shared rules.

The domain modules (identifiers, phones) have no Django: they raise errors with a stable
``code`` and an English default. This is the one place that turns those codes into strings
in the user's language; the web forms, the API serializers and the bulk importer all use it,
so a rule reads the same wherever it fails.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jembatan.registry.domain import identifiers, phones

IDENTIFIER_MESSAGES: dict[str, Promise] = {
    "nib_format": _("An NIB may contain only digits, spaces and dashes."),
    "nib_length": _("An NIB has exactly 13 digits."),
    "corporate_number_format": _("A corporate number may contain only digits, spaces and dashes."),
    "corporate_number_length": _("A corporate number has exactly 13 digits."),
    "corporate_number_checksum": _(
        "This corporate number's check digit is wrong; please check for a typing error."
    ),
    "npwp_format": _("An NPWP may contain only digits, spaces, dots and dashes."),
    "npwp_length": _("An NPWP has 15 digits (old format) or 16 digits."),
    "npwp_checksum": _("This NPWP's check digit is wrong; please check for a typing error."),
    "invoice_number_format": _(
        "An invoice registration number is the letter T followed by 13 digits."
    ),
    "invoice_number_checksum": _(
        "This invoice registration number's check digit is wrong; please check for a typing error."
    ),
}
"""Every code of :data:`jembatan.registry.domain.identifiers.ERROR_MESSAGES`, translated."""

PHONE_MESSAGES: dict[str, Promise] = {
    "phone_unparseable": _("This does not look like a phone number."),
    "phone_invalid": _("This phone number is not valid for its country."),
    "phone_region": _("Phone numbers can only default to Indonesia or Japan."),
}
"""Every code of :data:`jembatan.registry.domain.phones.ERROR_MESSAGES`, translated."""

_ALL: dict[str, Promise] = {**IDENTIFIER_MESSAGES, **PHONE_MESSAGES}


def error_message(error: identifiers.IdentifierError | phones.PhoneNumberError) -> str:
    """The message for `error` in the active language (its English default if not mapped)."""
    message = _ALL.get(error.code)
    return str(message) if message is not None else error.message


def value_error_message(error: Any, value: str) -> str:
    """The message for `error`, naming the rejected `value`: “0812”: This phone number…"""
    return str(_("“%(value)s”: %(reason)s") % {"value": value, "reason": error_message(error)})
