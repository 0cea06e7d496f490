"""What the public showcase may show, and its search: the one gate for every public read
(the pages, /api/v1/showcase and the brochures).

Shown: products an officer verified, that their company lists, of Indonesian firms an
officer verified and whose data were not erased. The showcase never reads a contact, an
address, a registry identifier (NIB, tax number) or a website: the public cards below are
built from an explicit list of fields, so adding a private field to a model cannot leak it.
A certification appears as verified only when an officer verified that claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse

from jembatan.catalogue.domain.queries import shown_companies, shown_products
from jembatan.catalogue.models import Product, ProductCertification, ProductPhoto
from jembatan.registry.models import Company

__all__ = ["shown_companies", "shown_products"]  # defined in queries.py, used from here too

PAGE_SIZE = 24


def product_url(product: Product) -> str:
    """The product's stable public address (id first: the slug may follow a renamed product,
    the id never changes, so a printed QR code keeps working)."""
    return reverse("catalogue:showcase_product", args=[product.pk, product.slug])


def company_url(company: Company | int) -> str:
    pk = company if isinstance(company, int) else company.pk
    return reverse("catalogue:showcase_company", args=[pk])


def for_display(products: QuerySet[Product]) -> QuerySet[Product]:
    """What a list or detail page reads, in a fixed number of queries."""
    return products.select_related("company", "company__region", "hs_code").prefetch_related(
        "sectors",
        Prefetch("photos", queryset=ProductPhoto.objects.order_by("position", "id")),
        Prefetch(
            "certifications",
            queryset=ProductCertification.objects.filter(verified=True),
            to_attr="verified_certifications",
        ),
    )


@dataclass(frozen=True)
class Filters:
    query: str = ""
    sector: str = ""
    hs_chapter: str = ""
    province: str = ""
    certification: str = ""
    moq_max: int | None = None
    capacity_min: int | None = None
    company: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def filtered_products(filters: Filters) -> QuerySet[Product]:
    products = shown_products()
    if filters.company is not None:
        products = products.filter(company_id=filters.company)
    if filters.sector:
        products = products.filter(
            Q(sectors__slug=filters.sector)
            | Q(sectors__isnull=True, company__sectors__slug=filters.sector)
        )
    if filters.hs_chapter:
        products = products.filter(hs_code__code__startswith=filters.hs_chapter[:2])
    if filters.province:
        products = products.filter(company__region_id=filters.province)
    if filters.certification:
        products = products.filter(
            certifications__kind=filters.certification, certifications__verified=True
        )
    if filters.moq_max is not None:
        products = products.filter(Q(moq__isnull=True) | Q(moq__lte=filters.moq_max))
    if filters.capacity_min is not None:
        products = products.filter(monthly_capacity__gte=filters.capacity_min)
    return products.distinct()


def search_products(filters: Filters, limit: int = PAGE_SIZE) -> list[Product]:
    """Shown products matching the filters; with a query, best match first (the matching
    engine's fused search, across Japanese, Indonesian and English), else newest first."""
    products = filtered_products(filters)
    if not filters.query.strip():
        return list(for_display(products).order_by("-verified_at", "-id")[:limit])
    from jembatan.catalogue.domain.search import rank_products

    allowed = set(products.values_list("pk", flat=True))
    hits = rank_products(filters.query, allowed, k=limit)
    found = for_display(Product.objects.filter(pk__in=[h.key for h in hits])).in_bulk()
    return [found[h.key] for h in hits if h.key in found]


def company_for_display(companies: QuerySet[Company]) -> QuerySet[Company]:
    return companies.select_related("region").prefetch_related(
        "sectors", "description_translations"
    )


def public_company(company_id: int) -> Company | None:
    return company_for_display(shown_companies()).filter(pk=company_id).first()


def public_product(product_id: int) -> Product | None:
    return for_display(shown_products()).filter(pk=product_id).first()


def katakana_reading(company: Company) -> str:
    """The katakana reading the company gave (never a machine guess shown as theirs)."""
    return company.name_kana.strip()
