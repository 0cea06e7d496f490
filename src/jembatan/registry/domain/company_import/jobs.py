"""Confirmed web imports run as jobs outside the request: queued, running, done or failed.

The job row holds the state and the report; rows read so far are written beside the upload
(`<stored file>.progress`), because the import's own transaction hides database writes until
it commits. The registry's tasks module decides where a job runs (a Celery worker with a
broker, a background thread without one). Embedding follows only after the job is done, so
the report never waits for matching.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jembatan.registry.domain.company_import.action import announce_imported, import_companies
from jembatan.registry.domain.company_import.report import ImportReport
from jembatan.registry.models import CompanyImportJob, ImportJobStatus

logger = logging.getLogger(__name__)


def progress_path(path: Path) -> Path:
    return path.with_name(path.name + ".progress")


def rows_read(path: Path) -> int:
    try:
        return int(progress_path(path).read_text(encoding="ascii") or 0)
    except (OSError, ValueError):
        return 0


def _write_progress(path: Path, rows: int) -> None:
    partial = path.with_name(path.name + ".progress.tmp")
    partial.write_text(str(rows), encoding="ascii")
    os.replace(partial, progress_path(path))  # readers never see a half-written number


def create_job(actor: Any, *, file_name: str, stored_file: str, sheet: str, rows: int) -> Any:
    """A queued job for an upload that its preview found valid."""
    return CompanyImportJob.objects.create(
        actor=actor,
        file_name=file_name,
        stored_file=stored_file,
        sheet=sheet,
        rows_total=rows,
        language=translation.get_language() or "id",
    )


def run_job(job_id: int, directory: Path) -> bool:
    """Run a queued job once: False when another runner already took it (or it is gone)."""
    claimed = CompanyImportJob.objects.filter(pk=job_id, status=ImportJobStatus.QUEUED).update(
        status=ImportJobStatus.RUNNING
    )
    if not claimed:
        return False
    job = CompanyImportJob.objects.get(pk=job_id)
    path = directory / job.stored_file
    with translation.override(job.language):
        report = _import(job, path)
    if report is not None and report.ok:
        announce_imported(report)
    return True


def _import(job: Any, path: Path) -> ImportReport | None:
    from jembatan.registry.interfaces.tabular_files import open_tabular

    try:
        source = open_tabular(path, name=job.file_name, sheet=job.sheet or None)
        report = import_companies(
            source,
            dry_run=False,
            actor=job.actor,
            progress=lambda rows: _write_progress(path, rows),
            announce=False,
        )
    except Exception as error:  # the officer must learn that it failed, whatever happened
        logger.exception("company import job %s failed", job.pk)
        message = _(
            "The import stopped unexpectedly (%(kind)s); nothing was written. The details "
            "are in the server log."
        ) % {"kind": type(error).__name__}
        _finish(job, ImportJobStatus.FAILED, {}, message)
        return None
    finally:
        path.unlink(missing_ok=True)
        progress_path(path).unlink(missing_ok=True)
    status = ImportJobStatus.DONE if report.ok else ImportJobStatus.FAILED
    message = "" if report.ok else _("The file has errors; nothing was written.")
    data = {**report.as_json(), "rows": report.rows}
    data["warnings"] = [warning.as_dict() for warning in report.warnings]
    _finish(job, status, data, message)
    return report


def _finish(job: Any, status: str, report: dict[str, Any], message: str) -> None:
    job.status, job.report, job.message = status, report, message
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "report", "message", "finished_at"])


def run_job_in_thread(job_id: int, directory: Path) -> None:
    """The body of the background thread used without a broker: its own connection."""
    try:
        run_job(job_id, directory)
    finally:
        connection.close()
