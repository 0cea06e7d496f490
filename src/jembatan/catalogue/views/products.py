"""Product pages for company members (their own company's products) and officers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.catalogue.domain import photos, products
from jembatan.catalogue.domain.showcase import product_url
from jembatan.catalogue.interfaces.forms import CertificationFormSet, PhotoForm, ProductForm
from jembatan.catalogue.models import Product, ProductPhoto
from jembatan.registry.models import Company


@login_required
def product_list(request: HttpRequest) -> HttpResponse:
    company_id = request.user.company_id_or_none  # type: ignore[union-attr]
    if company_id is None:
        raise PermissionDenied(_("Only company members list products."))
    company = get_object_or_404(Company, pk=company_id)
    rows = (
        Product.objects.filter(company=company)
        .select_related("hs_code")
        .prefetch_related("photos")
        .order_by("name", "id")
    )
    return render(request, "catalogue/products/list.html", {"company": company, "products": rows})


def _certification_initial(product: Product) -> list[dict[str, Any]]:
    return [
        {
            "kind": c.kind,
            "detail": c.detail,
            "issuer": c.issuer,
            "reference": c.reference,
            "valid_until": c.valid_until,
        }
        for c in product.certifications.all()
    ]


def _edit(request: HttpRequest, product: Product) -> HttpResponse:
    if not products.may_edit(request.user, product):
        raise PermissionDenied(_("You may only change the products of your own company."))
    if request.method == "POST":
        form = ProductForm(request.POST, instance=product)
        claims = CertificationFormSet(request.POST, prefix="cert")
        if form.is_valid() and claims.is_valid():
            try:
                saved = products.save_product(
                    request.user, form.instance, sectors=form.cleaned_data["sectors"]
                )
                products.set_certifications(
                    request.user,
                    saved,
                    [
                        products.CertificationClaim(
                            kind=row["kind"],
                            detail=row.get("detail", ""),
                            issuer=row.get("issuer", ""),
                            reference=row.get("reference", ""),
                            valid_until=row.get("valid_until"),
                        )
                        for row in claims.cleaned_data
                        if row and not row.get("DELETE")
                    ],
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for name, errors in error.message_dict.items():
                        target = name if name in form.fields else None
                        for message in errors:
                            form.add_error(target, message)
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, _("The product is saved."))
                return redirect("catalogue:product_edit", saved.pk)
    else:
        form = ProductForm(instance=product)
        claims = CertificationFormSet(
            prefix="cert", initial=_certification_initial(product) if product.pk else []
        )
    context = {
        "form": form,
        "claims": claims,
        "product": product,
        "photo_form": PhotoForm(),
        "public_url": product_url(product) if product.pk else "",
    }
    return render(request, "catalogue/products/edit.html", context)


@login_required
def product_create(request: HttpRequest) -> HttpResponse:
    company_id = request.user.company_id_or_none  # type: ignore[union-attr]
    if company_id is None:
        raise PermissionDenied(_("Only company members list products."))
    company = get_object_or_404(Company, pk=company_id)
    language = "ja" if company.country == "JP" else "id"
    return _edit(request, Product(company=company, language=language))


@login_required
def product_edit(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_object_or_404(Product.objects.select_related("company", "hs_code"), pk=pk)
    return _edit(request, product)


@login_required
@require_POST
def photo_add(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_object_or_404(Product, pk=pk)
    if not request.user.has_perm("catalogue.change_product", product):
        raise PermissionDenied(_("You may only change the products of your own company."))
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            photos.add_photo(
                request.user, product, form.cleaned_data["image"], form.cleaned_data["caption"]
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The photo is added."))
    else:
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, str(text))
    return redirect("catalogue:product_edit", product.pk)


@login_required
@require_POST
def photo_remove(request: HttpRequest, pk: int) -> HttpResponse:
    photo = get_object_or_404(ProductPhoto.objects.select_related("product"), pk=pk)
    photos.remove_photo(request.user, photo)
    messages.success(request, _("The photo is removed."))
    return redirect("catalogue:product_edit", photo.product_id)
