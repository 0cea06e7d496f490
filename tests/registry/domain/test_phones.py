from __future__ import annotations

import pytest

from jembatan.registry.domain.phones import (
    PhoneNumberError,
    format_phone_international,
    normalise_phone,
)


@pytest.mark.parametrize(
    ("value", "region", "expected"),
    [
        ("021-555-1234", "ID", "+62215551234"),
        ("0812 3456 7890", "ID", "+6281234567890"),
        ("+62 812-3456-7890", "JP", "+6281234567890"),
        ("03-1234-5678", "JP", "+81312345678"),
        ("078-912-1234", "jp", "+81789121234"),
        ("090-1234-5678", "JP", "+819012345678"),
        ("+81 3 1234 5678", "ID", "+81312345678"),
    ],
)
def test_normalise_phone_to_e164(value: str, region: str, expected: str) -> None:
    assert normalise_phone(value, region) == expected


@pytest.mark.parametrize(
    ("value", "region", "code"),
    [
        ("not a number", "ID", "phone_unparseable"),
        ("", "JP", "phone_unparseable"),
        ("03-1234", "JP", "phone_invalid"),
        ("+62 1", "ID", "phone_unparseable"),
        ("021-555-1234", "SG", "phone_region"),
    ],
)
def test_normalise_phone_rejects(value: str, region: str, code: str) -> None:
    with pytest.raises(PhoneNumberError) as info:
        normalise_phone(value, region)
    assert info.value.code == code


def test_format_phone_international() -> None:
    assert format_phone_international("+81312345678") == "+81 3-1234-5678"
