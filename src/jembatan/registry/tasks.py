"""Thin task wrappers of the registry: they take ids and call the domain."""

from __future__ import annotations

import threading

from celery import shared_task
from django.conf import settings
from django.db import transaction

from jembatan.registry.domain.company_import.jobs import run_job, run_job_in_thread
from jembatan.registry.domain.derived import refresh_sectors_of_code
from jembatan.registry.interfaces.company_import_forms import imports_dir


@shared_task
def task_run_import_job(job_id: int) -> bool:
    """Run a confirmed company import (idempotent: a job runs once)."""
    return run_job(job_id, imports_dir())


@shared_task
def task_refresh_sectors_of_code(classification_id: int) -> int:
    """Sectors of the companies declaring one code, after a crosswalk decision (idempotent,
    batched); inline when no broker is configured (task_always_eager)."""
    return refresh_sectors_of_code(classification_id)


def dispatch_import_job(job_id: int) -> None:
    """On a Celery worker when a broker is configured; otherwise in a background thread of
    this process (never inside the request), unless JEMBATAN_IMPORT_JOBS_INLINE (tests)."""
    if settings.CELERY_BROKER_URL:
        transaction.on_commit(lambda: task_run_import_job.delay(job_id))
    elif getattr(settings, "JEMBATAN_IMPORT_JOBS_INLINE", False):
        run_job(job_id, imports_dir())
    else:
        thread = threading.Thread(
            target=run_job_in_thread,
            args=(job_id, imports_dir()),
            name=f"company-import-{job_id}",
            daemon=True,
        )
        transaction.on_commit(thread.start)
