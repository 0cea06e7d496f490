from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from jembatan.notifications.domain.inbox import unread_count


def unread_notifications(request: HttpRequest) -> dict[str, Any]:
    """The unread count for the bell in the navigation (one query, signed-in users only)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notifications_unread": unread_count(user)}
