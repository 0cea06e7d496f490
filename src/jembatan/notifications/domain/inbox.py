"""A user's own notifications: the list, the unread count, marking read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from jembatan.notifications.models import Notification


def notifications_of(user: Any) -> QuerySet[Notification]:
    """Newest first; only the user's own (everyone else's are invisible, not forbidden)."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def unread_count(user: Any) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(notification: Notification, now: dt.datetime | None = None) -> Notification:
    """Mark one read (kept as first read: marking again changes nothing)."""
    if notification.read_at is None:
        notification.read_at = now or timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def mark_all_read(user: Any, now: dt.datetime | None = None) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=now or timezone.now()
    )


def already_notified(kind: str, obj: Any, since: dt.datetime | None = None) -> bool:
    """Whether anyone got a notification of `kind` about `obj` (since a moment): for the daily
    checks that must tell each object once (expiring profiles, event reminders)."""
    from django.contrib.contenttypes.models import ContentType

    rows = Notification.objects.filter(
        kind=kind,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
    )
    if since is not None:
        rows = rows.filter(created_at__gte=since)
    return rows.exists()
