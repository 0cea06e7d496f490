"""Daily work of the vocational app (Celery beat); thin wrappers around the domain."""

from __future__ import annotations

from celery import shared_task

from jembatan.vocational.domain.reminders import send_expiry_reminders


@shared_task
def task_send_mou_reminders() -> int:
    """Remind the parties and officers 90 and 30 days before an MoU expires."""
    return send_expiry_reminders()
