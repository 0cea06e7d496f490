"""Querysets the views share, with what each needs joined in one query."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from jembatan.events.models import Event, MeetingRequest, Participant


def visible_events(user: Any) -> QuerySet[Event]:
    events = Event.objects.annotate(slot_count=Count("slots", distinct=True))
    if not user.has_perm("events.organise_event"):
        events = events.filter(is_public=True)
    return events.order_by("-created_at", "-id")


def own_participants(event: Event, user: Any) -> list[Participant]:
    """The participants the user manages at the event: all for officers, else their company's."""
    participants = Participant.objects.filter(event=event).select_related("company")
    if user.has_perm("events.organise_event", event):
        return list(participants)
    company = getattr(user, "company_id_or_none", None) if user.is_authenticated else None
    if company is None:
        return []
    return list(participants.filter(company_id=company))


def visible_requests(event: Event, user: Any) -> QuerySet[MeetingRequest]:
    requests = MeetingRequest.objects.filter(event=event).select_related(
        "sender__company", "receiver__company", "lock_slot", "lock_table"
    )
    if user.has_perm("events.organise_event", event):
        return requests
    company = user.company_id_or_none
    return requests.filter(Q(sender__company_id=company) | Q(receiver__company_id=company))
