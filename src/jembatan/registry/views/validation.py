"""The officers' validation queue: verify a company or return it with a note."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.core.domain.counts import CappedPaginator
from jembatan.registry.domain.queries.companies import validation_queue
from jembatan.registry.domain.verification import (
    DecisionConflictError,
    return_company,
    verify_company,
)
from jembatan.registry.interfaces.forms import ReturnCompanyForm
from jembatan.registry.models import Company

PAGE_SIZE = 25


def _require_officer(request: HttpRequest) -> None:
    if not request.user.has_perm("registry.verify_company"):
        raise PermissionDenied


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    _require_officer(request)
    # Exact up to 10,000 waiting, then "about" or "more than" (core/domain/counts.py).
    paginator = CappedPaginator(validation_queue(), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "registry/validation/queue.html", {"page": page})


def _row_done(
    request: HttpRequest, company: Company, message: str, *, failed: bool = False
) -> HttpResponse:
    if getattr(request, "htmx", False):
        context = {"company": company, "message": message, "failed": failed}
        return render(request, "registry/validation/_row_done.html", context)
    (messages.error if failed else messages.success)(request, message)
    return redirect("registry:validation_queue")


def _conflict(request: HttpRequest, company: Company, error: DecisionConflictError) -> HttpResponse:
    """Another officer decided first: say so, and show the company as it now is."""
    company.refresh_from_db()
    return _row_done(request, company, str(error), failed=True)


@require_POST
@login_required
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    _require_officer(request)
    company = get_object_or_404(Company, pk=pk)
    try:
        verify_company(company, request.user)
    except DecisionConflictError as error:
        return _conflict(request, company, error)
    return _row_done(request, company, _("%(name)s is verified.") % {"name": company.name})


@require_POST
@login_required
def return_to_company(request: HttpRequest, pk: int) -> HttpResponse:
    _require_officer(request)
    company = get_object_or_404(Company.objects.select_related("region"), pk=pk)
    form = ReturnCompanyForm(request.POST)
    if not form.is_valid():
        if getattr(request, "htmx", False):
            # 200 so that htmx swaps the row in, with the error next to the note.
            return render(
                request, "registry/validation/_row.html", {"company": company, "return_form": form}
            )
        for error in form.errors["note"]:
            messages.error(request, f"{company.name}: {error}")
        return redirect("registry:validation_queue")
    try:
        return_company(company, request.user, form.cleaned_data["note"])
    except DecisionConflictError as error:
        return _conflict(request, company, error)
    return _row_done(
        request, company, _("%(name)s was returned to the company.") % {"name": company.name}
    )
