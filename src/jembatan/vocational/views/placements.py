"""Internship places offered by companies, and the students suggested and placed.

A company sees its own offers and counts, never the students (they are often minors);
officers and the students' institutions see and make the suggestions."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.vocational.domain import placements as domain
from jembatan.vocational.domain.visibility import is_officer_user
from jembatan.vocational.interfaces.participants_xlsx import figures_workbook
from jembatan.vocational.interfaces.programme_forms import PlacementOfferForm
from jembatan.vocational.models import PlacementOffer, PlacementStatus


@login_required
def placement_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("vocational.view_placements"):
        raise PermissionDenied
    offers = list(domain.offers_visible_to(request.user))
    return render(
        request,
        "vocational/placement_list.html",
        {"offers": offers, "may_add": request.user.has_perm("vocational.add_placement_offer")},
    )


@login_required
def placement_offer_new(request: HttpRequest) -> HttpResponse:
    company = getattr(request.user, "company_id_or_none", None)
    if company is None:
        raise PermissionDenied
    form = PlacementOfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        offer = form.save(commit=False)
        offer.company_id = company
        offer.created_by = request.user
        offer.save()
        messages.success(request, _("The internship place was published."))
        return redirect("vocational:placement_offer_detail", offer.pk)
    return render(request, "vocational/placement_form.html", {"form": form})


@login_required
def placement_offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(domain.offers_visible_to(request.user), pk=pk)
    context = {
        "offer": offer,
        "counts": domain.counts(offer),
        "placements": list(domain.placements_visible_to(request.user, offer)),
        "suggestions": domain.suggest(offer, request.user)
        if request.user.has_perm("vocational.suggest_students")
        else [],
        "statuses": PlacementStatus.choices,
    }
    return render(request, "vocational/placement_detail.html", context)


def _require_may_place(request: HttpRequest) -> None:
    """Proposing students and recording the outcome is the institutions' and officers' work;
    the company offering the place is refused (403), not sent back with a message."""
    if not request.user.has_perm("vocational.suggest_students"):
        raise PermissionDenied


@login_required
@require_POST
def placement_suggest(request: HttpRequest, pk: int) -> HttpResponse:
    _require_may_place(request)
    offer = get_object_or_404(domain.offers_visible_to(request.user), pk=pk)
    try:
        domain.propose(offer, int(request.POST.get("person", "0")), request.user)
        messages.success(request, _("The student was proposed for the place."))
    except domain.PlacementError as error:
        messages.error(request, str(error))
    return redirect("vocational:placement_offer_detail", offer.pk)


@login_required
@require_POST
def placement_status(request: HttpRequest, pk: int, placement_pk: int) -> HttpResponse:
    _require_may_place(request)
    offer = get_object_or_404(domain.offers_visible_to(request.user), pk=pk)
    try:
        domain.change_status(offer, placement_pk, request.POST.get("status", ""), request.user)
    except domain.PlacementError as error:
        messages.error(request, str(error))
    return redirect("vocational:placement_offer_detail", offer.pk)


@login_required
def figures_export(request: HttpRequest) -> HttpResponse:
    if not is_officer_user(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    try:
        first = int(request.GET.get("from", today.year - 10))
        last = int(request.GET.get("to", today.year))
    except ValueError:
        first, last = today.year - 10, today.year
    data = figures_workbook(dt.date(first, 1, 1), dt.date(last + 1, 1, 1))
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="vocational-figures.xlsx"'
    return response


__all__ = ["PlacementOffer"]
