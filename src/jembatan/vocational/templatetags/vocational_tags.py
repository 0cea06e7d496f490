from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from jembatan.vocational.models import MouStatus

register = template.Library()


@register.simple_tag
def mou_status_badge(status: str) -> SafeString:
    """The status (from domain/mous.py with_status) as a coloured badge."""
    label = MouStatus(status).label if status in MouStatus.values else status
    return SafeString(
        render_to_string("vocational/_mou_status.html", {"status": status, "label": label})
    )
