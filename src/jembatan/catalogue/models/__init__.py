from __future__ import annotations

from jembatan.catalogue.models.inquiry import DELIVERED, Inquiry, InquiryStatus
from jembatan.catalogue.models.photo import PHOTOS_PER_PRODUCT, ProductPhoto
from jembatan.catalogue.models.product import (
    CertificationKind,
    Currency,
    Incoterm,
    Product,
    ProductCertification,
    QuantityUnit,
    Verification,
)
from jembatan.catalogue.models.promotion import Brochure, Promotion, PromotionKind

__all__ = [
    "DELIVERED",
    "PHOTOS_PER_PRODUCT",
    "Brochure",
    "CertificationKind",
    "Currency",
    "Incoterm",
    "Inquiry",
    "InquiryStatus",
    "Product",
    "ProductCertification",
    "ProductPhoto",
    "Promotion",
    "PromotionKind",
    "QuantityUnit",
    "Verification",
]
