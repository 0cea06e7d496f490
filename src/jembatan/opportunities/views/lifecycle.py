"""The lifecycle buttons (submit, validate, return, publish, extend, close) and the
officers' validation queue. Each is a POST that calls one domain action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.opportunities.domain import lifecycle
from jembatan.opportunities.domain.presentation import public_view
from jembatan.opportunities.domain.queries.profiles import for_display, validation_queue
from jembatan.opportunities.interfaces.forms import CloseForm, ReturnForm
from jembatan.opportunities.models import PartnershipProfile
from jembatan.opportunities.views.common import get_visible_profile


def _run(
    request: HttpRequest,
    pk: int,
    action: Callable[[PartnershipProfile, Any], None],
    done: str,
) -> HttpResponse:
    profile = get_visible_profile(request, pk)
    try:
        action(profile, request.user)
    except lifecycle.TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("opportunities:detail", pk=profile.pk)


@login_required
@require_POST
def profile_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _run(request, pk, lifecycle.submit, _("Submitted for validation by an officer."))


@login_required
@require_POST
def profile_validate(request: HttpRequest, pk: int) -> HttpResponse:
    return _run(request, pk, lifecycle.validate, _("Validated. The poster can now publish it."))


@login_required
@require_POST
def profile_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _run(request, pk, lifecycle.publish, _("Published for 365 days."))


@login_required
@require_POST
def profile_extend(request: HttpRequest, pk: int) -> HttpResponse:
    return _run(request, pk, lifecycle.extend, _("Extended by 365 days."))


def _run_with_reason(
    request: HttpRequest,
    pk: int,
    name: str,
    form_class: type[ReturnForm | CloseForm],
    action: Callable[[PartnershipProfile, Any, str], None],
    missing: str,
    done: str,
) -> HttpResponse:
    """`_run` for an action that needs the reason given in `form_class`'s one field. Who may
    do it is asked first: someone refused gets 403, not the form's errors."""
    lifecycle.require(request.user, name, get_visible_profile(request, pk))
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, missing)
        return redirect("opportunities:detail", pk=pk)
    reason = form.cleaned_data["reason"]
    return _run(request, pk, lambda profile, user: action(profile, user, reason), done)


@login_required
@require_POST
def profile_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _run_with_reason(
        request,
        pk,
        "return",
        ReturnForm,
        lifecycle.return_with_reason,
        _("Give the reason for returning the profile."),
        _("Returned to the poster with your reason."),
    )


@login_required
@require_POST
def profile_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _run_with_reason(
        request,
        pk,
        "close",
        CloseForm,
        lifecycle.close,
        _("Choose why the profile is closed."),
        _("The profile is closed."),
    )


@login_required
def validation_queue_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("opportunities.review_profiles"):
        raise PermissionDenied
    profiles = [public_view(p, request.user) for p in for_display(validation_queue())]
    return render(
        request,
        "opportunities/validation_queue.html",
        {"profiles": profiles, "return_form": ReturnForm(auto_id=False)},
    )
