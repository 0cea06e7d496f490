"""Form and serializer fields for a web address: http(s) only (core.domain.urls), with one
message naming the rule instead of Django's and DRF's generic "Enter a valid URL"."""

from __future__ import annotations

from typing import Any

from django import forms
from rest_framework import serializers

from jembatan.core.domain.urls import validate_web_address


class WebAddressFormField(forms.URLField):
    default_validators = [validate_web_address]
    # A form field puts its own "invalid" message in place of the validator's.
    default_error_messages = {"invalid": validate_web_address.message}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class WebAddressSerializerField(serializers.URLField):
    def __init__(self, **kwargs: Any) -> None:
        # serializers.URLField appends its own URLValidator (ftp allowed); replace it.
        super().__init__(**kwargs)
        self.validators = [v for v in self.validators if not _is_drf_url_validator(v)]
        self.validators.append(validate_web_address)


def _is_drf_url_validator(validator: object) -> bool:
    return type(validator).__name__ == "URLValidator"
