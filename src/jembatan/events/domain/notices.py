"""Events' notification kinds, told to the members of a participant's company: a meeting
request received, accepted or declined; the schedule published or changed for the
participant; the reminder the day before the event with the agenda link."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Min, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jembatan.events.models import Event, Meeting, MeetingRequest, Participant, Stage
from jembatan.notifications.domain.inbox import already_notified
from jembatan.notifications.domain.kinds import NotificationKind, register_kind
from jembatan.notifications.domain.notify import notify_company

REQUEST_RECEIVED = "events.meeting_request_received"
REQUEST_ACCEPTED = "events.meeting_request_accepted"
REQUEST_DECLINED = "events.meeting_request_declined"
SCHEDULE_PUBLISHED = "events.schedule_published"
SCHEDULE_CHANGED = "events.schedule_changed"
EVENT_REMINDER = "events.event_reminder"

# A participant's published meetings, as what they would notice changing.
Placement = frozenset[tuple[int, int, int, int | None]]


def register_kinds() -> None:
    for key, label, description in (
        (
            REQUEST_RECEIVED,
            _("Meeting request received"),
            _("Another participant asks to meet your company at an event."),
        ),
        (
            REQUEST_ACCEPTED,
            _("Meeting request accepted"),
            _("A participant accepted your company's meeting request."),
        ),
        (
            REQUEST_DECLINED,
            _("Meeting request declined"),
            _("A participant declined your company's meeting request."),
        ),
        (
            SCHEDULE_PUBLISHED,
            _("Meeting schedule published"),
            _("The organisers published the meeting schedule of an event you take part in."),
        ),
        (
            SCHEDULE_CHANGED,
            _("Meeting schedule changed"),
            _("The organisers changed your meetings in a published schedule."),
        ),
        (
            EVENT_REMINDER,
            _("Event reminder"),
            _("The day before an event, a reminder with your agenda."),
        ),
    ):
        register_kind(NotificationKind(key=key, label=label, description=description))


def _tell(
    participant: Participant,
    kind: str,
    obj: Any,
    context: dict[str, Any],
    link: str,
    actor: Any = None,
    now: dt.datetime | None = None,
) -> int:
    return len(
        notify_company(
            participant.company,
            kind,
            obj,
            {**context, "participant": participant, "event": participant.event},
            link=link,
            now=now,
            exclude=[actor] if actor is not None else [],
        )
    )


def _participant_link(participant: Participant) -> str:
    return reverse("events:participant", args=[participant.event_id, participant.pk])


def tell_request_sent(request: MeetingRequest, actor: Any) -> None:
    """The receiver's company hears of a request (already accepted where the event says so)."""
    _tell(
        request.receiver,
        REQUEST_RECEIVED,
        request,
        {"request": request, "sender": request.sender},
        reverse("events:requests", args=[request.event_id]),
        actor,
    )


def tell_request_arranged(request: MeetingRequest, actor: Any) -> None:
    """An organiser added the request: both companies hear of the meeting to come."""
    link = reverse("events:requests", args=[request.event_id])
    for side, partner in ((request.receiver, request.sender), (request.sender, request.receiver)):
        _tell(side, REQUEST_RECEIVED, request, {"request": request, "sender": partner}, link, actor)


def tell_request_answered(request: MeetingRequest, accepted: bool, actor: Any) -> None:
    _tell(
        request.sender,
        REQUEST_ACCEPTED if accepted else REQUEST_DECLINED,
        request,
        {"request": request, "receiver": request.receiver},
        reverse("events:requests", args=[request.event_id]),
        actor,
    )


def placements(event: Event) -> dict[int, Placement]:
    """Each participant's published meetings (request, slot, table, interpreter)."""
    rows = Meeting.objects.filter(
        event=event, stage=Stage.PUBLISHED, freed_at__isnull=True
    ).values_list(
        "request_id",
        "slot_id",
        "table_id",
        "interpreter_id",
        "request__sender_id",
        "request__receiver_id",
    )
    found: dict[int, set[tuple[int, int, int, int | None]]] = {}
    for request_id, slot_id, table_id, interpreter_id, sender_id, receiver_id in rows:
        for participant_id in (sender_id, receiver_id):
            found.setdefault(participant_id, set()).add(
                (request_id, slot_id, table_id, interpreter_id)
            )
    return {pk: frozenset(meetings) for pk, meetings in found.items()}


def tell_schedule(
    event: Event, before: dict[int, Placement], after: dict[int, Placement], first: bool
) -> int:
    """After a publication: the first one tells every participant with a meeting; a later one
    tells only those whose meetings changed (moved, added or dropped). Returns how many."""
    if first:
        concerned = set(after)
    else:
        concerned = {pk for pk in set(before) | set(after) if before.get(pk) != after.get(pk)}
    kind = SCHEDULE_PUBLISHED if first else SCHEDULE_CHANGED
    participants = (
        Participant.objects.filter(pk__in=concerned)
        .select_related("company", "event")
        .order_by("pk")
    )
    for participant in participants:
        _tell(
            participant,
            kind,
            participant,
            {"meeting_count": len(after.get(participant.pk, ()))},
            _participant_link(participant),
        )
    return len(concerned)


def remind_participants(now: dt.datetime) -> int:
    """The day before an event's first day (in the event's zone), each participant's company
    gets a reminder with the agenda link, once per participant. Returns how many participants'
    companies were told (one without members has nobody to tell; it is looked at again)."""
    told = 0
    upcoming = (
        Event.objects.annotate(first_day=Min("sessions__day"))
        .filter(
            first_day__gte=(now - dt.timedelta(days=1)).date(),
            first_day__lte=(now + dt.timedelta(days=2)).date(),
        )
        .order_by("pk")
    )
    for event in upcoming:
        if event.first_day != now.astimezone(event.zone).date() + dt.timedelta(days=1):
            continue
        meetings = placements(event)
        participants = event.participants.filter(Q(no_show_at__isnull=True)).select_related(
            "company", "event"
        )
        for participant in participants.order_by("pk"):
            if already_notified(EVENT_REMINDER, participant):
                continue
            context = {
                "meeting_count": len(meetings.get(participant.pk, ())),
                "first_day": event.first_day,
            }
            link = _participant_link(participant)
            if _tell(participant, EVENT_REMINDER, participant, context, link, now=now):
                told += 1
    return told
