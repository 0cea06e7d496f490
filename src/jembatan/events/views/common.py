"""Helpers the event views share: fetch what the user may see, or refuse."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from jembatan.events.models import Event, Participant


def require(user: Any, permission: str, obj: Any = None) -> None:
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def get_event(request: HttpRequest, pk: int) -> Event:
    """The event if the user may see it; 404 otherwise, so hidden events stay unknown."""
    event = get_object_or_404(Event, pk=pk)
    if not request.user.has_perm("events.view_event", event):
        raise Http404
    return event


def get_organised_event(request: HttpRequest, pk: int) -> Event:
    event = get_event(request, pk)
    require(request.user, "events.organise_event", event)
    return event


def get_participant(
    request: HttpRequest, pk: int, participant_pk: int, permission: str
) -> Participant:
    event = get_event(request, pk)
    """The participant if the user may see them (404 otherwise, as for an unknown id), and
    only then 403 when the user may see them but not do ``permission``."""
    participant = get_object_or_404(
        Participant.objects.select_related("company", "event"), pk=participant_pk, event=event
    )
    if not request.user.has_perm("events.view_participant", participant):
        raise Http404
    require(request.user, permission, participant)
    return participant
