from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from jembatan.events.domain.slots import SessionSpec, SlotError, generate_slots, plan_slots
from jembatan.events.models import Meeting, Slot
from tests.events import factories

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
DAY = dt.date(2026, 3, 10)


def utc(hour: int, minute: int = 0, day: int = 10) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=dt.UTC)


def test_plan_slots_fills_sessions_with_breaks_in_local_codes() -> None:
    sessions = [
        SessionSpec(DAY, dt.time(9), dt.time(10, 40), 30, 5),
        SessionSpec(DAY, dt.time(13), dt.time(14), 20),
    ]
    planned = plan_slots(sessions, JAKARTA)
    assert [s.code for s in planned] == [
        "d1-0900",
        "d1-0935",
        "d1-1010",
        "d1-1300",
        "d1-1320",
        "d1-1340",
    ]
    # Jakarta is UTC+7: 09:00 local is 02:00 UTC.
    assert (planned[0].starts_at, planned[0].ends_at) == (utc(2), utc(2, 30))
    assert planned[2].ends_at == utc(3, 40)
    assert [s.session for s in planned] == [0, 0, 0, 1, 1, 1]


def test_plan_slots_numbers_days_and_uses_the_event_zone() -> None:
    sessions = [
        SessionSpec(DAY + dt.timedelta(days=1), dt.time(10), dt.time(11), 60),
        SessionSpec(DAY, dt.time(10), dt.time(11), 60),
    ]
    planned = plan_slots(sessions, TOKYO)
    assert [s.code for s in planned] == ["d1-1000", "d2-1000"]
    # Tokyo is UTC+9: 10:00 local is 01:00 UTC.
    assert [s.starts_at for s in planned] == [utc(1), utc(1, day=11)]


def test_plan_slots_overlapping_sessions_refused() -> None:
    sessions = [
        SessionSpec(DAY, dt.time(9), dt.time(10), 30),
        SessionSpec(DAY, dt.time(9, 30), dt.time(10, 30), 30),
    ]
    with pytest.raises(SlotError, match="overlap"):
        plan_slots(sessions, JAKARTA)


def test_generate_slots_stores_utc_and_creates_tables(db) -> None:  # type: ignore[no-untyped-def]
    event = factories.scheduled_event(time_zone="Asia/Tokyo", table_count=4)
    slots = list(Slot.objects.filter(event=event))
    assert [s.code for s in slots] == ["d1-0900", "d1-0930", "d1-1000", "d1-1300", "d1-1330"]
    assert slots[0].starts_at == utc(0)
    assert list(event.tables.values_list("number", flat=True)) == [1, 2, 3, 4]


def test_generate_slots_refused_once_meetings_exist(fair) -> None:  # type: ignore[no-untyped-def]
    request = factories.accepted(fair.budi, fair.suzuki)
    Meeting.objects.create(
        event=fair.event,
        request=request,
        slot=factories.slot(fair.event, "d1-0900"),
        table=fair.event.tables.get(number=1),
    )
    with pytest.raises(SlotError, match="Meetings already use these slots"):
        generate_slots(fair.event)
    assert fair.event.slots.count() == 5
