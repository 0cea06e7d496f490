"""Public event information: the list and each event's page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.events.domain.queries import own_participants, visible_events
from jembatan.events.domain.requests import window_state
from jembatan.events.views.common import get_event


def event_list(request: HttpRequest) -> HttpResponse:
    events = visible_events(request.user)
    return render(request, "events/event_list.html", {"events": events})


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk)
    user = request.user
    now = timezone.now()
    context = {
        "event": event,
        "sessions": list(event.sessions.all()),
        "participants": own_participants(event, user),
        "windows": [
            {
                "label": label,
                "opens": opens,
                "closes": closes,
                "state": window_state(opens, closes, now),
            }
            for label, opens, closes in (
                (_("Registration"), event.registration_opens, event.registration_closes),
                (_("Meeting requests"), event.requests_open, event.requests_close),
            )
            if opens or closes
        ],
        "can_register": user.has_perm("events.register_participant", event),
        "can_organise": user.has_perm("events.organise_event", event),
        "can_see_requests": user.has_perm("events.view_requests", event),
    }
    return render(request, "events/event_detail.html", context)
