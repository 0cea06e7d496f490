"""Agreement pages: entry from an introduction, the agreement with its confirmations and
documents, the outcome check-in form, and the list of the user's agreements."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.core.interfaces.downloads import stored_file_response
from jembatan.engagement.domain.agreements import (
    AgreementError,
    acting_party,
    attach_document,
    confirm_agreement,
    is_officer,
    may_report_for,
    report_agreement,
    verify_agreement,
    visible_agreements,
    with_parties,
)
from jembatan.engagement.domain.figures import programme_totals
from jembatan.engagement.domain.introductions import visible_introductions
from jembatan.engagement.domain.money import MoneyError, format_money
from jembatan.engagement.domain.outcomes import latest_by_party, record_observation
from jembatan.engagement.domain.pipeline import StageError
from jembatan.engagement.interfaces.agreement_forms import AgreementForm, DocumentForm, OutcomeForm
from jembatan.engagement.models import Agreement, AgreementDocument, Stage


def get_agreement(request: HttpRequest, pk: int) -> Agreement:
    """The agreement if the user may see it; 404 otherwise."""
    return get_object_or_404(with_parties(visible_agreements(request.user)), pk=pk)


@login_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    if not (is_officer(request.user) or getattr(request.user, "company_id_or_none", None)):
        raise PermissionDenied
    rows = list(with_parties(visible_agreements(request.user)).order_by("-signed_on", "-id"))
    context: dict[str, Any] = {"agreements": [describe(a, request.user) for a in rows]}
    if is_officer(request.user):
        context["totals"] = programme_totals(timezone.localdate(), "IDR")
    return render(request, "engagement/agreement_list.html", context)


def describe(agreement: Agreement, user: Any) -> dict[str, Any]:
    party = acting_party(agreement, user)
    return {
        "agreement": agreement,
        "value": format_money(agreement.value_amount, agreement.value_currency),
        "investment": format_money(agreement.investment_amount, agreement.investment_currency),
        "parties": list(agreement.parties.all()),
        "own_party": party,
        "may_confirm": party is not None and party.confirmed_at is None,
        "may_verify": is_officer(user) and agreement.verified_at is None,
    }


@login_required
def agreement_new(request: HttpRequest, pk: int) -> HttpResponse:
    introduction = get_object_or_404(visible_introductions(request.user), pk=pk)
    if not may_report_for(request.user, introduction):
        raise PermissionDenied
    form = AgreementForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                agreement = report_agreement(request.user, form.terms(), introduction=introduction)
                if form.cleaned_data.get("document"):
                    attach_document(request.user, agreement, form.cleaned_data["document"])
        except (AgreementError, MoneyError, StageError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("The agreement is recorded. It counts once every party has confirmed it."),
            )
            return redirect("engagement:agreement_detail", pk=agreement.pk)
    context = {
        "introduction": introduction,
        "form": form,
        "closed": introduction.stage == Stage.CLOSED,
    }
    return render(request, "engagement/agreement_form.html", context)


@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_agreement(request, pk)
    observations = list(
        agreement.observations.select_related("company").order_by("-observed_on", "-id")
    )
    context = describe(agreement, request.user) | {
        "documents": list(agreement.documents.all()),
        "document_form": DocumentForm(),
        "observations": [
            {"row": o, "value": format_money(o.value_realised_amount, o.value_realised_currency)}
            for o in observations
        ],
        "latest": latest_by_party(observations),
        "may_record_outcome": acting_party(agreement, request.user) is not None,
    }
    return render(request, "engagement/agreement_detail.html", context)


def _decide(request: HttpRequest, pk: int, action: Any, done: str) -> HttpResponse:
    agreement = get_agreement(request, pk)
    try:
        action(request.user, agreement)
    except AgreementError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("engagement:agreement_detail", pk=agreement.pk)


@login_required
@require_POST
def agreement_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, confirm_agreement, _("Your company's confirmation is recorded."))


@login_required
@require_POST
def agreement_verify(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, verify_agreement, _("The agreement is verified and now counts."))


@login_required
@require_POST
def agreement_document(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_agreement(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid() or not form.cleaned_data.get("document"):
        for error in form.errors.get("document", [_("Choose a PDF file.")]):
            messages.error(request, str(error))
        return redirect("engagement:agreement_detail", pk=agreement.pk)
    try:
        attach_document(request.user, agreement, form.cleaned_data["document"])
    except AgreementError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The document is attached."))
    return redirect("engagement:agreement_detail", pk=agreement.pk)


@login_required
def agreement_document_download(request: HttpRequest, pk: int, document_pk: int) -> FileResponse:
    agreement = get_agreement(request, pk)
    document = get_object_or_404(AgreementDocument, pk=document_pk, agreement=agreement)
    return stored_file_response(document.file, document.original_name, "application/pdf")


@login_required
def outcome_form(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_agreement(request, pk)
    if acting_party(agreement, request.user) is None:
        raise PermissionDenied
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record_observation(request.user, agreement, form.observation())
        except (AgreementError, MoneyError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you: your answer is recorded."))
            return redirect("engagement:agreement_detail", pk=agreement.pk)
    context = describe(agreement, request.user) | {"form": form}
    return render(request, "engagement/outcome_form.html", context)
