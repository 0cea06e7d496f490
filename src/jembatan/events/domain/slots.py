"""Time slots from an event's sessions: local times in the event's zone, stored in UTC."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from jembatan.events.models import Event, Session, Slot, Table


class SlotError(ValueError):
    """The slots cannot be generated (again); the message says why."""


@dataclass(frozen=True, slots=True)
class SessionSpec:
    day: dt.date
    starts: dt.time
    ends: dt.time
    slot_minutes: int
    break_minutes: int = 0


@dataclass(frozen=True, slots=True)
class SlotSpec:
    session: int  # index into the sessions given
    code: str
    starts_at: dt.datetime  # UTC
    ends_at: dt.datetime


def plan_slots(sessions: Sequence[SessionSpec], zone: zoneinfo.ZoneInfo) -> list[SlotSpec]:
    """Slots that fit whole in each session, ``break_minutes`` apart, in time order.

    Codes are ``d<day number>-<HHMM local>``, days numbered 1.. over the days that have a
    session, so the solver's files read like the printed programme.
    """
    days = {day: n for n, day in enumerate(sorted({s.day for s in sessions}), start=1)}
    planned: list[SlotSpec] = []
    for index, session in sorted(enumerate(sessions), key=lambda p: (p[1].day, p[1].starts)):
        start = dt.datetime.combine(session.day, session.starts, tzinfo=zone)
        end = dt.datetime.combine(session.day, session.ends, tzinfo=zone)
        length = dt.timedelta(minutes=session.slot_minutes)
        step = length + dt.timedelta(minutes=session.break_minutes)
        while start + length <= end:
            planned.append(
                SlotSpec(
                    index,
                    f"d{days[session.day]}-{start:%H%M}",
                    start.astimezone(dt.UTC),
                    (start + length).astimezone(dt.UTC),
                )
            )
            start += step
    codes = [s.code for s in planned]
    if len(set(codes)) != len(codes):
        raise SlotError(_("Two sessions overlap: a slot would start twice at the same time."))
    return planned


def generate_slots(event: Event) -> list[Slot]:
    """Replace the event's slots with those its sessions give, and create its tables.

    Refused once meetings use the slots: regenerating would silently move them.
    """
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=event.pk)
        if event.meetings.exists():
            raise SlotError(_("Meetings already use these slots; remove the schedule first."))
        sessions = list(Session.objects.filter(event=event))
        specs = plan_slots(
            [
                SessionSpec(s.day, s.starts, s.ends, s.slot_minutes, s.break_minutes)
                for s in sessions
            ],
            event.zone,
        )
        event.slots.all().delete()
        slots = Slot.objects.bulk_create(
            Slot(
                event=event,
                session=sessions[spec.session],
                code=spec.code,
                starts_at=spec.starts_at,
                ends_at=spec.ends_at,
            )
            for spec in specs
        )
        ensure_tables(event)
    return slots


def ensure_tables(event: Event) -> None:
    """Tables 1..table_count exist (named ones keep their names); extra ones are removed."""
    existing = set(event.tables.values_list("number", flat=True))
    Table.objects.bulk_create(
        Table(event=event, number=n) for n in range(1, event.table_count + 1) if n not in existing
    )
    event.tables.filter(number__gt=event.table_count, meetings__isnull=True).delete()


def local(moment: dt.datetime, event: Event) -> dt.datetime:
    return moment.astimezone(event.zone)
