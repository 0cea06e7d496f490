"""The translated messages of the shared rules' error codes."""

from __future__ import annotations

import pytest
from django.utils import translation

from jembatan.registry.domain import identifiers, phones
from jembatan.registry.domain.identifiers import IdentifierError
from jembatan.registry.domain.phones import PhoneNumberError
from jembatan.registry.interfaces.messages import (
    IDENTIFIER_MESSAGES,
    PHONE_MESSAGES,
    error_message,
    value_error_message,
)


def test_every_identifier_code_has_a_message_matching_the_english_default() -> None:
    with translation.override("en"):
        assert {k: str(v) for k, v in IDENTIFIER_MESSAGES.items()} == identifiers.ERROR_MESSAGES


def test_every_phone_code_has_a_message_matching_the_english_default() -> None:
    with translation.override("en"):
        assert {k: str(v) for k, v in PHONE_MESSAGES.items()} == phones.ERROR_MESSAGES


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (IdentifierError("nib_length"), "An NIB has exactly 13 digits."),
        (PhoneNumberError("phone_invalid"), "This phone number is not valid for its country."),
    ],
)
def test_error_message_of_an_error(error: IdentifierError | PhoneNumberError, message: str) -> None:
    with translation.override("en"):
        assert error_message(error) == message


def test_value_error_message_names_the_value() -> None:
    with translation.override("en"):
        assert value_error_message(PhoneNumberError("phone_unparseable"), "abc") == (
            "“abc”: This does not look like a phone number."
        )
