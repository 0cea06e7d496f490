"""Organisers edit the draft: move, swap, drop. Every edit is allowed; the conflicts it
causes are listed by the scheduler's independent checker (scheduler/check.py)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.events.domain.instances import (
    build_event_data,
    explain,
    live_meetings,
    participant_key,
    planned,
)
from jembatan.events.domain.scheduler import InstanceError, check_schedule
from jembatan.events.models import Event, Meeting, Slot, Stage, Table

# The checker also audits the totals a solver reports; a hand-edited draft has none.
TOTALS = ("unscheduled:", "objective:", "upper_bound:", "status:")


def draft_conflicts(event: Event) -> list[str]:
    """Every rule the draft breaks, with people's names; empty when it can be published."""
    event_data = build_event_data(event)
    try:
        instance = event_data.parse()
    except InstanceError as error:
        return [explain(p, event_data.labels) for p in error.problems]
    rows = live_meetings(event, Stage.DRAFT)
    meetings = [m.to_json() for m in planned(rows)]
    if "companies" in event_data.data:  # who attends, for requests to a company
        for row, meeting in zip(rows, meetings, strict=True):
            meeting["attendees"] = [
                participant_key(row.sender_attendee_id or row.request.sender_id),
                participant_key(row.receiver_attendee_id or row.request.receiver_id),
            ]
    labels = dict(event_data.labels)
    for n, (row, meeting) in enumerate(zip(rows, meetings, strict=True)):
        names = event_data.labels.get(str(meeting["request"]), str(meeting["request"]))
        table = _("table %(number)s") % {"number": row.table.number}
        labels[row.slot.code] = slot_time(row.slot, event)
        labels[f"meetings[{n}]"] = f"{names} ({labels[row.slot.code]}, {table})"
    output = {
        "meetings": meetings,
        "unscheduled": [],
        "objective": 0,
        "upper_bound": 0,
        "status": "feasible",
    }
    return [
        explain(problem, labels)
        for problem in check_schedule(instance, output)
        if not problem.startswith(TOTALS)
    ]


def slot_time(slot: Slot, event: Event) -> str:
    """A slot as people read it, in the event's zone and the reader's language."""
    starts = timezone.localtime(slot.starts_at, event.zone)
    return date_format(starts, "WEEKDAY_DATETIME_FORMAT")


class DraftError(ValueError):
    """The edit names something outside the event or the draft."""


def _draft(meeting: Meeting) -> None:
    if meeting.stage != Stage.DRAFT:
        raise DraftError(_("Only meetings of the draft can be edited."))


def move_meeting(meeting: Meeting, slot: Slot, table: Table, user: Any) -> list[str]:
    """Put a draft meeting at another slot and table; returns the draft's conflicts."""
    _draft(meeting)
    if slot.event_id != meeting.event_id or table.event_id != meeting.event_id:
        raise DraftError(_("The slot and the table must belong to the meeting's event."))
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=meeting.event_id)
        before = {"slot": meeting.slot.code, "table": meeting.table.number}
        meeting.slot, meeting.table = slot, table
        meeting.save(update_fields=["slot", "table"])
        log_action(
            "jembatan.meeting.moved",
            meeting,
            user,
            {"from": before, "to": {"slot": slot.code, "table": table.number}},
        )
    return draft_conflicts(meeting.event)


def swap_meetings(first: Meeting, second: Meeting, user: Any) -> list[str]:
    """Exchange the slots and tables of two draft meetings."""
    _draft(first)
    _draft(second)
    if first.event_id != second.event_id:
        raise DraftError(_("Both meetings must belong to the same event."))
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=first.event_id)
        first.slot, second.slot = second.slot, first.slot
        first.table, second.table = second.table, first.table
        first.save(update_fields=["slot", "table"])
        second.save(update_fields=["slot", "table"])
        log_action("jembatan.meeting.swapped", first, user, {"with": second.pk})
    return draft_conflicts(first.event)


def drop_meeting(meeting: Meeting, user: Any) -> list[str]:
    """Remove a meeting from the draft (its request stays, unscheduled)."""
    _draft(meeting)
    event = meeting.event
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=event.pk)
        log_action("jembatan.meeting.dropped", meeting, user, {"request": meeting.request_id})
        meeting.delete()
    return draft_conflicts(event)
