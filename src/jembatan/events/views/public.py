"""Public event information: the list and each event's page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jembatan.events.domain.queries import own_participants, visible_events
from jembatan.events.views.common import get_event


def event_list(request: HttpRequest) -> HttpResponse:
    events = visible_events(request.user)
    return render(request, "events/event_list.html", {"events": events})


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk)
    user = request.user
    context = {
        "event": event,
        "sessions": list(event.sessions.all()),
        "participants": own_participants(event, user),
        "can_register": user.has_perm("events.register_participant", event),
        "can_organise": user.has_perm("events.organise_event", event),
        "can_see_requests": user.has_perm("events.view_requests", event),
    }
    return render(request, "events/event_detail.html", context)
