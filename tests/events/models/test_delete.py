"""An event with a published schedule can be deleted whole; a slot in use cannot."""

from __future__ import annotations

import pytest
from django.db.models import RestrictedError

from jembatan.events.models import Event, Meeting
from tests.events.interfaces.test_agenda import published


def test_event_with_meetings_deletes_whole(fair, officer) -> None:  # type: ignore[no-untyped-def]
    published(fair, officer)
    assert Meeting.objects.exists()
    fair.event.delete()
    assert not Event.objects.exists()
    assert not Meeting.objects.exists()


def test_slot_with_a_meeting_cannot_be_deleted_alone(fair, officer) -> None:  # type: ignore[no-untyped-def]
    meeting = next(iter(published(fair, officer).values()))
    with pytest.raises(RestrictedError):
        meeting.slot.delete()
