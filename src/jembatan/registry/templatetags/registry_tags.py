"""Template helpers of the registry pages, and the one way every page names a company."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from jembatan.registry.domain.readings import has_japanese_script, is_latin
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


def latin_name(company: Any) -> tuple[str, bool]:
    """A Latin-script name for a company whose legal name is in kanji or kana, and whether
    it is a generated reading: the romaji name the firm gave, else its reading."""
    name = getattr(company, "name", "") or ""
    if not has_japanese_script(name):
        return "", False
    alt = getattr(company, "name_alt", "") or ""
    if is_latin(alt):
        return alt, False
    reading = getattr(company, "reading_latin", "") or ""
    if not reading:
        return "", False
    return reading.title(), bool(getattr(company, "readings_generated", False))


def katakana_name(company: Any) -> str:
    """The katakana the firm gave for a Latin-script name (an Indonesian firm's マジュ・ベルサマ),
    for Japanese readers; never a generated reading, which would put words in its mouth."""
    name = getattr(company, "name", "") or ""
    kana = (getattr(company, "name_kana", "") or "").strip()
    if not kana or not is_latin(name) or not has_japanese_script(kana):
        return ""
    return kana


@register.simple_tag
def company_name(company: Any) -> SafeString:
    """A company's name as a reader of the current language can read it: for Indonesian and
    English readers, a kanji or kana name is followed by its Latin-script name (a generated
    reading is marked as such); for Japanese readers, a Latin-script name is followed by the
    katakana the firm gave. Works on a Company or anything with the same attributes
    (matching's CompanyCard)."""
    name = getattr(company, "name", "") or ""
    if (get_language() or "")[:2] == "ja":
        kana = katakana_name(company)
        if kana:
            return format_html('{} <span class="name-kana" lang="ja">({})</span>', name, kana)
        return format_html("{}", name)
    latin, generated = latin_name(company)
    if not latin:
        return format_html("{}", name)
    if generated:
        return format_html(
            '{} <span class="name-latin name-latin--generated" lang="ja-Latn" title="{}">'
            "({})</span>",
            name,
            _("Reading generated automatically from the Japanese name"),
            latin,
        )
    return format_html('{} <span class="name-latin" lang="ja-Latn">({})</span>', name, latin)


@register.simple_tag
def poster_name(profile: Any) -> SafeString:
    """The poster of a profile view as ``company_name`` names it, or the neutral label
    ("Indonesian IKM in Jawa Barat") when the poster hides its identity."""
    if getattr(profile, "identity_hidden", True):
        return format_html("{}", profile.company_label)
    poster = SimpleNamespace(
        name=profile.company_label,
        name_alt=profile.company_name_alt,
        reading_latin=profile.company_reading_latin,
        readings_generated=profile.company_readings_generated,
        name_kana=getattr(profile, "company_name_kana", ""),
    )
    return company_name(poster)
