"""On the day (check-in, no-shows, filling freed slots) and after it (ratings)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.events.domain.checkin import check_in, mark_no_show
from jembatan.events.domain.feedback import RatingError, rate_meeting
from jembatan.events.domain.scheduling import start_run
from jembatan.events.interfaces.forms import RatingForm
from jembatan.events.models import Meeting, Participant, RunKind, RunStatus, Stage
from jembatan.events.tasks import task_schedule_event
from jembatan.events.views.common import get_organised_event, get_participant


@login_required
def checkin_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    participants = Participant.objects.filter(event=event).select_related("company")
    return render(request, "events/checkin.html", {"event": event, "participants": participants})


@login_required
@require_POST
def participant_checkin(
    request: HttpRequest, pk: int, participant_pk: int, state: str
) -> HttpResponse:
    event = get_organised_event(request, pk)
    if state not in ("present", "absent"):
        raise Http404
    participant = get_object_or_404(Participant, pk=participant_pk, event=event)
    if state == "present":
        check_in(participant, request.user)
        messages.success(request, _("%(name)s is checked in.") % {"name": participant.name})
    else:
        freed = mark_no_show(participant, request.user)
        messages.warning(
            request,
            _("%(name)s did not come: %(count)s meetings are freed.")
            % {"name": participant.name, "count": freed},
        )
    return redirect("events:checkin", pk=event.pk)


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
    meeting = get_object_or_404(
        Meeting.objects.select_related(
            "request__sender__company", "request__receiver__company", "slot"
        ),
        pk=meeting_pk,
        event_id=participant.event_id,
        stage=Stage.PUBLISHED,
    )
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
