from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from jembatan.opportunities.domain.lifecycle import expire_due


@shared_task
def task_expire_profiles() -> int:
    """Run daily (Celery beat): expire the profiles published 365 days ago or more."""
    return expire_due(timezone.now())
