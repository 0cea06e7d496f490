"""Web addresses people type (a company's or a school's website): http or https only.

A stored address ends up in an ``href``; ``javascript:``, ``data:``, ``vbscript:`` and every
other scheme would run or load something when clicked, so they are refused where the
address is stored (the model field), where it is typed (forms, serializers) and, for rows
stored before this check, where it is shown (the ``web_address`` template filter).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")


@deconstructible
class WebAddressValidator(URLValidator):
    """URLValidator limited to http and https, with a message that says so."""

    message = _("Enter a web address that starts with http:// or https://.")

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("schemes", list(WEB_SCHEMES))
        super().__init__(**kwargs)

    def __call__(self, value: Any) -> None:
        # URLValidator would pass " https://x" to its regex only after the scheme check;
        # a value with spaces or control characters around it is refused as it is.
        if not isinstance(value, str) or value != value.strip():
            raise ValidationError(self.message, code=self.code, params={"value": value})
        super().__call__(value)


validate_web_address = WebAddressValidator()


def is_web_address(value: object) -> bool:
    """Whether `value` is an http(s) address that may go into an ``href``."""
    try:
        validate_web_address(value)
    except ValidationError:
        return False
    return True
