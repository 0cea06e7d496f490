"""The officers' pipeline: a board by stage (cards moved with buttons, or dragged when
JavaScript runs) and a filtered table, exportable to XLSX."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.engagement.domain.board import board, cards, filtered, pipeline_rows
from jembatan.engagement.domain.pipeline import StageError, change_stage
from jembatan.engagement.interfaces.agreement_forms import MoveForm, PipelineFilterForm
from jembatan.engagement.interfaces.pipeline_xlsx import pipeline_workbook
from jembatan.engagement.models import DeclineReason, Introduction, Stage

TABLE_LIMIT = 500


def require_officer(request: HttpRequest) -> None:
    if not request.user.has_perm("engagement.view_pipeline"):
        raise PermissionDenied


@login_required
def board_view(request: HttpRequest) -> HttpResponse:
    require_officer(request)
    form = PipelineFilterForm(request.GET or None)
    now = timezone.now()
    columns = board(filtered(pipeline_rows(), form.filters(), now), now)
    context = {
        "columns": columns,
        "form": form,
        "stages": Stage.choices,
        "reasons": DeclineReason.choices,
        "stale_count": sum(c.stale for column in columns for c in column.cards),
    }
    return render(request, "engagement/pipeline_board.html", context)


@login_required
def table_view(request: HttpRequest) -> HttpResponse:
    require_officer(request)
    form = PipelineFilterForm(request.GET or None)
    now = timezone.now()
    rows = filtered(pipeline_rows(), form.filters(), now)
    total = rows.count()
    context = {
        "form": form,
        "cards": cards(list(rows[:TABLE_LIMIT]), now),
        "total": total,
        "limit": TABLE_LIMIT,
        "query": request.GET.urlencode(),
    }
    return render(request, "engagement/pipeline_table.html", context)


@login_required
def table_export(request: HttpRequest) -> HttpResponse:
    require_officer(request)
    form = PipelineFilterForm(request.GET or None)
    now = timezone.now()
    rows = cards(list(filtered(pipeline_rows(), form.filters(), now)), now)
    response = HttpResponse(
        pipeline_workbook(rows),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="jembatan-pipeline-{stamp}.xlsx"'
    return response


@login_required
@require_POST
def board_move(request: HttpRequest, pk: int) -> HttpResponse:
    require_officer(request)
    introduction = get_object_or_404(Introduction, pk=pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a stage."))
    else:
        try:
            change_stage(
                request.user,
                introduction,
                form.cleaned_data["stage"],
                reason=form.cleaned_data.get("reason", ""),
                note=form.cleaned_data.get("note", ""),
            )
        except StageError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Moved to “%(stage)s”.") % {"stage": Stage(form.cleaned_data["stage"]).label},
            )
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("engagement:board")
