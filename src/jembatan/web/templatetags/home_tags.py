"""{% officer_queues as queues %}: the registered queues the user may open, with counts."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from jembatan.core.domain.home_panels import RenderedPanel
from jembatan.core.domain.queues import QueueCount
from jembatan.web.home import cached_queues

register = template.Library()


@register.simple_tag(takes_context=True)
def officer_queues(context: template.Context) -> list[QueueCount]:
    user: Any = context.get("user")
    if user is None or not user.is_authenticated:
        return []
    return cached_queues(user)


@register.simple_tag(takes_context=True)
def render_panel(context: template.Context, panel: RenderedPanel) -> str:
    """A home panel's template with its own context, the user and the request."""
    # A plain context, not request=: that would run every context processor once per panel.
    data = {
        **panel.context,
        "user": context.get("user"),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "panel_key": panel.key,
    }
    html: str = render_to_string(panel.template, data)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, which escapes
