"""Scheduled work of the vocational programmes (Celery beat runs it daily)."""

from __future__ import annotations

from celery import shared_task

from jembatan.vocational.domain.certificates import ask_follow_ups


@shared_task
def task_ask_follow_ups() -> dict[str, int]:
    """Ask participants again six months after completion (once each)."""
    return {"asked": ask_follow_ups()}
