"""Registering representatives (company members) and interpreters (officers)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.events.domain.agenda import participant_agenda
from jembatan.events.domain.feedback import can_be_rated
from jembatan.events.domain.recommendations import recommended_partners
from jembatan.events.domain.registration import (
    RegistrationClosedError,
    registration_problem,
    save_participant,
)
from jembatan.events.interfaces.forms import InterpreterForm, ParticipantForm, RequestForm
from jembatan.events.models import MeetingRating, MeetingRequest, Participant
from jembatan.events.views.common import get_event, get_organised_event, get_participant, require
from jembatan.registry.models import Company


def _write(form: ParticipantForm) -> Callable[[Participant], None]:
    """Saves the form's instance (the participant handed to save_participant) and its slots."""

    def write(participant: Participant) -> None:
        assert participant is form.instance
        form.save()

    return write


@login_required
def participant_register(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event(request, pk)
    require(request.user, "events.register_participant", event)
    company = None
    if not request.user.has_perm("events.organise_event", event):
        closed = registration_problem(request.user, event)
        if closed:
            messages.error(request, _("Registration: %(reason)s") % {"reason": closed})
            return redirect("events:detail", pk=event.pk)
        company_pk = getattr(request.user, "company_id_or_none", None)
        if company_pk is None:
            raise PermissionDenied
        company = Company.objects.get(pk=company_pk)
    form = ParticipantForm(request.POST or None, event=event, company=company)
    if request.method == "POST" and form.is_valid():
        try:
            participant = save_participant(request.user, form.instance, _write(form))
        except RegistrationClosedError as closed:
            messages.error(request, str(closed))
            return redirect("events:detail", pk=event.pk)
        messages.success(request, _("%(name)s is registered.") % {"name": participant.name})
        return redirect("events:participant", pk=event.pk, participant_pk=participant.pk)
    return render(request, "events/participant_form.html", {"event": event, "form": form})


@login_required
def participant_edit(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    participant = get_participant(request, pk, participant_pk, "events.change_participant")
    event = participant.event
    form = ParticipantForm(
        request.POST or None, instance=participant, event=event, company=participant.company
    )
    if request.method == "POST" and form.is_valid():
        save_participant(request.user, participant, _write(form))
        messages.success(request, _("%(name)s is saved.") % {"name": participant.name})
        return redirect("events:participant", pk=event.pk, participant_pk=participant.pk)
    return render(
        request,
        "events/participant_form.html",
        {"event": event, "form": form, "participant": participant},
    )


@login_required
def participant_detail(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    participant = get_participant(request, pk, participant_pk, "events.view_participant")
    requests = (
        MeetingRequest.objects.filter(Q(sender=participant) | Q(receiver=participant))
        .select_related("sender__company", "receiver__company")
        .order_by("-created_at")
    )
    agenda = participant_agenda(participant)
    rated = set(
        MeetingRating.objects.filter(participant=participant).values_list("meeting_id", flat=True)
    )
    context = {
        "event": participant.event,
        "participant": participant,
        "requests": requests,
        "agenda": agenda,
        "rated": rated,
        "rateable": {line.meeting.pk for line in agenda if can_be_rated(line.meeting)},
        "recommended": recommended_partners(participant),
        "form": RequestForm(sender=participant),
        "show_contact": request.user.has_perm("events.view_participant_contact", participant),
    }
    return render(request, "events/participant_detail.html", context)


@login_required
def interpreter_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    form = InterpreterForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        interpreter = form.save()
        log_action("jembatan.interpreter.registered", interpreter, request.user)
        messages.success(request, _("%(name)s is registered.") % {"name": interpreter.name})
        return redirect("events:organise", pk=event.pk)
    return render(request, "events/interpreter_form.html", {"event": event, "form": form})
