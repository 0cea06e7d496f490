"""The officer queue of products waiting for verification, and the verdict page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from jembatan.catalogue.domain import products
from jembatan.catalogue.interfaces.forms import VerifyForm
from jembatan.catalogue.models import Product


def _require_officer(request: HttpRequest) -> None:
    if not request.user.has_perm("catalogue.verify_product"):
        raise PermissionDenied(_("Only a programme officer can verify products."))


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    _require_officer(request)
    rows = (
        products.waiting_for_verification()
        .select_related("company", "hs_code")
        .prefetch_related("certifications")
        .order_by("updated_at", "id")[:200]
    )
    return render(request, "catalogue/queue.html", {"products": rows})


@login_required
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    _require_officer(request)
    product = get_object_or_404(
        Product.objects.select_related("company", "hs_code").prefetch_related(
            "certifications", "photos"
        ),
        pk=pk,
    )
    form = VerifyForm(request.POST or None, product=product)
    if request.method == "POST" and form.is_valid():
        products.verify_product(
            request.user,
            product,
            verified=form.cleaned_data["decision"] == "verify",
            note=form.cleaned_data["note"],
            certifications_verified=[int(pk) for pk in form.cleaned_data["certifications"]],
        )
        messages.success(request, _("Your decision on the product is saved."))
        return redirect("catalogue:queue")
    return render(request, "catalogue/verify.html", {"product": product, "form": form})
