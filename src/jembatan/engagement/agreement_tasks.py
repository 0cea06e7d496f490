"""Daily work of agreements and follow-up (Celery beat); imported by the app's ready() so
that workers register the tasks. Each is idempotent: a second run sends nothing twice."""

from __future__ import annotations

from celery import shared_task

from jembatan.engagement.domain.follow_up import ask_for_updates
from jembatan.engagement.domain.outcomes import send_check_ins


@shared_task
def task_send_outcome_check_ins() -> int:
    """Ask the parties of agreements signed 6 or 12 months ago how the partnership goes."""
    return send_check_ins()


@shared_task
def task_ask_for_updates() -> int:
    """Ask both sides of each introduction quiet for 30 days for an update."""
    return ask_for_updates()
