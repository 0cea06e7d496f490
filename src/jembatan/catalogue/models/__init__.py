from __future__ import annotations

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

__all__ = [
    "PHOTOS_PER_PRODUCT",
    "CertificationKind",
    "Currency",
    "Incoterm",
    "Product",
    "ProductCertification",
    "ProductPhoto",
    "QuantityUnit",
    "Verification",
]
