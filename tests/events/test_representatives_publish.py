"""With sched-web's scheduling.py patch: who attends is carried from the draft to the
published schedule, and a change of attendee counts as a move (calendars, reminders).

_publish itself, not publish_draft: the draft's check reads the instance's "companies",
which the solver accepts once sched-solver's work is merged."""

from __future__ import annotations

import pytest

from jembatan.events.domain.requests import add_request
from jembatan.events.domain.scheduling import _publish
from jembatan.events.models import Meeting, Stage
from tests.events import factories

pytestmark = pytest.mark.django_db


def test_publish_draft_keeps_who_attends(fair, company, officer) -> None:  # type: ignore[no-untyped-def]
    andi = factories.participant(fair.event, company, "Andi Wijaya", ["id"])
    request = add_request(fair.tanaka, fair.budi, 3, officer, receiver_any=True)
    draft = Meeting.objects.create(
        event=fair.event,
        request=request,
        stage=Stage.DRAFT,
        slot=factories.slot(fair.event, "d1-0900"),
        table=fair.event.tables.get(number=1),
        interpreter=fair.rina,
        receiver_attendee=andi,
    )
    _publish(fair.event)
    published = Meeting.objects.get(stage=Stage.PUBLISHED)
    assert (published.receiver_attendee, published.sequence) == (andi, 0)
    draft.receiver_attendee = None  # Budi goes himself after all
    draft.save()
    _publish(fair.event)
    published.refresh_from_db()
    assert (published.receiver_attendee, published.sequence) == (None, 1)
