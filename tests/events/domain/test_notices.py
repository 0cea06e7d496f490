"""Events tell the members of the participant's company: requests, schedules, reminders."""

from __future__ import annotations

import datetime as dt

import pytest

from jembatan.events.domain import drafts
from jembatan.events.domain.notices import remind_participants
from jembatan.events.domain.requests import add_request, answer_request, send_request
from jembatan.events.domain.scheduling import publish_draft
from jembatan.events.models import Meeting, Stage
from jembatan.notifications.models import Notification
from tests.events import factories

pytestmark = pytest.mark.django_db


def _told(kind: str) -> list[str]:
    return sorted(
        Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True)
    )


def test_request_received_by_the_receivers_company(fair, member, teammate, outsider) -> None:  # type: ignore[no-untyped-def]
    member.language = "en"
    member.save()
    request = send_request(fair.tanaka, fair.budi, 3, "Kami ingin bertemu.", outsider)
    assert _told("events.meeting_request_received") == ["member", "teammate"]
    notification = Notification.objects.get(recipient=member)
    assert notification.title == "Meeting request from Akashi Seimitsu"
    assert notification.body.startswith(
        "Tanaka Hiroshi of Akashi Seimitsu asks to meet Budi Santoso at Temu Bisnis"
    )
    assert notification.link == f"/events/{fair.event.pk}/requests/"
    assert notification.target == request
    # No contact data of the sender, and not the free-text message either.
    assert "tanaka@example.com" not in notification.body
    assert "+62215550100" not in notification.body


def test_request_accepted_and_declined_told_to_the_sender(fair, member, teammate, outsider) -> None:  # type: ignore[no-untyped-def]
    first = send_request(fair.budi, fair.tanaka, 3, "", member)
    second = send_request(fair.budi, fair.suzuki, 2, "", member)
    answer_request(first, True, outsider)
    assert _told("events.meeting_request_accepted") == ["member", "teammate"]
    answer_request(second, False, None)
    assert _told("events.meeting_request_declined") == ["member", "teammate"]
    # The one who sent it was not told of their own request being sent.
    assert "member" not in _told("events.meeting_request_received")


def _draft_meeting(fair, request, code: str, table: int, interpreter=None) -> Meeting:  # type: ignore[no-untyped-def]
    return Meeting.objects.create(
        event=fair.event,
        request=request,
        stage=Stage.DRAFT,
        slot=factories.slot(fair.event, code),
        table=fair.event.tables.get(number=table),
        interpreter=interpreter,
    )


def test_schedule_published_then_changed_only_for_the_moved(
    fair, member, teammate, outsider
) -> None:  # type: ignore[no-untyped-def]
    budi_suzuki = factories.accepted(fair.budi, fair.suzuki)
    dewi_suzuki = factories.accepted(fair.dewi, fair.suzuki)
    _draft_meeting(fair, budi_suzuki, "d1-0900", 1)
    other = _draft_meeting(fair, dewi_suzuki, "d1-0930", 2, interpreter=fair.rina)
    publish_draft(fair.event, None)
    assert _told("events.schedule_published") == ["member", "teammate"]
    notification = Notification.objects.filter(recipient=member).get()
    assert notification.link == f"/events/{fair.event.pk}/participants/{fair.budi.pk}/"
    assert notification.target == fair.budi
    # Move only the meeting of Dewi's company: Budi's company hears nothing this time.
    drafts.move_meeting(other, factories.slot(fair.event, "d1-1330"), other.table, None)
    publish_draft(fair.event, None)
    assert _told("events.schedule_changed") == []
    assert Notification.objects.filter(recipient=member).count() == 1
    budi_draft = Meeting.objects.get(request=budi_suzuki, stage=Stage.DRAFT)
    drafts.move_meeting(budi_draft, factories.slot(fair.event, "d1-1000"), budi_draft.table, None)
    publish_draft(fair.event, None)
    assert _told("events.schedule_changed") == ["member", "teammate"]


def test_schedule_published_for_the_outsiders_participant_only_to_them(
    fair, member, outsider
) -> None:  # type: ignore[no-untyped-def]
    request = factories.accepted(fair.tanaka, fair.suzuki)
    Meeting.objects.create(
        event=fair.event,
        request=request,
        stage=Stage.DRAFT,
        slot=factories.slot(fair.event, "d1-0900"),
        table=fair.event.tables.get(number=1),
    )
    publish_draft(fair.event, None)
    assert _told("events.schedule_published") == ["outsider"]


def test_reminder_the_day_before_once(fair, member, teammate, outsider) -> None:  # type: ignore[no-untyped-def]
    member.language = "id"
    member.save()
    # The fair is on 10 March 2026 in Jakarta; 07:00 there on the 9th is 00:00 UTC.
    day_before = dt.datetime(2026, 3, 9, 0, 0, tzinfo=dt.UTC)
    assert remind_participants(day_before - dt.timedelta(days=1)) == 0
    # Budi's and Tanaka's companies have members to tell; the two others have none.
    assert remind_participants(day_before) == 2
    assert remind_participants(day_before + dt.timedelta(hours=3)) == 0
    assert _told("events.event_reminder") == ["member", "outsider", "teammate"]
    notification = Notification.objects.get(recipient=member)
    assert notification.title == "Besok: Temu Bisnis Indonesia–Jepang 2026"
    assert notification.link == f"/events/{fair.event.pk}/participants/{fair.budi.pk}/"
    assert remind_participants(dt.datetime(2026, 3, 10, 0, 0, tzinfo=dt.UTC)) == 0


def test_request_arranged_by_the_organiser_told_to_both(
    fair, member, teammate, outsider, officer
) -> None:  # type: ignore[no-untyped-def]
    add_request(fair.budi, fair.tanaka, 3, officer)
    assert _told("events.meeting_request_received") == ["member", "outsider", "teammate"]
    assert Notification.objects.get(recipient=outsider).title == (
        "Meeting arranged with PT Karton Jaya Abadi"
    )
    assert Notification.objects.get(recipient=member).body.startswith(
        "The organisers arranged a meeting between Budi Santoso and Tanaka Hiroshi of "
        "Akashi Seimitsu at Temu Bisnis"
    )
