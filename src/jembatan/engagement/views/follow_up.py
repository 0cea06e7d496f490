"""Answering a request for an update: from the e-mail's link (a signed token) or in the app.

The link's GET only shows the answer with one button: mail scanners open links, and an
answer must not be given by a machine following one.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.engagement.domain.follow_up import (
    FollowUpError,
    answer_follow_up,
    company_for,
    open_request,
    read_token,
)
from jembatan.engagement.domain.introductions import visible_introductions
from jembatan.engagement.domain.pipeline import StageError
from jembatan.engagement.interfaces.agreement_forms import FollowUpAnswerForm
from jembatan.engagement.models import FollowUpAnswer


def follow_up_answer(request: HttpRequest, token: str) -> HttpResponse:
    try:
        follow_up, company = read_token(token)
    except FollowUpError as error:
        return render(
            request, "engagement/follow_up_answer.html", {"problem": str(error)}, status=404
        )
    initial = {"answer": request.GET.get("answer", "")}
    form = FollowUpAnswerForm(request.POST or None, initial=initial)
    done = False
    if request.method == "POST" and form.is_valid():
        try:
            answer_follow_up(
                follow_up,
                company,
                form.cleaned_data["answer"],
                actor=request.user
                if request.user.is_authenticated
                and company_for(request.user, follow_up.introduction) == company
                else None,
                reason=form.cleaned_data.get("reason", ""),
                note=form.cleaned_data.get("note", ""),
            )
        except (FollowUpError, StageError) as error:
            form.add_error(None, str(error))
        else:
            done = True
    context = {
        "form": form,
        "company": company,
        "follow_up": follow_up,
        "done": done or follow_up.answered_at is not None,
        "chosen": FollowUpAnswer(initial["answer"]).label
        if initial["answer"] in FollowUpAnswer.values
        else "",
    }
    return render(request, "engagement/follow_up_answer.html", context)


@login_required
@require_POST
def follow_up_in_app(request: HttpRequest, pk: int) -> HttpResponse:
    introduction = get_object_or_404(visible_introductions(request.user), pk=pk)
    company = company_for(request.user, introduction)
    follow_up = open_request(introduction)
    if company is None:
        raise PermissionDenied
    form = FollowUpAnswerForm(request.POST)
    if follow_up is None:
        messages.info(request, _("This request has already been answered. Thank you."))
    elif not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    else:
        try:
            answer_follow_up(
                follow_up,
                company,
                form.cleaned_data["answer"],
                actor=request.user,
                reason=form.cleaned_data.get("reason", ""),
                note=form.cleaned_data.get("note", ""),
            )
        except (FollowUpError, StageError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you: the introduction is up to date."))
    return redirect("engagement:introduction", pk=introduction.pk)
