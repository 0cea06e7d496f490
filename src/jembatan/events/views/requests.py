"""Meeting requests: send, list, answer; organisers add, lock, and block slots."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.events.domain import requests as actions
from jembatan.events.domain.queries import visible_requests
from jembatan.events.interfaces.forms import LockForm, OrganiserRequestForm, RequestForm
from jembatan.events.models import MeetingRequest, Slot
from jembatan.events.views.common import get_event, get_organised_event, get_participant, require


@login_required
@require_POST
def request_send(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    sender = get_participant(request, pk, participant_pk, "events.send_request")
    form = RequestForm(request.POST, sender=sender)
    if form.is_valid():
        try:
            actions.send_request(
                sender,
                form.cleaned_data["receiver"],
                form.cleaned_data["priority"],
                form.cleaned_data["message"],
                request.user,
                sender_any=form.cleaned_data["sender_any"],
                receiver_any=form.cleaned_data["receiver_any"],
            )
        except actions.RequestError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your request is sent."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else field
            messages.error(request, f"{label}: {' '.join(str(e) for e in errors)}")
    return redirect("events:participant", pk=pk, participant_pk=sender.pk)


@login_required
def request_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk)
    require(request.user, "events.view_requests", event)
    organiser = request.user.has_perm("events.organise_event", event)
    company = request.user.company_id_or_none  # type: ignore[union-attr]
    requests = list(visible_requests(event, request.user))
    context = {
        "event": event,
        "requests": requests,
        # A member sees what their company received (to answer) apart from what it sent.
        "incoming": [r for r in requests if r.receiver.company_id == company],
        "outgoing": [r for r in requests if r.receiver.company_id != company],
        "organiser": organiser,
        "company": company,
        "add_form": OrganiserRequestForm(event=event) if organiser else None,
        "lock_slots": list(event.slots.filter(blocked=False)) if organiser else [],
        "lock_tables": list(event.tables.all()) if organiser else [],
    }
    return render(request, "events/request_list.html", context)


@login_required
@require_POST
def request_answer(request: HttpRequest, pk: int, request_pk: int, answer: str) -> HttpResponse:
    event = get_event(request, pk)
    if answer not in ("accept", "decline"):
        raise Http404
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related("receiver", "sender"), pk=request_pk, event=event
    )
    if not request.user.has_perm("events.view_request", meeting_request):
        raise Http404  # another pair's request: unknown to this user, like a wrong id
    require(request.user, "events.answer_request", meeting_request)
    try:
        actions.answer_request(meeting_request, answer == "accept", request.user)
    except actions.RequestError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Accepted.") if answer == "accept" else _("Declined."))
    return redirect("events:requests", pk=event.pk)


@login_required
@require_POST
def request_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    form = OrganiserRequestForm(request.POST, event=event)
    if form.is_valid():
        try:
            actions.add_request(
                form.cleaned_data["sender"],
                form.cleaned_data["receiver"],
                form.cleaned_data["priority"],
                request.user,
                sender_any=form.cleaned_data["sender_any"],
                receiver_any=form.cleaned_data["receiver_any"],
            )
        except actions.RequestError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The request is added, accepted."))
    else:
        messages.error(request, _("Choose both participants and a priority."))
    return redirect("events:requests", pk=event.pk)


@login_required
@require_POST
def request_lock(request: HttpRequest, pk: int, request_pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    meeting_request = get_object_or_404(MeetingRequest, pk=request_pk, event=event)
    form = LockForm(request.POST, event=event)
    if form.is_valid():
        try:
            actions.lock_request(
                meeting_request, form.cleaned_data["slot"], form.cleaned_data["table"], request.user
            )
        except actions.RequestError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The lock is saved."))
    else:
        messages.error(request, _("Choose an open slot of this event and one of its tables."))
    return redirect("events:requests", pk=event.pk)


@login_required
@require_POST
def slot_block(request: HttpRequest, pk: int, slot_pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    slot = get_object_or_404(Slot, pk=slot_pk, event=event)
    actions.block_slot(slot, request.POST.get("blocked") == "1", request.user)
    messages.success(
        request,
        (_("Slot %(slot)s is blocked.") if slot.blocked else _("Slot %(slot)s is open."))
        % {"slot": slot.code},
    )
    return redirect("events:organise", pk=event.pk)
