"""Keep the product index in step with products and with their companies' verification."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from jembatan.catalogue.models import Product
from jembatan.registry.models import Company


def queue_refresh(product_ids: Iterable[int]) -> None:
    """After the transaction commits, (re)index these products: a task taking ids."""
    ids = sorted(set(product_ids))
    if not ids:
        return
    from jembatan.catalogue.tasks import task_index_products

    transaction.on_commit(lambda: task_index_products.delay(ids))


def product_saved(sender: Any, instance: Product, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        queue_refresh([instance.pk])


def product_deleted(sender: Any, instance: Product, **kwargs: Any) -> None:
    queue_refresh([instance.pk])


def company_saved(sender: Any, instance: Company, raw: bool = False, **kwargs: Any) -> None:
    # A company verified, returned or erased shows or hides all its products.
    if not raw:
        queue_refresh(Product.objects.filter(company_id=instance.pk).values_list("pk", flat=True))


def connect() -> None:
    post_save.connect(product_saved, sender=Product, dispatch_uid="catalogue.product_saved")
    post_delete.connect(product_deleted, sender=Product, dispatch_uid="catalogue.product_deleted")
    post_save.connect(company_saved, sender=Company, dispatch_uid="catalogue.company_saved")
