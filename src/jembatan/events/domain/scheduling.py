"""Scheduling runs: build the instance, solve outside any transaction, then write the
new draft (or the filled slots) in one transaction under the event's row lock.

See docs/locking.md. A run that fails or times out changes no meeting.
"""

from __future__ import annotations

import datetime
import logging
import time
from typing import Any

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.core.pause_points import pause
from jembatan.events.domain.instances import (
    build_event_data,
    key_pk,
    live_meetings,
    output_attendees,
    output_figures,
    planned,
)
from jembatan.events.domain.scheduler import InstanceError, Schedule, solve
from jembatan.events.domain.scheduler.deadline import Deadline
from jembatan.events.models import (
    Event,
    Meeting,
    MeetingRequest,
    RequestStatus,
    RunKind,
    RunStatus,
    ScheduleRun,
    Stage,
)

DEFAULT_TIME_LIMIT = 30.0
# Seconds kept back from the time limit for writing the draft's rows in one transaction.
WRITE_RESERVE = 0.5
WRITE_PER_REQUEST = 5e-5
logger = logging.getLogger(__name__)


def default_time_limit() -> float:
    return float(getattr(settings, "JEMBATAN_SCHEDULER_TIME_LIMIT", DEFAULT_TIME_LIMIT))


def start_run(
    event: Event,
    user: Any,
    *,
    kind: str = RunKind.SCHEDULE,
    allow_moves: bool = False,
    time_limit: float | None = None,
) -> ScheduleRun:
    """Record a waiting run; :func:`execute_run` (through the task) does the work."""
    run = ScheduleRun.objects.create(
        event=event,
        kind=kind,
        allow_moves=allow_moves,
        time_limit=time_limit or default_time_limit(),
        started_by=user if getattr(user, "is_authenticated", False) else None,
    )
    log_action(f"jembatan.schedule_run.{kind}_started", event, user, {"run": run.pk})
    return run


DEFAULT_RUN_GRACE = 60.0


def run_grace() -> float:
    return float(getattr(settings, "JEMBATAN_SCHEDULER_RUN_GRACE", DEFAULT_RUN_GRACE))


def abandoned_at(run: ScheduleRun) -> datetime.datetime | None:
    """When a running run counts as abandoned by its worker: a live one ends within its
    time limit (the deadline covers build, solve and write), so one still "running" past
    the limit and the grace after it lost its worker. None for a run not running."""
    if run.status != RunStatus.RUNNING or run.started_at is None:
        return None
    return run.started_at + datetime.timedelta(seconds=run.time_limit + run_grace())


def claim(run_id: int) -> bool:
    """Take a waiting run, or take over an abandoned one (its worker was killed half-way and
    the broker delivered the task again); conditional UPDATEs, so two workers never run the
    same one: the takeover only succeeds while ``started_at`` is still the one it read."""
    now = timezone.now()
    if ScheduleRun.objects.filter(pk=run_id, status=RunStatus.PENDING).update(
        status=RunStatus.RUNNING, started_at=now
    ):
        return True
    run = ScheduleRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).first()
    due = abandoned_at(run) if run is not None else None
    if run is None or due is None or due > now:
        return False
    taken = ScheduleRun.objects.filter(
        pk=run_id, status=RunStatus.RUNNING, started_at=run.started_at
    ).update(started_at=now)
    if taken:
        logger.warning("scheduling run %s abandoned since %s: taken over", run.pk, run.started_at)
        log_action(
            "jembatan.schedule_run.taken_over",
            run.event,
            None,
            {"run": run.pk, "started_at": run.started_at.isoformat() if run.started_at else None},
        )
    return bool(taken)


def execute_run(run_id: int) -> ScheduleRun:
    """Run a waiting (or abandoned) run to its end. Idempotent: a run another worker is
    running, or that has ended, is returned as it is."""
    if not claim(run_id):
        return ScheduleRun.objects.get(pk=run_id)
    run = ScheduleRun.objects.select_related("event").get(pk=run_id)
    try:
        _execute(run)
    except (InstanceError, RunTimeoutError) as error:  # told to the officer, no traceback
        _fail(run, error)
    except Exception as error:  # recorded on the run; the draft stays as it was
        logger.exception("scheduling run %s failed", run.pk)
        _fail(run, error)
    return run


def _fail(run: ScheduleRun, error: Exception) -> None:
    run.status = RunStatus.FAILED
    run.error = str(error) or error.__class__.__name__
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "error", "finished_at"])
    log_action("jembatan.schedule_run.failed", run.event, run.started_by, {"run": run.pk})


def _execute(run: ScheduleRun) -> None:
    event = run.event
    started = time.perf_counter()
    # The run's time limit covers building the instance, solving and writing the draft.
    deadline = Deadline(run.time_limit, started)
    fill = run.kind == RunKind.FILL
    if fill:
        kept = live_meetings(event, Stage.PUBLISHED)
        event_data = build_event_data(event, extra_locks=kept, skip_locks=True)
        previous = None
    else:
        published = live_meetings(event, Stage.PUBLISHED)
        event_data = build_event_data(event, previous=published)
        previous = planned(published) or None
    instance = event_data.parse()
    run.build_seconds = time.perf_counter() - started
    run.request_count = len(instance.requests)
    deadline.keep(WRITE_RESERVE + WRITE_PER_REQUEST * len(instance.requests))
    schedule = solve(instance, deadline=deadline, previous=previous, allow_moves=run.allow_moves)
    run.solve_seconds = time.perf_counter() - started - run.build_seconds
    # Solved, nothing written: a worker killed here leaves the run "running" for the task's
    # next delivery to take over once it counts as abandoned (:func:`claim`).
    pause("schedule-run")
    output = schedule.to_json()
    run.figures = output_figures(output)
    attendees = output_attendees(output)
    written = time.perf_counter()
    try:
        with transaction.atomic():
            _wait_no_longer_than(deadline)
            Event.objects.select_for_update().get(pk=event.pk)
            _write(run, event, schedule, attendees, fill, written)
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) != LOCK_NOT_AVAILABLE:
            raise
        raise RunTimeoutError(
            _(
                "Time ran out while waiting to write the draft: someone else was changing "
                "the schedule. Start the run again in a moment."
            )
        ) from error


LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's lock_timeout


class RunTimeoutError(RuntimeError):
    """The run's time was up before the rows it waited for were free."""


def _wait_no_longer_than(deadline: Deadline) -> None:
    """Rows someone else holds are waited for until the run's time is up (at least the
    seconds kept for writing), not for ever: the run then fails and its transaction, so far
    a partly deleted draft, is rolled back. PostgreSQL only: SQLite has one writer."""
    if connection.vendor != "postgresql":
        return
    seconds = max(deadline.end - time.perf_counter(), WRITE_RESERVE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [f"{int(seconds * 1000)}ms"])


def _write(
    run: ScheduleRun,
    event: Event,
    schedule: Schedule,
    attendees: Attendees,
    fill: bool,
    written: float,
) -> None:
    if fill:
        count = _write_fill(event, schedule, attendees)
    else:
        count = _write_draft(event, schedule, attendees)
    run.status = RunStatus.SUCCEEDED
    run.solver_status = schedule.status
    run.objective = schedule.objective
    run.upper_bound = schedule.upper_bound
    run.meeting_count = count
    run.reasons = {str(key_pk(k)): v for k, v in schedule.reasons.items()}
    run.moved = [key_pk(k) for k in schedule.moved or ()]
    run.dropped = [key_pk(k) for k in schedule.dropped or ()]
    run.finished_at = timezone.now()
    run.write_seconds = time.perf_counter() - written
    run.save()
    log_action(
        f"jembatan.schedule_run.{run.kind}_finished",
        event,
        run.started_by,
        {
            "run": run.pk,
            "objective": schedule.objective,
            "upper_bound": schedule.upper_bound,
            "figures": schedule.figures,
        },
    )


Attendees = dict[int, dict[str, int | None]]  # request pk -> who attends (instances.py)


def _meetings_from(
    event: Event, schedule: Schedule, stage: str, skip: set[int], attendees: Attendees
) -> list[Meeting]:
    """Rows for the schedule's meetings whose request is still accepted (it may have been
    declined or removed while the solver ran: such a meeting is left out)."""
    still = set(
        MeetingRequest.objects.filter(event=event, status=RequestStatus.ACCEPTED).values_list(
            "pk", flat=True
        )
    )
    slots = {s.code: s for s in event.slots.all()}
    tables = {t.number: t for t in event.tables.all()}
    rows = []
    for m in schedule.meetings:
        request_pk = key_pk(m.request)
        if request_pk not in still or request_pk in skip:
            continue
        rows.append(
            Meeting(
                event=event,
                request_id=request_pk,
                stage=stage,
                slot=slots[m.slot],
                table=tables[m.table],
                interpreter_id=key_pk(m.interpreter) if m.interpreter else None,
                **attendees.get(request_pk, {}),
            )
        )
    return rows


def _write_draft(event: Event, schedule: Schedule, attendees: Attendees) -> int:
    Meeting.objects.filter(event=event, stage=Stage.DRAFT).delete()
    rows = _meetings_from(event, schedule, Stage.DRAFT, set(), attendees)
    return len(Meeting.objects.bulk_create(rows))


def _write_fill(event: Event, schedule: Schedule, attendees: Attendees) -> int:
    """Add the new meetings to the published schedule and to the draft alike."""
    published = Meeting.objects.filter(event=event, stage=Stage.PUBLISHED)
    placed = set(published.filter(freed_at__isnull=True).values_list("request_id", flat=True))
    new = _meetings_from(event, schedule, Stage.PUBLISHED, placed, attendees)
    # A request whose meeting was freed gets its own row back, so its id (rating links)
    # stays; the new places cannot collide with live meetings, which the solver kept.
    freed = {m.request_id: m for m in published.filter(request_id__in=[m.request_id for m in new])}
    again = []
    for meeting in new:
        row = freed.get(meeting.request_id)
        if row is not None:
            row.slot, row.table = meeting.slot, meeting.table
            row.interpreter_id, row.freed_at = meeting.interpreter_id, None
            row.sender_attendee_id = meeting.sender_attendee_id
            row.receiver_attendee_id = meeting.receiver_attendee_id
            row.sequence += 1
            again.append(row)
    Meeting.objects.bulk_update(again, [*PLACE_FIELDS, "freed_at", "sequence"])
    Meeting.objects.bulk_create([m for m in new if m.request_id not in freed])
    _copy(event, Stage.PUBLISHED, Stage.DRAFT)
    return len(new)


def _copy(event: Event, source: str, target: str) -> int:
    Meeting.objects.filter(event=event, stage=target).delete()
    rows = [
        Meeting(
            event=event,
            request_id=m.request_id,
            stage=target,
            slot_id=m.slot_id,
            table_id=m.table_id,
            interpreter_id=m.interpreter_id,
            sender_attendee_id=m.sender_attendee_id,
            receiver_attendee_id=m.receiver_attendee_id,
            freed_at=m.freed_at,
        )
        for m in Meeting.objects.filter(event=event, stage=source)
    ]
    return len(Meeting.objects.bulk_create(rows))


# Where a meeting is and who attends it: a change to any of them moves it (its sequence).
PLACE = ("slot_id", "table_id", "interpreter_id", "sender_attendee_id", "receiver_attendee_id")
PLACE_FIELDS = ["slot", "table", "interpreter", "sender_attendee", "receiver_attendee"]


def _place(meeting: Meeting) -> tuple[int | None, ...]:
    return tuple(getattr(meeting, name) for name in PLACE)


def _publish(event: Event) -> int:
    """Make the published schedule equal to the draft, keeping each request's published row.

    A meeting's identity is its request: re-publishing updates the row in place (its id is
    in rating links; ``sequence`` counts its moves for calendar files) instead of deleting
    and re-creating it. Only meetings dropped from the draft are deleted.
    """
    draft = {m.request_id: m for m in Meeting.objects.filter(event=event, stage=Stage.DRAFT)}
    published = {
        m.request_id: m for m in Meeting.objects.filter(event=event, stage=Stage.PUBLISHED)
    }
    Meeting.objects.filter(event=event, stage=Stage.PUBLISHED).exclude(
        request_id__in=list(draft)
    ).delete()
    changed = [
        (row, draft[request_id])
        for request_id, row in published.items()
        if request_id in draft
        and (_place(row), row.freed_at) != (_place(draft[request_id]), draft[request_id].freed_at)
    ]
    if changed:
        # Park the rows that change outside the one-meeting-per-table index first: two
        # meetings trading places would otherwise collide row by row.
        Meeting.objects.filter(pk__in=[row.pk for row, _d in changed]).update(
            freed_at=timezone.now()
        )
        for row, source in changed:
            if _place(row) != _place(source):
                row.sequence += 1
            for name in PLACE:
                setattr(row, name, getattr(source, name))
            row.freed_at = source.freed_at
        Meeting.objects.bulk_update(
            [row for row, _d in changed], [*PLACE_FIELDS, "freed_at", "sequence"]
        )
    Meeting.objects.bulk_create(
        Meeting(
            event=event,
            request_id=request_id,
            stage=Stage.PUBLISHED,
            slot_id=source.slot_id,
            table_id=source.table_id,
            interpreter_id=source.interpreter_id,
            sender_attendee_id=source.sender_attendee_id,
            receiver_attendee_id=source.receiver_attendee_id,
            freed_at=source.freed_at,
        )
        for request_id, source in draft.items()
        if request_id not in published
    )
    return len(draft)


class PublishError(ValueError):
    def __init__(self, message: str, conflicts: list[str]) -> None:
        super().__init__(message)
        self.conflicts = conflicts


def publication_mark(event: Event) -> str:
    """What the publish form sends back: when the schedule was last published, as the page
    showing the draft saw it ("never" before the first time)."""
    published = event.schedule_published_at
    return "never" if published is None else f"{published.timestamp():.6f}"


def publish_draft(event: Event, user: Any, seen: str | None = None) -> int:
    """The draft becomes the published schedule, unless it breaks a rule.

    ``seen`` is :func:`publication_mark` as the officer's page showed it: when another
    officer published in between (two clicks at the same moment), the later one is refused
    with a message instead of publishing, and telling the participants, a second time.
    """
    from jembatan.events.domain.drafts import draft_conflicts
    from jembatan.events.domain.notices import placements, tell_schedule

    with transaction.atomic():
        # The locked row, not the caller's copy: another publication may have ended while
        # this one waited for the lock.
        given, event = event, Event.objects.select_for_update().get(pk=event.pk)
        if seen is not None and seen != publication_mark(event):
            raise PublishError(
                _(
                    "Someone else published the schedule while you were looking at the draft. "
                    "Check the draft and publish again if it still needs it."
                ),
                [],
            )
        conflicts = draft_conflicts(event)
        if conflicts:
            raise PublishError(
                _("The draft cannot be published while it has %(count)s conflicts.")
                % {"count": len(conflicts)},
                conflicts,
            )
        if not Meeting.objects.filter(event=event, stage=Stage.DRAFT).exists():
            raise PublishError(_("The draft holds no meeting."), [])
        first = event.schedule_published_at is None
        before = placements(event)
        count = _publish(event)
        tell_schedule(event, before, placements(event), first)
        event.schedule_published_at = timezone.now()
        event.save(update_fields=["schedule_published_at"])
        given.schedule_published_at = event.schedule_published_at
        log_action("jembatan.event.published", event, user, {"meetings": count})
    return count
