"""Officers create an event and edit it with its sessions; saving (re)plans the slots."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from jembatan.events.domain.setup import save_event
from jembatan.events.domain.slots import SlotError
from jembatan.events.interfaces.event_form import (
    EventForm,
    SessionFormSet,
    check_scheduling_before_sessions,
)
from jembatan.events.models import Event
from jembatan.events.views.common import get_organised_event, require


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "events.add_event")
    return _edit(request, Event(created_by_id=request.user.pk))


@login_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_organised_event(request, pk))


def _edit(request: HttpRequest, event: Event) -> HttpResponse:
    creating = event.pk is None
    data = request.POST if request.method == "POST" else None
    form = EventForm(data, instance=event)
    formset = SessionFormSet(data, instance=event, prefix="sessions")
    if (
        data is not None
        and form.is_valid()
        and formset.is_valid()
        and check_scheduling_before_sessions(form, formset)
    ):

        def write(event: Event) -> Event:
            event = form.save()
            formset.instance = event
            formset.save()
            return event

        try:
            event, changes = save_event(
                request.user, event, write, form.cleaned_data["table_names"]
            )
        except SlotError as error:
            if creating:
                event.pk = None
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(name)s is saved: %(count)s slots (%(new)s new, %(removed)s removed).")
                % {
                    "name": event.name,
                    "count": changes.kept + changes.created,
                    "new": changes.created,
                    "removed": changes.removed,
                },
            )
            return redirect("events:organise", pk=event.pk)
    context = {"form": form, "formset": formset, "event": None if creating else event}
    return render(request, "events/event_form.html", context)
