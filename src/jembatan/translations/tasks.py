from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from jembatan.translations.domain.engines import configured_translator
from jembatan.translations.domain.machine import fill_missing


@shared_task
def task_fill_translations() -> dict[str, int]:
    """Run daily (Celery beat): machine versions for published profiles and company
    descriptions that lack one; nothing when no translator is configured."""
    report = fill_missing(configured_translator(), timezone.now())
    return {"made": report.made, "failed": report.failed, "refused": report.refused}
