"""Officers' queues: claims of registered companies, and institutions that signed up."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.accounts.domain.claims import (
    DecisionConflictError,
    confirm_claim,
    decide_institution,
    pending_claims,
    pending_institutions,
    reject_claim,
)
from jembatan.accounts.interfaces.forms import DecisionForm
from jembatan.accounts.models import CompanyClaim, Organisation
from jembatan.accounts.tasks import (
    after_commit,
    task_send_claim_decision,
    task_send_institution_decision,
)

VERDICTS = ("confirm", "reject")


def _require_officer(request: HttpRequest) -> None:
    if not request.user.has_perm("accounts.review_signups"):
        raise PermissionDenied


@login_required
def claims(request: HttpRequest) -> HttpResponse:
    _require_officer(request)
    context = {"claims": list(pending_claims()[:100]), "form": DecisionForm()}
    return render(request, "accounts/claims.html", context)


@require_POST
@login_required
def decide_claim(request: HttpRequest, pk: int, verdict: str) -> HttpResponse:
    _require_officer(request)
    if verdict not in VERDICTS:
        raise Http404
    claim = get_object_or_404(CompanyClaim.objects.select_related("company", "user"), pk=pk)
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if verdict == "confirm":
            confirm_claim(claim, request.user)
            message = _("%(person)s is now a member of %(company)s.")
        else:
            reject_claim(claim, request.user, note)
            message = _("The claim of %(person)s on %(company)s is refused.")
    except DecisionConflictError as error:
        messages.error(request, str(error))
        return redirect("accounts:claims")
    after_commit(task_send_claim_decision, claim.pk)
    person = claim.user.get_full_name() or claim.user.email
    messages.success(request, message % {"person": person, "company": claim.company.name})
    return redirect("accounts:claims")


@login_required
def institutions(request: HttpRequest) -> HttpResponse:
    _require_officer(request)
    context = {"institutions": list(pending_institutions()[:100]), "form": DecisionForm()}
    return render(request, "accounts/institutions.html", context)


@require_POST
@login_required
def decide_institution_view(request: HttpRequest, pk: int, verdict: str) -> HttpResponse:
    _require_officer(request)
    if verdict not in VERDICTS:
        raise Http404
    organisation = get_object_or_404(Organisation, pk=pk, kind=Organisation.Kind.INSTITUTION)
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    outcome = (
        Organisation.Verification.VERIFIED
        if verdict == "confirm"
        else Organisation.Verification.REJECTED
    )
    try:
        decide_institution(organisation, request.user, outcome, note)
    except DecisionConflictError as error:
        messages.error(request, str(error))
        return redirect("accounts:institutions")
    after_commit(task_send_institution_decision, organisation.pk)
    message = (
        _("%(name)s is confirmed.")
        if outcome == Organisation.Verification.VERIFIED
        else _("%(name)s is refused.")
    )
    messages.success(request, message % {"name": organisation.name})
    return redirect("accounts:institutions")
