"""Reminders before each meeting: due at the event's lead time, in the reader's language,
never twice for the same meeting, again when the meeting moves. A controlled clock
(``now=``), no mocks."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.core.management import call_command

from jembatan.events.domain.reminders import MEETING_REMINDER, send_meeting_reminders
from jembatan.events.models import Meeting, MeetingReminder, Stage
from jembatan.notifications.models import Notification
from tests.events import factories

pytestmark = pytest.mark.django_db
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


def at(local: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"2026-03-10 {local}").replace(tzinfo=JAKARTA)


def _published(fair, sender, receiver, code: str, table: int = 1, **kwargs) -> Meeting:  # type: ignore[no-untyped-def]
    request = factories.accepted(sender, receiver)
    return Meeting.objects.create(
        event=fair.event,
        request=request,
        stage=Stage.PUBLISHED,
        slot=factories.slot(fair.event, code),
        table=fair.event.tables.get(number=table),
        **kwargs,
    )


def _told() -> list[tuple[str, str]]:
    return sorted(
        Notification.objects.filter(kind=MEETING_REMINDER).values_list(
            "recipient__username", "title"
        )
    )


def test_send_meeting_reminders_due_at_the_lead_time(fair, member, teammate, outsider) -> None:  # type: ignore[no-untyped-def]
    _published(fair, fair.budi, fair.tanaka, "d1-0900", 2, interpreter=fair.rina)
    assert send_meeting_reminders(now=at("08:29")) == 0
    assert send_meeting_reminders(now=at("08:30")) == 2  # Budi's side and Tanaka's side
    assert _told() == [
        ("member", "09:00: your meeting with Tanaka Hiroshi"),
        ("outsider", "09:00: your meeting with Budi Santoso"),
        ("teammate", "09:00: your meeting with Tanaka Hiroshi"),
    ]
    body = Notification.objects.get(recipient=member).body
    assert body.splitlines()[:4] == [
        "Budi Santoso has a meeting at Temu Bisnis Indonesia–Jepang 2026 on Tue 10 Mar 2026 "
        "at 09:00 (Asia/Jakarta).",
        "With: Tanaka Hiroshi, Akashi Seimitsu",
        "Table: Table 2",
        "Interpreter: Rina Wijaya",
    ]
    assert Notification.objects.get(recipient=member).link == (
        f"/events/{fair.event.pk}/participants/{fair.budi.pk}/day/"
    )


def test_send_meeting_reminders_never_twice(fair, member, outsider) -> None:  # type: ignore[no-untyped-def]
    _published(fair, fair.budi, fair.tanaka, "d1-0900")
    assert send_meeting_reminders(now=at("08:31")) == 2
    assert send_meeting_reminders(now=at("08:40")) == 0
    assert send_meeting_reminders(now=at("08:55")) == 0
    assert Notification.objects.filter(kind=MEETING_REMINDER).count() == 2
    assert MeetingReminder.objects.count() == 2


def test_send_meeting_reminders_again_when_the_meeting_moves(fair, member, outsider) -> None:  # type: ignore[no-untyped-def]
    meeting = _published(fair, fair.budi, fair.tanaka, "d1-0900")
    assert send_meeting_reminders(now=at("08:35")) == 2
    meeting.slot = factories.slot(fair.event, "d1-1000")
    meeting.sequence += 1
    meeting.save()
    assert send_meeting_reminders(now=at("09:29")) == 0
    assert send_meeting_reminders(now=at("09:30")) == 2
    assert sorted(t for _u, t in _told()) == [
        "09:00: your meeting with Budi Santoso",
        "09:00: your meeting with Tanaka Hiroshi",
        "10:00: your meeting with Budi Santoso",
        "10:00: your meeting with Tanaka Hiroshi",
    ]


def test_send_meeting_reminders_not_after_the_start_nor_when_off(fair, member, outsider) -> None:  # type: ignore[no-untyped-def]
    _published(fair, fair.budi, fair.tanaka, "d1-0900")
    assert send_meeting_reminders(now=at("09:00")) == 0  # started: too late
    _published(fair, fair.budi, fair.suzuki, "d1-1000")
    fair.event.reminder_minutes = None
    fair.event.save()
    assert send_meeting_reminders(now=at("09:45")) == 0
    fair.event.reminder_minutes = 60
    fair.event.save()
    assert send_meeting_reminders(now=at("09:00")) == 2


def test_send_meeting_reminders_skips_drafts_freed_and_no_shows(fair, member, outsider) -> None:  # type: ignore[no-untyped-def]
    draft = factories.accepted(fair.budi, fair.suzuki)
    Meeting.objects.create(
        event=fair.event,
        request=draft,
        stage=Stage.DRAFT,
        slot=factories.slot(fair.event, "d1-0900"),
        table=fair.event.tables.get(number=3),
    )
    _published(fair, fair.dewi, fair.suzuki, "d1-0900", 2, freed_at=at("08:00"))
    fair.tanaka.no_show_at = at("08:00")
    fair.tanaka.save()
    _published(fair, fair.budi, fair.tanaka, "d1-0900")
    assert send_meeting_reminders(now=at("08:45")) == 1
    assert _told() == [("member", "09:00: your meeting with Tanaka Hiroshi")]


def test_send_meeting_reminders_in_the_readers_language(  # type: ignore[no-untyped-def]
    fair, member, outsider, django_capture_on_commit_callbacks
) -> None:
    member.language = "id"
    member.save()
    outsider.language = "ja"
    outsider.save()
    _published(fair, fair.budi, fair.tanaka, "d1-0900", 2)
    with django_capture_on_commit_callbacks(execute=True):
        send_meeting_reminders(now=at("08:45"))
    assert _told() == [
        ("member", "09:00: pertemuan Anda dengan Tanaka Hiroshi"),
        ("outsider", "09:00 Budi Santoso様との商談"),
    ]
    assert "Meja: Meja 2" in Notification.objects.get(recipient=member).body
    assert "テーブル：テーブル2" in Notification.objects.get(recipient=outsider).body
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        (member.email, "Jembatan: 09:00: pertemuan Anda dengan Tanaka Hiroshi"),
        (outsider.email, "【Jembatan】09:00 Budi Santoso様との商談"),
    ]


def test_send_meeting_reminders_to_the_representative_who_attends(
    fair, company, member, outsider
) -> None:  # type: ignore[no-untyped-def]
    andi = factories.participant(fair.event, company, "Andi Wijaya", ["id"])
    _published(fair, fair.tanaka, fair.budi, "d1-0900", receiver_attendee=andi)
    send_meeting_reminders(now=at("08:45"))
    assert set(MeetingReminder.objects.values_list("participant__name", flat=True)) == {
        "Andi Wijaya",
        "Tanaka Hiroshi",
    }
    assert ("outsider", "09:00: your meeting with Andi Wijaya") in _told()


def test_events_remind_meetings_command(fair, member, outsider, clock, capsys) -> None:  # type: ignore[no-untyped-def]
    _published(fair, fair.budi, fair.tanaka, "d1-0900")
    clock.set("2026-03-10 08:40")
    call_command("events", "remind-meetings")
    assert capsys.readouterr().out == "remind-meetings: 2 meeting reminders sent\n"
