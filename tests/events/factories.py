"""Small, realistic events for the tests: one day in Jakarta, five slots, three tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jembatan.events.domain.slots import generate_slots
from jembatan.events.models import (
    Event,
    Interpreter,
    MeetingRequest,
    Participant,
    RequestStatus,
    Session,
    Slot,
)
from jembatan.registry.models import Company

DAY = dt.date(2026, 3, 10)


def make_event(**kwargs: Any) -> Event:
    values: dict[str, Any] = {
        "name": "Temu Bisnis Indonesia–Jepang 2026",
        "venue": "Jakarta Convention Center",
        "time_zone": "Asia/Jakarta",
        "table_count": 3,
    }
    values.update(kwargs)
    return Event.objects.create(**values)


def add_session(
    event: Event,
    starts: str,
    ends: str,
    *,
    day: dt.date = DAY,
    slot_minutes: int = 30,
    break_minutes: int = 0,
) -> Session:
    return Session.objects.create(
        event=event,
        day=day,
        starts=dt.time.fromisoformat(starts),
        ends=dt.time.fromisoformat(ends),
        slot_minutes=slot_minutes,
        break_minutes=break_minutes,
    )


def scheduled_event(**kwargs: Any) -> Event:
    """09:00-10:30 and 13:00-14:00 in Jakarta, 30-minute slots: d1-0900 .. d1-1330."""
    event = make_event(**kwargs)
    add_session(event, "09:00", "10:30")
    add_session(event, "13:00", "14:00")
    generate_slots(event)
    return event


def slot(event: Event, code: str) -> Slot:
    return Slot.objects.get(event=event, code=code)


def participant(
    event: Event, company: Company, name: str, languages: list[str], **kwargs: Any
) -> Participant:
    slots = kwargs.pop("slots", None)
    person = Participant.objects.create(
        event=event,
        company=company,
        name=name,
        languages=languages,
        email=f"{name.split()[0].lower()}@example.com",
        phone="+62215550100",
        available_everywhere=slots is None,
        **kwargs,
    )
    if slots is not None:
        person.available_slots.set([slot(event, code) for code in slots])
    return person


def interpreter(
    event: Event, name: str, languages: list[str], slots: list[str] | None = None
) -> Interpreter:
    person = Interpreter.objects.create(
        event=event, name=name, languages=languages, available_everywhere=slots is None
    )
    if slots is not None:
        person.available_slots.set([slot(event, code) for code in slots])
    return person


def accepted(sender: Participant, receiver: Participant, priority: int = 2) -> MeetingRequest:
    return MeetingRequest.objects.create(
        event=sender.event,
        sender=sender,
        receiver=receiver,
        priority=priority,
        status=RequestStatus.ACCEPTED,
    )
