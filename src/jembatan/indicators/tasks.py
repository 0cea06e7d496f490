"""Thin task wrappers of indicators."""

from __future__ import annotations

from celery import shared_task

from jembatan.indicators.domain.dashboard_cache import warm_dashboards


@shared_task
def task_warm_dashboards() -> int:
    """Recompute the dashboard views most readers open, before their cached figures expire."""
    return warm_dashboards()
