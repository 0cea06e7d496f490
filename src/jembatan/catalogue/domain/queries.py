"""What the public showcase may show: verified Indonesian IKM and their verified, listed products.

Below both the showcase pages (domain/showcase.py) and the search index (domain/search.py),
which index only what may be shown."""

from __future__ import annotations

from django.db.models import QuerySet

from jembatan.catalogue.models import Product, Verification
from jembatan.registry.models import Company


def shown_companies() -> QuerySet[Company]:
    return Company.objects.filter(
        country="ID", verification=Company.Verification.VERIFIED, erased_at__isnull=True
    )


def shown_products() -> QuerySet[Product]:
    return Product.objects.filter(
        verification=Verification.VERIFIED, listed=True, company__in=shown_companies()
    )
