"""Who attends a meeting: the request's sender and receiver, unless the request was to a
company and the scheduler chose another of its representatives (Meeting.*_attendee)."""

from __future__ import annotations

from django.db.models import Q

from jembatan.events.models import Meeting, Participant


def attending(participant: Participant) -> Q:
    """Meetings the participant attends (in person, whichever side)."""
    return (
        Q(sender_attendee=participant)
        | Q(sender_attendee__isnull=True, request__sender=participant)
        | Q(receiver_attendee=participant)
        | Q(receiver_attendee__isnull=True, request__receiver=participant)
    )


def sender_attendee(meeting: Meeting) -> Participant:
    return meeting.sender_attendee or meeting.request.sender


def receiver_attendee(meeting: Meeting) -> Participant:
    return meeting.receiver_attendee or meeting.request.receiver


def partner_of(meeting: Meeting, participant: Participant) -> Participant:
    """The person the participant meets there."""
    sender = sender_attendee(meeting)
    return receiver_attendee(meeting) if sender.pk == participant.pk else sender
