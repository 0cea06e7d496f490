"""The API routes of this app; the main API router registers each entry."""

from __future__ import annotations

from typing import Any

from jembatan.catalogue.api import ProductViewSet, ShowcaseCompanyViewSet, ShowcaseProductViewSet
from jembatan.catalogue.inquiry_api import InquiryViewSet, PromotionViewSet

router_registrations: list[tuple[str, Any, str]] = [
    ("products", ProductViewSet, "product"),
    ("showcase/products", ShowcaseProductViewSet, "showcase-product"),
    ("showcase/companies", ShowcaseCompanyViewSet, "showcase-company"),
    ("inquiries", InquiryViewSet, "inquiry"),
    ("promotions", PromotionViewSet, "promotion"),
]
