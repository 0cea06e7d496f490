"""Thin task wrappers of notifications."""

from __future__ import annotations

from celery import shared_task

from jembatan.notifications.domain.delivery import deliver_pending, send_daily_digests


@shared_task
def task_deliver_notifications() -> int:
    """Send the due notification e-mails (safe to run at once on several workers)."""
    return deliver_pending()


@shared_task
def task_send_notification_digests() -> int:
    """Send each user's daily digest."""
    return send_daily_digests()
