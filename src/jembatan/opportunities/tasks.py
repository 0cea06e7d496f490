from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from jembatan.opportunities.domain.anonymity import recheck_labels
from jembatan.opportunities.domain.lifecycle import expire_due
from jembatan.opportunities.domain.notices import warn_expiring


@shared_task
def task_expire_profiles() -> int:
    """Run daily (Celery beat): expire the profiles published 365 days ago or more, and warn
    the companies whose profiles expire within 14 days (once per profile)."""
    now = timezone.now()
    expired = expire_due(now)
    warn_expiring(now)
    return expired


@shared_task
def task_recheck_anonymous_labels(countries: list[str] | None = None) -> int:
    """After the registry changed (and daily): recompute the neutral labels of anonymous
    profiles whose posters are in `countries` (all when None)."""
    return recheck_labels(tuple(countries) if countries is not None else None)
