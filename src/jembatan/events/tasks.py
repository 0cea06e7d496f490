from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from jembatan.events.domain.notices import remind_participants
from jembatan.events.domain.scheduling import execute_run, start_run
from jembatan.events.models import Event, RunStatus


@shared_task
def task_schedule_event(event_id: int, run_id: int | None = None) -> str:
    """Run the scheduler for the event (a run the caller recorded, else a new one).

    Idempotent: a run already taken by a worker is left alone. Inline without a broker.
    """
    if run_id is None:
        run_id = start_run(Event.objects.get(pk=event_id), None).pk
    run = execute_run(run_id)
    return str(run.status if run.status != RunStatus.PENDING else "pending")


@shared_task
def task_send_event_reminders() -> int:
    """Run daily (Celery beat): remind the participants of the events that start tomorrow."""
    return remind_participants(timezone.now())


@shared_task
def task_sync_event_meetings() -> list[int]:
    """Hourly: held meetings move their pair's introduction to "met", or offer one."""
    from jembatan.events.domain.pipeline import sync_held_meetings

    moved, offered = sync_held_meetings()
    return [moved, offered]


@shared_task
def task_send_meeting_reminders() -> int:
    """Every 5 minutes (Celery beat): remind participants of their meetings starting soon."""
    from jembatan.events.domain.reminders import send_meeting_reminders

    return send_meeting_reminders(timezone.now())
