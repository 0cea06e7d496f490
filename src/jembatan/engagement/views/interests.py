"""The pages of expressions of interest: my interests, the form, one interest with its
actions, and the officers' queue. Each POST calls one domain action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.engagement.domain import interests as actions
from jembatan.engagement.domain.introductions import visible_introductions
from jembatan.engagement.interfaces.forms import (
    AcceptForm,
    DeclineForm,
    InterestForm,
    OfficerNoteForm,
    ResubmitForm,
)
from jembatan.engagement.models import ExpressionOfInterest, InterestStatus
from jembatan.opportunities.domain.presentation import public_view
from jembatan.opportunities.domain.queries.profiles import for_display, visible_profiles


def _shown(interest: ExpressionOfInterest, user: Any) -> dict[str, Any]:
    """An interest with the profile as the user may see it (public_view) and its actions."""
    company = user.company_id_or_none
    is_requester = company == interest.requester_company_id
    owner = company == interest.profile.company_id
    status = interest.status
    open_ = status in (InterestStatus.PENDING, InterestStatus.AWAITING_OFFICER)
    review = user.has_perm("engagement.review_interests") and status == "awaiting_officer"
    return {
        "interest": interest,
        "profile": public_view(interest.profile, user),
        "is_requester": is_requester,
        "is_owner": owner,
        "introduction": getattr(interest, "introduction", None),
        "can_answer": owner and status == InterestStatus.PENDING,
        "can_withdraw": is_requester and open_,
        "can_resubmit": is_requester and open_ and interest.improvement_requested,
        "can_review": review and not interest.improvement_requested,
        "can_decline_as_officer": review,
    }


@login_required
def interest_list(request: HttpRequest) -> HttpResponse:
    box = request.GET.get("box", "received")
    if box not in ("sent", "received"):
        box = "received"
    user: Any = request.user
    rows = actions.visible_interests(user, box) if user.company_id_or_none else []
    introductions = list(visible_introductions(user).order_by("-last_activity_at", "-id")[:50])
    return render(
        request,
        "engagement/interest_list.html",
        {
            "box": box,
            "rows": [_shown(i, user) for i in rows],
            "introductions": introductions,
            "has_company": bool(user.company_id_or_none),
        },
    )


@login_required
def interest_new(request: HttpRequest, profile_pk: int) -> HttpResponse:
    user: Any = request.user
    profile = get_object_or_404(for_display(visible_profiles(user)), pk=profile_pk)
    shown = public_view(profile, user)
    problem = actions.refusal(user, profile)
    form = InterestForm(request.POST or None, company_id=user.company_id_or_none)
    if request.method == "POST" and problem is None and form.is_valid():
        try:
            interest = actions.express_interest(
                user,
                profile,
                form.cleaned_data["message"],
                contacts=form.cleaned_data["contacts"],
                language=form.cleaned_data["language"],
            )
        except actions.InterestError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Sent. An officer reviews it before it reaches the owner.")
                if interest.status == InterestStatus.AWAITING_OFFICER
                else _("Sent. The owner will answer you here."),
            )
            return redirect("engagement:interest", pk=interest.pk)
    return render(
        request,
        "engagement/interest_form.html",
        {"profile": shown, "form": form, "problem": problem},
        status=200,
    )


def _get(request: HttpRequest, pk: int) -> ExpressionOfInterest:
    """The interest if the user may see it; 404 otherwise."""
    return get_object_or_404(actions.visible_interests(request.user), pk=pk)


@login_required
def interest_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interest = _get(request, pk)
    user: Any = request.user
    context = _shown(interest, user) | {
        "accept_form": AcceptForm(company_id=user.company_id_or_none),
        "decline_form": DeclineForm(),
        "note_form": OfficerNoteForm(),
        "resubmit_form": ResubmitForm(
            initial={"message": interest.message, "language": interest.message_language}
        ),
        "own_contacts": list(interest.contacts.all())
        if user.company_id_or_none == interest.requester_company_id or user.is_officer
        else [],
    }
    return render(request, "engagement/interest_detail.html", context)


def _act(
    request: HttpRequest, pk: int, run: Callable[[ExpressionOfInterest], Any], done: str
) -> HttpResponse:
    interest = _get(request, pk)
    try:
        result = run(interest)
    except actions.InterestError as error:
        messages.error(request, str(error))
        return redirect("engagement:interest", pk=pk)
    # PermissionDenied is left to the 403 page: someone who may not act is refused, not told
    # "done" or "invalid" by a redirect.
    messages.success(request, done)
    if result is not None and hasattr(result, "stage"):
        return redirect("engagement:introduction", pk=result.pk)
    return redirect("engagement:interest", pk=pk)


@login_required
@require_POST
def interest_accept(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    form = AcceptForm(request.POST, company_id=user.company_id_or_none)
    contacts = list(form.cleaned_data["contacts"]) if form.is_valid() else []
    return _act(
        request,
        pk,
        lambda i: actions.accept(user, i, contacts),
        _("Accepted. You are introduced: names and chosen contacts are now shown to both."),
    )


def _decline(request: HttpRequest, pk: int) -> HttpResponse:
    form = DeclineForm(request.POST)
    # An invalid form is the domain's to refuse, after it has asked who may decline.
    valid = form.is_valid()
    reason = form.cleaned_data["reason"] if valid else ""
    note = form.cleaned_data["note"] if valid else ""
    return _act(
        request,
        pk,
        lambda i: actions.decline(request.user, i, reason, note),
        _("Declined. The interested company is told the reason."),
    )


@login_required
@require_POST
def interest_decline(request: HttpRequest, pk: int) -> HttpResponse:
    return _decline(request, pk)


@login_required
@require_POST
def interest_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda i: actions.withdraw(request.user, i), _("Withdrawn."))


@login_required
@require_POST
def interest_forward(request: HttpRequest, pk: int) -> HttpResponse:
    form = OfficerNoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return _act(
        request,
        pk,
        lambda i: actions.forward(request.user, i, note),
        _("Forwarded to the profile's owner."),
    )


@login_required
@require_POST
def interest_improve(request: HttpRequest, pk: int) -> HttpResponse:
    form = OfficerNoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return _act(
        request,
        pk,
        lambda i: actions.ask_improvement(request.user, i, note),
        _("Sent back to the requester to improve."),
    )


@login_required
@require_POST
def interest_resubmit(request: HttpRequest, pk: int) -> HttpResponse:
    form = ResubmitForm(request.POST)
    # An invalid form is the domain's to refuse (it checks the message and its language the
    # same way), after it has asked who may resubmit.
    data = form.cleaned_data if form.is_valid() else request.POST
    message, language = str(data.get("message", "")), str(data.get("language", ""))
    return _act(
        request,
        pk,
        lambda i: actions.resubmit(request.user, i, message, language),
        _("Resubmitted for review."),
    )


@login_required
def officer_queue(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not user.has_perm("engagement.review_interests"):
        raise PermissionDenied
    rows = [_shown(i, user) for i in actions.officer_queue()]
    return render(
        request,
        "engagement/queue.html",
        {"rows": rows, "note_form": OfficerNoteForm(), "decline_form": DeclineForm()},
    )
