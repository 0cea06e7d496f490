"""Reminders before each meeting: the event's lead time (``Event.reminder_minutes``) before
a published meeting starts, the members of each attending participant's company get an
e-mail (in their own language) with the time in the event's zone, the table, the partner
and the interpreter.

Run every few minutes (Celery beat, or ``jembatan events remind-meetings`` from cron). A
``MeetingReminder`` row, claimed in the same transaction as the notification, makes it
idempotent: never twice for the same meeting, participant, start, place and lead time,
while a meeting that moves (another start or place) is reminded again. A meeting that has
already started is not reminded any more: a late run does not send stale reminders.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jembatan.events.domain.attendance import receiver_attendee, sender_attendee
from jembatan.events.models import Meeting, MeetingReminder, Participant, Stage
from jembatan.notifications.domain.kinds import NotificationKind, register_kind
from jembatan.notifications.domain.notify import notify_company

MEETING_REMINDER = "events.meeting_reminder"
LONGEST_LEAD = dt.timedelta(minutes=1440)  # Event.reminder_minutes' upper bound


def register_reminder_kind() -> None:
    register_kind(
        NotificationKind(
            key=MEETING_REMINDER,
            label=_("Meeting reminder"),
            description=_(
                "Shortly before each of your meetings at an event: time, table, partner."
            ),
        )
    )


def due_meetings(now: dt.datetime) -> list[Meeting]:
    """Published, live meetings starting after ``now`` and within their event's lead time."""
    candidates = (
        Meeting.objects.filter(
            stage=Stage.PUBLISHED,
            freed_at__isnull=True,
            event__reminder_minutes__isnull=False,
            slot__starts_at__gt=now,
            slot__starts_at__lte=now + LONGEST_LEAD,
        )
        .select_related(
            "event",
            "slot",
            "table",
            "interpreter",
            "request__sender__company",
            "request__receiver__company",
            "sender_attendee__company",
            "receiver_attendee__company",
        )
        .order_by("slot__starts_at", "pk")
    )
    return [
        m
        for m in candidates
        if m.slot.starts_at - dt.timedelta(minutes=m.event.reminder_minutes or 0) <= now
    ]


def _claim(meeting: Meeting, participant: Participant, now: dt.datetime) -> bool:
    _row, created = MeetingReminder.objects.get_or_create(
        meeting=meeting,
        participant=participant,
        starts_at=meeting.slot.starts_at,
        sequence=meeting.sequence,
        lead_minutes=meeting.event.reminder_minutes or 0,
        defaults={"sent_at": now},
    )
    return created


def _remind(
    meeting: Meeting, participant: Participant, partner: Participant, now: dt.datetime
) -> None:
    event = meeting.event
    context = {
        "event": event,
        "participant": participant,
        "partner": partner,
        "meeting": meeting,
        "starts": meeting.slot.starts_at.astimezone(event.zone),
        "zone": event.time_zone,
        "interpreter": meeting.interpreter.name if meeting.interpreter else "",
        "minutes": event.reminder_minutes,
    }
    link = reverse("events:event_day", args=[event.pk, participant.pk])
    notify_company(participant.company, MEETING_REMINDER, meeting, context, link=link, now=now)


def send_meeting_reminders(now: dt.datetime | None = None) -> int:
    """Send the reminders due at ``now``; returns how many participants were reminded."""
    now = now or timezone.now()
    sent = 0
    for meeting in due_meetings(now):
        sender, receiver = sender_attendee(meeting), receiver_attendee(meeting)
        for participant, partner in ((sender, receiver), (receiver, sender)):
            if participant.no_show_at is not None:
                continue
            with transaction.atomic():
                if _claim(meeting, participant, now):
                    _remind(meeting, participant, partner, now)
                    sent += 1
    return sent
