from __future__ import annotations

from celery import Task, shared_task
from django.utils import timezone

from jembatan.events.domain.notices import remind_participants
from jembatan.events.domain.scheduling import abandoned_at, execute_run, start_run
from jembatan.events.models import Event, RunStatus


@shared_task(bind=True, max_retries=10)
def task_schedule_event(self: Task, event_id: int, run_id: int | None = None) -> str:
    """Run the scheduler for the event (a run the caller recorded, else a new one).

    Idempotent: a run another worker is running is left alone, and an ended one is not run
    again. Inline without a broker. On a worker, a run found running is looked at again when
    it would count as abandoned (a delivery of a killed worker's task arrives while the dead
    run looks alive): by then it has ended, or this task takes it over.
    """
    if run_id is None:
        run_id = start_run(Event.objects.get(pk=event_id), None).pk
    run = execute_run(run_id)
    due = abandoned_at(run)
    if due is not None and not self.request.is_eager:
        wait = max((due - timezone.now()).total_seconds(), 0.0) + 1.0
        raise self.retry(countdown=wait)
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
