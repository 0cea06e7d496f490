"""On the day (check-in, no-shows, filling freed slots) and after it (ratings)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from jembatan.events.domain.agenda import participant_agenda
from jembatan.events.domain.checkin import (
    CheckinError,
    FreedCountChangedError,
    check_in,
    event_days_text,
    is_event_day,
    mark_no_show,
    meetings_freed_by_no_show,
)
from jembatan.events.domain.event_day import event_day
from jembatan.events.domain.feedback import RatingError, can_be_rated, not_yet_text, rate_meeting
from jembatan.events.domain.scheduling import start_run
from jembatan.events.interfaces.forms import RatingForm
from jembatan.events.models import Meeting, Participant, RunKind, RunStatus, Stage
from jembatan.events.tasks import task_schedule_event
from jembatan.events.views.common import get_organised_event, get_participant

ANY_DAY = "any_day"  # the officer's explicit choice to check in outside the event's days


def _any_day(request: HttpRequest) -> bool:
    return (request.POST.get(ANY_DAY) or request.GET.get(ANY_DAY)) == "1"


@login_required
def checkin_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    participants = Participant.objects.filter(event=event).select_related("company")
    context = {
        "event": event,
        "participants": participants,
        "event_day": is_event_day(event),
        "event_days": event_days_text(event),
        "any_day": _any_day(request),
    }
    return render(request, "events/checkin.html", context)


def _back_to_list(event_pk: int, any_day: bool) -> HttpResponse:
    url = reverse("events:checkin", kwargs={"pk": event_pk})
    return redirect(f"{url}?{ANY_DAY}=1" if any_day else url)


@login_required
def participant_checkin(
    request: HttpRequest, pk: int, participant_pk: int, state: str
) -> HttpResponse:
    """Present: a POST checks in. Absent: a page says how many meetings it frees, and only
    its confirming POST (which repeats that number) marks the no-show."""
    event = get_organised_event(request, pk)
    if state not in ("present", "absent"):
        raise Http404
    participant = get_object_or_404(
        Participant.objects.select_related("company", "event"), pk=participant_pk, event=event
    )
    any_day = _any_day(request)
    if state == "present":
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        try:
            check_in(participant, request.user, outside_event_days=any_day)
        except CheckinError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s is checked in.") % {"name": participant.name})
        return _back_to_list(event.pk, any_day)
    expected = request.POST.get("expected", "")
    if request.method == "POST" and expected.isdigit():
        try:
            freed = mark_no_show(
                participant, request.user, expected=int(expected), outside_event_days=any_day
            )
        except FreedCountChangedError as error:
            messages.warning(request, str(error))
        except CheckinError as error:
            messages.error(request, str(error))
            return _back_to_list(event.pk, any_day)
        else:
            messages.warning(
                request,
                ngettext(
                    "%(name)s did not come: %(count)s meeting is freed.",
                    "%(name)s did not come: %(count)s meetings are freed.",
                    freed,
                )
                % {"name": participant.name, "count": freed},
            )
            return _back_to_list(event.pk, any_day)
    context = {
        "event": event,
        "participant": participant,
        "freed": meetings_freed_by_no_show(participant),
        "agenda": participant_agenda(participant),
        "event_day": is_event_day(event),
        "event_days": event_days_text(event),
        "any_day": any_day,
    }
    return render(request, "events/checkin_confirm.html", context)


@login_required
@require_POST
def fill_freed(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    run = start_run(event, request.user, kind=RunKind.FILL)
    task_schedule_event.delay(event.pk, run.pk)
    run.refresh_from_db()
    if run.status == RunStatus.SUCCEEDED:
        messages.success(
            request,
            _("%(count)s waiting requests got a freed slot.") % {"count": run.meeting_count},
        )
    elif run.status == RunStatus.FAILED:
        messages.error(
            request, _("Filling failed; nothing changed. %(error)s") % {"error": run.error}
        )
    else:
        messages.info(request, _("The scheduler is running; reload this page in a minute."))
    return redirect("events:checkin", pk=event.pk)


@login_required
def meeting_rate(
    request: HttpRequest, pk: int, participant_pk: int, meeting_pk: int
) -> HttpResponse:
    participant = get_participant(request, pk, participant_pk, "events.rate_meeting")
    # Only the participant's own meetings: another pair's is unknown here, like a wrong id.
    meeting = get_object_or_404(
        Meeting.objects.select_related(
            "request__sender__company", "request__receiver__company", "slot", "event"
        ).filter(Q(request__sender=participant) | Q(request__receiver=participant)),
        pk=meeting_pk,
        event_id=participant.event_id,
        stage=Stage.PUBLISHED,
    )
    if not can_be_rated(meeting):
        messages.info(request, not_yet_text(meeting))
        return redirect("events:participant", pk=pk, participant_pk=participant.pk)
    form = RatingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rate_meeting(meeting, participant, user=request.user, **form.cleaned_data)
        except RatingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you: your rating is saved."))
            return redirect("events:participant", pk=pk, participant_pk=participant.pk)
    context = {
        "event": participant.event,
        "participant": participant,
        "meeting": meeting,
        "form": form,
    }
    return render(request, "events/rating_form.html", context)


@login_required
def participant_day(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    """The participant's event day on a phone: the next meeting first, then the rest."""
    participant = get_participant(request, pk, participant_pk, "events.view_agenda")
    context = {
        "event": participant.event,
        "participant": participant,
        "day": event_day(participant, timezone.now()),
    }
    return render(request, "events/event_day.html", context)
