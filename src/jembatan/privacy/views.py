"""A company's data page (download, ask for erasure) and the officers' erasure queue."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.core.domain.personal_data import export_company
from jembatan.privacy.domain.erasure import (
    ErasureError,
    carry_out_erasure,
    decline_erasure,
    is_erased,
    may_export,
    open_request,
    request_erasure,
)
from jembatan.privacy.interfaces.export import export_json, export_pdf
from jembatan.privacy.interfaces.forms import DeclineErasureForm, ErasureRequestForm
from jembatan.privacy.models import ErasureRequest, ErasureStatus
from jembatan.registry.models import Company


def _company_for(request: HttpRequest, pk: int) -> Company:
    """The company, if the user may see its data; 404 otherwise, so existence leaks nothing."""
    company = get_object_or_404(Company, pk=pk)
    if not may_export(request.user, company):
        raise Http404
    return company


def _attachment(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def company_data(request: HttpRequest, pk: int) -> HttpResponse:
    company = _company_for(request, pk)
    can_request = request.user.has_perm("privacy.request_erasure", company)
    form = ErasureRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not can_request:
            raise PermissionDenied
        if form.is_valid():
            try:
                request_erasure(request.user, company, form.cleaned_data["reason"], timezone.now())
            except ErasureError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Your request was sent to a programme officer."))
            return redirect("privacy:company_data", pk=company.pk)
    history = ErasureRequest.objects.filter(company=company).order_by("-created_at", "-id")
    context = {
        "company": company,
        "form": form,
        "can_request": can_request,
        "erased": is_erased(company),
        "pending": open_request(company),
        "history": history,
    }
    return render(
        request,
        "privacy/company_data.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@login_required
def company_data_json(request: HttpRequest, pk: int) -> HttpResponse:
    company = _company_for(request, pk)
    body = export_json(export_company(company), timezone.now())
    return _attachment(body, "application/json", f"jembatan-company-{company.pk}.json")


@login_required
def company_data_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    company = _company_for(request, pk)
    language = get_language() or "en"
    body = export_pdf(export_company(company), company.name, language, timezone.now())
    return _attachment(body, "application/pdf", f"jembatan-company-{company.pk}.pdf")


def _require_officer(request: HttpRequest) -> None:
    if not request.user.has_perm("privacy.carry_out_erasure"):
        raise Http404


@login_required
def erasure_queue(request: HttpRequest) -> HttpResponse:
    _require_officer(request)
    waiting = (
        ErasureRequest.objects.filter(status=ErasureStatus.REQUESTED)
        .select_related("company", "requested_by")
        .order_by("created_at", "id")
    )
    return render(
        request,
        "privacy/erasure_queue.html",
        {"waiting": waiting},
    )


@require_POST
@login_required
def erasure_carry_out(request: HttpRequest, pk: int) -> HttpResponse:
    _require_officer(request)
    erasure = get_object_or_404(ErasureRequest, pk=pk)
    if not request.POST.get("reviewed"):
        messages.error(request, _("Tick the box to confirm that you reviewed the request."))
        return redirect("privacy:erasure_queue")
    try:
        carry_out_erasure(request.user, erasure, timezone.now())
    except ErasureError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The company's personal data was erased."))
    return redirect("privacy:erasure_queue")


@require_POST
@login_required
def erasure_decline(request: HttpRequest, pk: int) -> HttpResponse:
    _require_officer(request)
    erasure = get_object_or_404(ErasureRequest, pk=pk)
    form = DeclineErasureForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a note saying why the request is declined."))
        return redirect("privacy:erasure_queue")
    try:
        decline_erasure(request.user, erasure, form.cleaned_data["note"], timezone.now())
    except ErasureError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The request was declined; the company sees your note."))
    return redirect("privacy:erasure_queue")
