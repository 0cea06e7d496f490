"""A participant's event day, for their phone: the meeting now, the next one, the rest of
the day (and what is over), in the event's zone. Only the participant's own meetings: the
ones they attend in person (see attendance.py), never a colleague's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from jembatan.events.domain.agenda import AgendaLine, published_meetings
from jembatan.events.domain.attendance import attending, partner_of
from jembatan.events.models import Meeting, Participant


@dataclass(frozen=True)
class EventDay:
    day: dt.date | None  # the day shown (today, else the next day with meetings)
    current: AgendaLine | None = None  # under way now
    next: AgendaLine | None = None
    later: list[AgendaLine] = field(default_factory=list)  # after the next one, same day
    earlier: list[AgendaLine] = field(default_factory=list)  # over, same day
    other_days: list[dt.date] = field(default_factory=list)  # later days with meetings

    @property
    def is_empty(self) -> bool:
        return self.current is None and self.next is None and not self.earlier


def _line(meeting: Meeting, participant: Participant) -> AgendaLine:
    zone = participant.event.zone
    return AgendaLine(
        meeting,
        meeting.slot.starts_at.astimezone(zone),
        meeting.slot.ends_at.astimezone(zone),
        meeting.table.label,
        meeting.interpreter.name if meeting.interpreter else "",
        partner_of(meeting, participant),
    )


def event_day(participant: Participant, now: dt.datetime) -> EventDay:
    """The participant's published meetings around ``now`` (one query)."""
    meetings = published_meetings(participant.event).filter(attending(participant))
    lines = [_line(m, participant) for m in meetings]
    local_now = now.astimezone(participant.event.zone)
    today = local_now.date()
    days = sorted({line.starts.date() for line in lines if line.starts.date() >= today})
    if not days:
        return EventDay(day=None)
    day = days[0]
    shown = [line for line in lines if line.starts.date() == day]
    current = next((ln for ln in shown if ln.starts <= local_now < ln.ends), None)
    coming = [ln for ln in shown if ln.starts > local_now]
    return EventDay(
        day=day,
        current=current,
        next=coming[0] if coming else None,
        later=coming[1:],
        earlier=[ln for ln in shown if ln.ends <= local_now],
        other_days=days[1:],
    )
