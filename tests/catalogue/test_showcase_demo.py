"""The demo fills the showcase: products of each kind, generated photos, verified."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from PIL import Image

from jembatan.catalogue.domain.showcase import product_url, shown_products
from jembatan.catalogue.models import Product


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    media = tmp_path_factory.mktemp("media")
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        override_settings(PASSWORD_HASHERS=hashers, JEMBATAN_REFERENCE_DATA="", MEDIA_ROOT=media),
        translation.override("en"),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("demo", stdout=StringIO())
        yield media
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_once: Path, db, settings) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = demo_once
    return demo_once


def test_demo_products_verified_with_generated_photos(demo: Path) -> None:
    products = list(shown_products().prefetch_related("photos"))
    assert len(products) == 7
    names = {p.name for p in products}
    assert "Kain batik tulis motif parang" in names
    assert "Jasa animasi 2D untuk serial TV" in names
    photos = [photo for p in products for photo in p.photos.all()]
    assert len(photos) == 5
    with photos[0].image.open("rb") as stored, Image.open(stored) as image:
        assert image.size == (800, 600)


def test_demo_batik_products_belong_to_the_demo_member(demo: Path) -> None:
    from jembatan.accounts.models import User

    member = User.objects.get(username="ikm.batik")
    own = Product.objects.filter(company_id=member.company_id_or_none)
    assert own.count() == 2


def test_demo_showcase_pages_render(demo: Path, client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/showcase/").status_code == 200
    product = shown_products().first()
    assert client.get(product_url(product)).status_code == 200
