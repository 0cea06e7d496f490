"""The organiser's pages: set-up (slots, interpreters), scheduling runs, the draft and its
edits, publishing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.events.domain import drafts, grid
from jembatan.events.domain.figures import run_figures
from jembatan.events.domain.instances import accepted_requests
from jembatan.events.domain.reasons import reason_text
from jembatan.events.domain.scheduling import (
    PublishError,
    publication_mark,
    publish_draft,
    start_run,
)
from jembatan.events.domain.slots import SlotError, generate_slots
from jembatan.events.interfaces.forms import DropForm, MoveForm, RunForm, SwapForm
from jembatan.events.models import Meeting, RunKind, RunStatus, Stage
from jembatan.events.tasks import task_schedule_event
from jembatan.events.views.common import get_organised_event


@login_required
def organise(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    context = {
        "event": event,
        "sessions": list(event.sessions.all()),
        "slots": list(event.slots.all()),
        "interpreters": list(event.interpreters.all()),
        "runs": list(event.runs.select_related("started_by")[:10]),
    }
    return render(request, "events/organise.html", context)


@login_required
@require_POST
def slots_generate(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    try:
        slots = generate_slots(event)
    except SlotError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(count)s slots generated.") % {"count": len(slots)})
    return redirect("events:organise", pk=event.pk)


VIEWS = ("grid", "list")


def _chosen(request: HttpRequest, name: str, known: set[int]) -> int | None:
    """A pk from the query string (a cell clicked in the grid), if it is one of ``known``."""
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and int(value) in known else None


@login_required
def draft(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    # One query for both stages: the grid marks draft meetings already published there.
    meetings, published_meetings = grid.split_stages(
        Meeting.objects.filter(
            event=event, stage__in=(Stage.DRAFT, Stage.PUBLISHED), freed_at__isnull=True
        ).select_related(
            "slot", "table", "interpreter", "request__sender__company", "request__receiver__company"
        )
    )
    slots = list(event.slots.order_by("starts_at"))
    tables = list(event.tables.all())
    run = event.runs.filter(kind=RunKind.SCHEDULE).select_related("started_by").first()
    last_good = (
        run
        if run and run.status == RunStatus.SUCCEEDED
        else event.runs.filter(kind=RunKind.SCHEDULE, status=RunStatus.SUCCEEDED).first()
    )
    placed = {m.request_id for m in meetings}
    reasons = last_good.reasons if last_good else {}
    unscheduled = [
        (r, reason_text(reasons[str(r.pk)]) if str(r.pk) in reasons else "")
        for r in accepted_requests(event)
        if r.pk not in placed
    ]
    view = request.GET.get("view", "grid")
    meeting_pks = {m.pk for m in meetings}
    context = {
        "event": event,
        "meetings": meetings,
        "view": view if view in VIEWS else "grid",
        "days": grid.draft_grid(event, slots, tables, meetings, published_meetings),
        "slots": slots,
        "open_slots": [s for s in slots if not s.blocked],
        "tables": tables,
        "chosen": {
            "meeting": _chosen(request, "meeting", meeting_pks),
            "other": _chosen(request, "other", meeting_pks),
            "slot": _chosen(request, "slot", {s.pk for s in slots if not s.blocked}),
            "table": _chosen(request, "table", {t.pk for t in tables}),
        },
        "run": run,
        "figures": run_figures(last_good),
        "last_good": last_good,
        "quality": grid.quality_percent(last_good),
        "unscheduled": unscheduled,
        "conflicts": drafts.draft_conflicts(event) if meetings else [],
        "run_form": RunForm(),
        # The edit forms give their labels; their choices come from the lists above, so
        # rendering them costs no query.
        "move_form": MoveForm(event=event),
        "swap_form": SwapForm(event=event),
        "drop_form": DropForm(event=event),
        "published": event.schedule_published_at,
        "publication_mark": publication_mark(event),
    }
    return render(request, "events/draft.html", context)


def _back(request: HttpRequest, event_pk: int) -> HttpResponse:
    """Back to the draft, in the view (grid or list) the edit was made from."""
    url = reverse("events:draft", kwargs={"pk": event_pk})
    return redirect(f"{url}?view=list" if request.POST.get("view") == "list" else url)


@login_required
@require_POST
def schedule_run(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    form = RunForm(request.POST)
    allow_moves = form.is_valid() and form.cleaned_data["allow_moves"]
    run = start_run(event, request.user, allow_moves=allow_moves)
    task_schedule_event.delay(event.pk, run.pk)
    run.refresh_from_db()
    if run.status == RunStatus.SUCCEEDED:
        messages.success(
            request,
            _("The draft holds %(count)s meetings (objective %(objective)s of at most %(bound)s).")
            % {"count": run.meeting_count, "objective": run.objective, "bound": run.upper_bound},
        )
    elif run.status == RunStatus.FAILED:
        messages.error(
            request,
            _("The run failed; the previous draft is unchanged. %(error)s") % {"error": run.error},
        )
    else:
        messages.info(request, _("The scheduler is running; reload this page in a minute."))
    return redirect("events:draft", pk=event.pk)


def _warn_conflicts(request: HttpRequest, conflicts: list[str]) -> None:
    for conflict in conflicts:
        messages.warning(request, _("Conflict: %(problem)s") % {"problem": conflict})


def _edit_draft(
    request: HttpRequest,
    pk: int,
    form_class: type[MoveForm | SwapForm | DropForm],
    edit: Callable[[dict[str, Any], Any], list[str]],
    invalid: str,
    done: str,
) -> HttpResponse:
    """Check the edit's form, apply it to the draft, report it and the conflicts it leaves."""
    event = get_organised_event(request, pk)
    form = form_class(request.POST, event=event)
    if not form.is_valid():
        messages.error(request, invalid)
        return _back(request, event.pk)
    conflicts = edit(form.cleaned_data, request.user)
    messages.success(request, done)
    _warn_conflicts(request, conflicts)
    return _back(request, event.pk)


@login_required
@require_POST
def draft_move(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit_draft(
        request,
        pk,
        MoveForm,
        lambda data, user: drafts.move_meeting(data["meeting"], data["slot"], data["table"], user),
        _("Choose a meeting of the draft, an open slot and a table."),
        _("The meeting is moved."),
    )


@login_required
@require_POST
def draft_swap(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit_draft(
        request,
        pk,
        SwapForm,
        lambda data, user: drafts.swap_meetings(data["meeting"], data["other"], user),
        _("Choose two meetings of the draft."),
        _("The meetings are swapped."),
    )


@login_required
@require_POST
def draft_drop(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit_draft(
        request,
        pk,
        DropForm,
        lambda data, user: drafts.drop_meeting(data["meeting"], user),
        _("Choose a meeting of the draft."),
        _("The meeting is dropped from the draft."),
    )


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    try:
        count = publish_draft(event, request.user, seen=request.POST.get("published"))
    except PublishError as error:
        messages.error(request, str(error))
        _warn_conflicts(request, error.conflicts)
    else:
        messages.success(request, _("%(count)s meetings are published.") % {"count": count})
    return _back(request, event.pk)
