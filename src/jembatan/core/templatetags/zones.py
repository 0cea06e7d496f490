"""`{{ event.time_zone|zone_label }}`: a time zone in the reader's words."""

from __future__ import annotations

from django import template

from jembatan.core.domain.zones import zone_label as _zone_label

register = template.Library()


@register.filter
def zone_label(zone: str) -> str:
    return _zone_label(zone)
