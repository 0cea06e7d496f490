from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from jembatan.registry.domain.regions import Language, get_region
from jembatan.vocational.models import MouStatus

register = template.Library()


@register.simple_tag
def mou_status_badge(status: str) -> SafeString:
    """The status (from domain/mous.py with_status) as a coloured badge."""
    label = MouStatus(status).label if status in MouStatus.values else status
    return SafeString(
        render_to_string("vocational/_mou_status.html", {"status": status, "label": label})
    )


@register.filter
def region_name(code: str) -> str:
    """An ISO 3166-2 code (``ID-JB``) as the region's name in the reader's language."""
    if not code:
        return ""
    try:
        region = get_region(code)
    except KeyError:
        return code
    language: Language = "en"
    active = (get_language() or "id")[:2]
    if active == "id":
        language = "id"
    elif active == "ja":
        language = "ja"
    return region.name(language)
