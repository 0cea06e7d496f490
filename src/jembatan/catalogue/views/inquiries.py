"""Inquiry pages: the public form (from a showcase product or company page), its receipt,
the inquiries a company received or sent, one inquiry, and the officers' moderation queue."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.accounts.domain.addresses import client_address
from jembatan.catalogue.domain import inquiries as actions
from jembatan.catalogue.domain import showcase
from jembatan.catalogue.domain.promotions import PROMOTION_PARAMETER
from jembatan.catalogue.interfaces.inquiry_forms import InquiryForm, ModerationForm
from jembatan.catalogue.models import Inquiry, InquiryStatus, Product, Promotion
from jembatan.catalogue.views.language import showcase_language
from jembatan.registry.models import Company


def showcased_company(pk: int) -> Company:
    """A company the showcase shows (the showcase's one gate); 404 otherwise."""
    company = showcase.public_company(pk)
    if company is None:
        raise Http404
    return company


def showcased_product(pk: int) -> Product:
    product = showcase.public_product(pk)
    if product is None:
        raise Http404
    return product


def _promotion(request: HttpRequest) -> Promotion | None:
    """The promotion the buyer came from (the showcase links carry it on)."""
    value = request.GET.get(PROMOTION_PARAMETER) or request.POST.get(PROMOTION_PARAMETER, "")
    return Promotion.objects.filter(pk=int(value)).first() if value.isdigit() else None


def _initial(user: Any) -> dict[str, str]:
    if not getattr(user, "is_authenticated", False):
        return {}
    organisation = getattr(user, "organisation", None)
    company = getattr(organisation, "company", None)
    return {
        "buyer_company_name": company.name if company else "",
        "contact_name": user.get_full_name(),
        "email": user.email,
    }


def _form_page(request: HttpRequest, company: Company, product: Product | None) -> HttpResponse:
    user: Any = request.user
    promotion = _promotion(request)
    form = InquiryForm(
        request.POST or None, address=client_address(request), initial=_initial(user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            inquiry = actions.send_inquiry(
                user,
                company,
                form.inquiry_data(),
                product=product,
                promotion=promotion,
                language=(get_language() or "ja")[:2],
            )
        except actions.InquiryError as error:
            form.add_error(None, str(error))
        else:
            request.session["catalogue_inquiry_sent"] = inquiry.pk
            return redirect("inquiries:sent")
    return render(
        request,
        "catalogue/inquiry_form.html",
        {
            "form": form,
            "company": company,
            "product": product,
            "promotion": promotion,
            "registered": actions.is_registered_buyer(user),
        },
    )


@showcase_language
def inquiry_product(request: HttpRequest, pk: int) -> HttpResponse:
    product = showcased_product(pk)
    return _form_page(request, product.company, product)


@showcase_language
def inquiry_company(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_page(request, showcased_company(pk), None)


@showcase_language
def inquiry_sent(request: HttpRequest) -> HttpResponse:
    """The receipt, for the sender's own session only (an id in the address would leak)."""
    pk = request.session.get("catalogue_inquiry_sent")
    inquiry = (
        Inquiry.objects.select_related("company", "product").filter(pk=int(pk)).first()
        if pk
        else None
    )
    if inquiry is None:
        raise Http404
    return render(request, "catalogue/inquiry_sent.html", {"inquiry": inquiry})


@login_required
def inquiry_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    rows = list(actions.visible_inquiries(user)[:200])
    return render(request, "catalogue/inquiry_list.html", {"rows": rows})


@login_required
def inquiry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inquiry = get_object_or_404(actions.visible_inquiries(request.user), pk=pk)
    return render(
        request,
        "catalogue/inquiry_detail.html",
        {
            "inquiry": inquiry,
            "can_moderate": request.user.has_perm("catalogue.moderate_inquiries")
            and inquiry.status == InquiryStatus.AWAITING_OFFICER,
            "form": ModerationForm(),
        },
    )


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("catalogue.moderate_inquiries"):
        raise PermissionDenied
    rows = list(actions.officer_queue())
    return render(request, "catalogue/inquiry_queue.html", {"rows": rows})


def _moderate(request: HttpRequest, pk: int, approve: bool) -> HttpResponse:
    if not request.user.has_perm("catalogue.moderate_inquiries"):
        raise PermissionDenied
    inquiry = get_object_or_404(Inquiry.objects.select_related("company", "product"), pk=pk)
    form = ModerationForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if approve:
            actions.approve(request.user, inquiry, note)
            messages.success(request, _("The inquiry was forwarded to the company."))
        else:
            actions.decline(request.user, inquiry, note)
            messages.success(request, _("The inquiry was declined."))
    except actions.InquiryError as error:
        messages.error(request, str(error))
    return redirect("inquiries:queue")


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _moderate(request, pk, approve=True)


@login_required
@require_POST
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    return _moderate(request, pk, approve=False)
