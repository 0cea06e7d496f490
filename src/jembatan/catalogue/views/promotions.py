"""Promotion pages for officers (list, create/edit with the featured companies and products,
detail with its attributed inquiries, brochures) and the brochure downloads."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from jembatan.catalogue.domain import promotions as actions
from jembatan.catalogue.interfaces.brochure_pdf import brochure_pdf
from jembatan.catalogue.interfaces.mission_xlsx import mission_xlsx
from jembatan.catalogue.interfaces.promotion_forms import BrochureForm, PromotionForm
from jembatan.catalogue.models import Brochure, Promotion


def _manager(request: HttpRequest) -> None:
    if not request.user.has_perm("catalogue.manage_promotions"):
        raise PermissionDenied


@login_required
def promotion_list(request: HttpRequest) -> HttpResponse:
    rows = list(
        actions.visible_promotions(request.user)
        .select_related("event")
        .order_by("-starts_on", "-id")
    )
    return render(
        request,
        "catalogue/promotions/list.html",
        {"rows": rows, "can_manage": request.user.has_perm("catalogue.manage_promotions")},
    )


def _edit(request: HttpRequest, promotion: Promotion) -> HttpResponse:
    _manager(request)
    form = PromotionForm(request.POST or None, instance=promotion)
    if request.method == "POST" and form.is_valid():
        try:
            saved = actions.save_curation(
                request.user,
                form.save(commit=False),
                form.cleaned_data["companies"],
                form.cleaned_data["products"],
            )
        except actions.PromotionError as error:
            form.add_error("products", str(error))
        else:
            messages.success(request, _("The promotion was saved."))
            return redirect("promotions:detail", saved.pk)
    return render(request, "catalogue/promotions/form.html", {"form": form, "promotion": promotion})


@login_required
def promotion_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, Promotion())


@login_required
def promotion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_object_or_404(Promotion, pk=pk))


@login_required
def promotion_detail(request: HttpRequest, pk: int) -> HttpResponse:
    promotion = get_object_or_404(actions.visible_promotions(request.user), pk=pk)
    user: Any = request.user
    can_manage = user.has_perm("catalogue.manage_promotions")
    return render(
        request,
        "catalogue/promotions/detail.html",
        {
            "promotion": promotion,
            "companies": list(promotion.companies.order_by("name")),
            "products": list(promotion.products.select_related("company").order_by("name")),
            "brochures": list(promotion.brochures.all()) if can_manage else [],
            "counts": actions.promotion_counts(promotion),
            "can_manage": can_manage,
        },
    )


@login_required
def brochure_create(request: HttpRequest, pk: int) -> HttpResponse:
    _manager(request)
    promotion = get_object_or_404(Promotion, pk=pk)
    form = BrochureForm(request.POST or None, promotion=promotion)
    if request.method == "POST" and form.is_valid():
        try:
            actions.create_brochure(
                request.user,
                promotion,
                form.cleaned_data["companies"],
                form.cleaned_data["products"],
                form.cleaned_data["title"],
            )
        except actions.PromotionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The brochure is ready to download."))
            return redirect("promotions:detail", promotion.pk)
    return render(
        request, "catalogue/promotions/brochure_form.html", {"form": form, "promotion": promotion}
    )


def _download(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def brochure_download(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    _manager(request)
    brochure = get_object_or_404(Brochure.objects.select_related("promotion"), pk=pk)
    content = actions.brochure_content(brochure)
    if format == "xlsx":
        return _download(
            mission_xlsx(content),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            f"brochure-{brochure.pk}.xlsx",
        )
    return _download(brochure_pdf(content), "application/pdf", f"brochure-{brochure.pk}.pdf")
