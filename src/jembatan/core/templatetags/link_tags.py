"""``{{ company.website|web_address }}``: the address when it is http(s), else "".

Stored addresses are checked when saved (core.domain.urls); this filter keeps an address
stored before the check, or written past it, out of an ``href``.
"""

from __future__ import annotations

from django import template

from jembatan.core.domain.urls import is_web_address

register = template.Library()


@register.filter
def web_address(value: object) -> str:
    return value if isinstance(value, str) and is_web_address(value) else ""
