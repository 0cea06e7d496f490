"""Template helpers of the registry pages."""

from __future__ import annotations

from django import template

from jembatan.registry.interfaces.forms import WORKING_LANGUAGES

register = template.Library()
_LANGUAGE_NAMES = dict(WORKING_LANGUAGES)


@register.filter
def language_name(code: str) -> str:
    """The name of the language with ISO 639-1 `code` in the current language."""
    return str(_LANGUAGE_NAMES.get(code, code))
