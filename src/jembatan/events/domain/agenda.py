"""The published meetings as agenda lines: per participant, per table, per interpreter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from jembatan.events.domain.attendance import attending, partner_of
from jembatan.events.models import Event, Interpreter, Meeting, Participant, Stage, Table


@dataclass(frozen=True)
class AgendaLine:
    meeting: Meeting
    starts: dt.datetime  # in the event's zone
    ends: dt.datetime
    table: str
    interpreter: str
    partner: Participant | None  # for a participant's agenda: who they meet

    @property
    def partner_label(self) -> str:
        if self.partner is None:
            return ""
        return f"{self.partner.name} ({self.partner.company.name})"


def published_meetings(event: Event) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(event=event, stage=Stage.PUBLISHED, freed_at__isnull=True)
        .select_related(
            "slot",
            "table",
            "interpreter",
            "request__sender__company",
            "request__receiver__company",
            "sender_attendee__company",
            "receiver_attendee__company",
        )
        .order_by("slot__starts_at", "table__number")
    )


def _line(meeting: Meeting, event: Event, partner: Participant | None) -> AgendaLine:
    zone = event.zone
    return AgendaLine(
        meeting,
        meeting.slot.starts_at.astimezone(zone),
        meeting.slot.ends_at.astimezone(zone),
        meeting.table.label,
        meeting.interpreter.name if meeting.interpreter else "",
        partner,
    )


def participant_agenda(participant: Participant) -> list[AgendaLine]:
    event = participant.event
    meetings = published_meetings(event).filter(attending(participant))
    return [_line(m, event, partner_of(m, participant)) for m in meetings]


def table_agenda(table: Table) -> list[AgendaLine]:
    return [
        _line(m, table.event, None) for m in published_meetings(table.event).filter(table=table)
    ]


def interpreter_agenda(interpreter: Interpreter) -> list[AgendaLine]:
    event = interpreter.event
    return [
        _line(m, event, None) for m in published_meetings(event).filter(interpreter=interpreter)
    ]
