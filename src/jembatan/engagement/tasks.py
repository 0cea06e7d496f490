"""Scheduled work of this app (Celery beat runs it daily)."""

from __future__ import annotations

from celery import shared_task

from jembatan.engagement.domain.interests import remind_and_expire


@shared_task
def task_follow_up_interests() -> dict[str, int]:
    """Remind owners of unanswered expressions after 7 days; expire them after 21."""
    reminded, expired = remind_and_expire()
    return {"reminded": reminded, "expired": expired}
