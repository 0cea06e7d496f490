"""Template helpers of the registry pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from jembatan.registry.interfaces.forms import WORKING_LANGUAGES

register = template.Library()
_LANGUAGE_NAMES = dict(WORKING_LANGUAGES)


@register.filter
def language_name(code: str) -> str:
    """The name of the language with ISO 639-1 `code` in the current language."""
    return str(_LANGUAGE_NAMES.get(code, code))


@register.simple_tag
def classification_title(code: Any) -> SafeString:
    """A code's title in the reader's language; one in another language (ISIC has only
    English) is marked as such, with its `lang` for screen readers."""
    reader = (get_language() or "id")[:2]
    text, written_in = code.title_in(reader)
    if written_in == reader or not text:
        return format_html("{}", text)
    mark = _("(%(language)s)") % {"language": language_name(written_in)}
    return format_html(
        '<span lang="{}">{}</span> <span class="muted">{}</span>', written_in, text, mark
    )
