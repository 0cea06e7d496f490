"""The public showcase: no sign-in, Japanese by default, built for a phone."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from jembatan.catalogue.domain import showcase
from jembatan.catalogue.domain.structured_data import company_json_ld, product_json_ld
from jembatan.catalogue.interfaces.forms import ShowcaseFilterForm
from jembatan.catalogue.views.language import showcase_language


def _filters(form: ShowcaseFilterForm) -> showcase.Filters:
    if not form.is_valid():
        return showcase.Filters()
    data = form.cleaned_data
    return showcase.Filters(
        query=data.get("q") or "",
        sector=data.get("sector") or "",
        hs_chapter=data.get("hs_chapter") or "",
        province=data.get("province") or "",
        certification=data.get("certification") or "",
        moq_max=data.get("moq_max"),
        capacity_min=data.get("capacity_min"),
    )


@showcase_language
def index(request: HttpRequest) -> HttpResponse:
    form = ShowcaseFilterForm(request.GET or None)
    filters = _filters(form) if request.GET else showcase.Filters()
    products = showcase.search_products(filters, limit=showcase.PAGE_SIZE)
    context: dict[str, Any] = {
        "form": form if request.GET else ShowcaseFilterForm(),
        "products": products,
        "searched": bool(request.GET),
        "language": get_language(),
    }
    template = (
        "catalogue/showcase/_results.html"
        if getattr(request, "htmx", False)
        else "catalogue/showcase/index.html"
    )  # type: ignore[attr-defined]
    return render(request, template, context)


@showcase_language
def company_list(request: HttpRequest) -> HttpResponse:
    companies = showcase.company_for_display(showcase.shown_companies()).order_by("name", "id")
    page = Paginator(companies, showcase.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "catalogue/showcase/companies.html", {"page": page})


@showcase_language
def product_detail(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    product = showcase.public_product(pk)
    if product is None:
        raise Http404
    if slug != product.slug:
        return redirect(showcase.product_url(product), permanent=True)
    context = {
        "product": product,
        "company": product.company,
        "json_ld": product_json_ld(request, product),
        "url": request.build_absolute_uri(showcase.product_url(product)),
    }
    return render(request, "catalogue/showcase/product.html", context)


@showcase_language
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    company = showcase.public_company(pk)
    if company is None:
        raise Http404
    products = list(
        showcase.for_display(showcase.shown_products().filter(company=company)).order_by(
            "name", "id"
        )
    )
    context = {
        "company": company,
        "products": products,
        "json_ld": company_json_ld(request, company, products),
        "url": request.build_absolute_uri(showcase.company_url(company)),
    }
    return render(request, "catalogue/showcase/company.html", context)
