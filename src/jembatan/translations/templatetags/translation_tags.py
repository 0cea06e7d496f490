"""Showing a text in the reader's language, with its origin and the original a click away."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from jembatan.translations.domain.translatables import spec_for
from jembatan.translations.domain.versions import (
    ReaderText,
    has_open_request,
    language_name,
    may_request,
    origin_for,
    prefetched_versions,
    reader_text,
    target_languages,
)

register = template.Library()


def _reader_language() -> str:
    return (get_language() or "id")[:2]


@register.simple_tag
def reader_text_of(obj: Any) -> ReaderText:
    """`obj`'s texts for the current reader (objects whose writer is never hidden: a
    company's description; a profile's view carries its own, checked for anonymity)."""
    return reader_text(obj, _reader_language(), prefetched_versions(obj), identity_hidden=False)


@register.inclusion_tag("translations/_notice.html", takes_context=True)
def translation_notice(context: Any, reader: ReaderText | None, obj: Any) -> dict[str, Any]:
    """Who made the version shown, a link to the original, and what the user can do: add a
    version (poster, officer, interpreter) or ask for one (other readers)."""
    user = context["request"].user
    spec = spec_for(obj)
    language = _reader_language()
    shown = reader.shown if reader else None
    targets = target_languages(obj)
    can_ask = (
        reader is not None
        and shown is None
        and language in targets
        and any(reader.original.values())
        and may_request(user, obj)
    )
    return {
        "reader": reader,
        "shown": shown,
        "original_fields": [(label, reader.original.get(name, "")) for name, label in spec.fields]
        if reader
        else [],
        "key": spec.key,
        "pk": obj.pk,
        "can_add": origin_for(user, obj) is not None,
        "targets": [(code, language_name(code)) for code in targets],
        "can_ask": can_ask,
        "asked": can_ask and has_open_request(obj, language),
        "others": [
            (version, [(label, version.texts.get(name, "")) for name, label in spec.fields])
            for version in (reader.versions if reader else [])
            if version.language != language
        ]
        if shown is None
        else [],
        "foreign": bool(
            reader and reader.original_language and reader.original_language != language
        ),
        "reader_language": language,
        "reader_language_name": language_name(language),
        "request": context["request"],
    }


@register.inclusion_tag("translations/_links.html", takes_context=True)
def translation_links(context: Any, obj: Any) -> dict[str, Any]:
    """For the edit pages: each other language, what version it has, and a link to write it."""
    user = context["request"].user
    spec = spec_for(obj)
    if obj is None or obj.pk is None or origin_for(user, obj) is None:
        return {"rows": []}
    versions = {
        v.language: v
        for v in reader_text(
            obj, _reader_language(), prefetched_versions(obj), identity_hidden=False
        ).versions
    }
    rows = [
        {"code": code, "name": language_name(code), "version": versions.get(code)}
        for code in target_languages(obj)
    ]
    return {"rows": rows, "key": spec.key, "pk": obj.pk}
