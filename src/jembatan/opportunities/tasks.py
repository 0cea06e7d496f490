from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from jembatan.opportunities.domain.anonymity import recheck_labels
from jembatan.opportunities.domain.lifecycle import expire_due


@shared_task
def task_expire_profiles() -> int:
    """Run daily (Celery beat): expire the profiles published 365 days ago or more."""
    return expire_due(timezone.now())


@shared_task
def task_recheck_anonymous_labels(countries: list[str] | None = None) -> int:
    """After the registry changed (and daily): recompute the neutral labels of anonymous
    profiles whose posters are in `countries` (all when None)."""
    return recheck_labels(tuple(countries) if countries is not None else None)
