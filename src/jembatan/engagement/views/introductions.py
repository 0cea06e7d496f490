"""An introduction's page: the two companies, disclosed contacts, stage and thread."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.core.interfaces.downloads import stored_file_response
from jembatan.engagement.domain.introductions import (
    MessageError,
    own_side,
    partner_side,
    post_message,
    visible_introductions,
)
from jembatan.engagement.domain.pipeline import StageError, change_stage, next_stages
from jembatan.engagement.interfaces.forms import MessageForm, StageForm
from jembatan.engagement.models import DeclineReason, Introduction, Stage

STAGE_ORDER = [Stage.INTRODUCED, Stage.MET, Stage.NEGOTIATING, Stage.SIGNED]


def _get(request: HttpRequest, pk: int) -> Introduction:
    return get_object_or_404(visible_introductions(request.user), pk=pk)


@login_required
def introduction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    introduction = _get(request, pk)
    user: Any = request.user
    form = MessageForm()
    if request.method == "POST":
        form = MessageForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                post_message(
                    user,
                    introduction,
                    form.cleaned_data["body"],
                    language=form.cleaned_data["language"],
                    attachment=form.cleaned_data["attachment"],
                )
            except (MessageError, PermissionDenied) as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Message sent."))
                return redirect("engagement:introduction", pk=pk)
    reached = (
        STAGE_ORDER.index(Stage(introduction.stage)) if introduction.stage in STAGE_ORDER else -1
    )
    context = {
        "introduction": introduction,
        "partner": partner_side(introduction, user),
        "own": own_side(introduction, user),
        "is_officer": bool(user.is_officer),
        "thread": introduction.messages.select_related("sender_company", "sender"),
        "changes": introduction.stage_changes.select_related("changed_by"),
        "form": form,
        "stage_form": StageForm(),
        "next_stages": [
            (s, Stage(s).label) for s in next_stages(introduction) if s != Stage.CLOSED
        ],
        "can_close": introduction.stage != Stage.CLOSED,
        "close_reasons": DeclineReason.choices,
        "close_reason_label": DeclineReason(introduction.close_reason).label
        if introduction.close_reason in DeclineReason.values
        else introduction.close_reason,
        "steps": [
            {"key": s, "label": Stage(s).label, "done": i <= reached}
            for i, s in enumerate(STAGE_ORDER)
        ],
    }
    return render(request, "engagement/introduction_detail.html", context)


@login_required
@require_POST
def introduction_stage(request: HttpRequest, pk: int) -> HttpResponse:
    introduction = _get(request, pk)
    form = StageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a stage."))
        return redirect("engagement:introduction", pk=pk)
    data = form.cleaned_data
    try:
        change_stage(request.user, introduction, data["stage"], data["reason"], note=data["note"])
    except (StageError, PermissionDenied) as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Stage changed to “%(stage)s”.") % {"stage": Stage(data["stage"]).label},
        )
    return redirect("engagement:introduction", pk=pk)


@login_required
def message_attachment(request: HttpRequest, pk: int, message_pk: int) -> FileResponse:
    introduction = _get(request, pk)
    message = introduction.messages.filter(pk=message_pk).first()
    if message is None or not message.attachment:
        raise Http404
    return stored_file_response(
        message.attachment, message.attachment_name, message.attachment_type
    )
