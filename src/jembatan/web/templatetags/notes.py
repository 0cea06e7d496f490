"""`{% note text %}`: a note someone wrote (an officer's return note), as written.

Notes are not translated: when the note is in another language than the page, the page says
in which, so the reader knows what to paste into a translator, and screen readers read it in
its own language.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from jembatan.opportunities.domain.language import detect_language

register = template.Library()

LANGUAGE_NAMES = {
    "id": gettext_lazy("Indonesian"),
    "ja": gettext_lazy("Japanese"),
    "en": gettext_lazy("English"),
}


@register.simple_tag
def note(text: str) -> SafeString:
    written_in = detect_language(text or "")
    reader = (get_language() or "id")[:2]
    if written_in is None or written_in == reader:
        return format_html("{}", text)
    mark = _("(written in %(language)s)") % {"language": LANGUAGE_NAMES[written_in]}
    return format_html(
        '<span lang="{}">{}</span> <span class="muted">{}</span>', written_in, text, mark
    )
