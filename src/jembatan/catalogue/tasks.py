"""Thin task wrappers: they take ids and call the domain. Idempotent, safe to retry."""

from __future__ import annotations

from celery import shared_task

from jembatan.catalogue.domain import search


@shared_task
def task_index_products(product_ids: list[int]) -> int:
    """Embed products shown in the showcase and update the keyword and vector indexes."""
    return search.refresh_products(product_ids)
