"""Confirmed web imports run as jobs outside the request: queued, running, done or failed.

The job row holds the state and the report; the progress (rows validated, rows written)
is written beside the upload (`<stored file>.progress`, JSON), because the import's own
transaction hides database writes until it commits. The registry's tasks module decides
where a job runs (a Celery worker with a broker, a background thread without one). A job
takes the registry's import lock first (lock.py): while another import holds it, the job
stays queued, waiting, and its page says for whom. Embedding follows only after the job is
done, so the report never waits for matching.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jembatan.registry.domain.company_import.action import announce_imported, import_companies
from jembatan.registry.domain.company_import.lock import holder, registry_lock
from jembatan.registry.domain.company_import.report import ImportReport
from jembatan.registry.models import CompanyImportJob, ImportJobStatus

logger = logging.getLogger(__name__)


def progress_path(path: Path) -> Path:
    return path.with_name(path.name + ".progress")


@dataclass
class Progress:
    """How far a running job is: rows validated, and rows handed to the database."""

    validated: int = 0
    written: int = 0


def read_progress(path: Path) -> Progress:
    try:
        data = json.loads(progress_path(path).read_text(encoding="ascii") or "{}")
        return Progress(int(data.get("validated", 0)), int(data.get("written", 0)))
    except (OSError, ValueError, TypeError, AttributeError):
        return Progress()


def rows_read(path: Path) -> int:
    return read_progress(path).validated


def _write_progress(path: Path, validated: int | None = None, written: int | None = None) -> None:
    """Record one or both counts (the one not given keeps its value)."""
    current = read_progress(path)
    data = {
        "validated": current.validated if validated is None else validated,
        "written": current.written if written is None else written,
    }
    partial = path.with_name(path.name + ".progress.tmp")
    partial.write_text(json.dumps(data), encoding="ascii")
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
    """Run a queued job once: False when another runner already took it (or it is gone).

    Waits (still queued) while another import holds the registry's lock."""
    job = CompanyImportJob.objects.filter(pk=job_id, status=ImportJobStatus.QUEUED).first()
    if job is None:
        return False
    me = holder(job.file_name, _officer_name(job.actor), job.pk)
    with registry_lock(me):
        claimed = CompanyImportJob.objects.filter(pk=job_id, status=ImportJobStatus.QUEUED).update(
            status=ImportJobStatus.RUNNING
        )
        if not claimed:
            return False
        path = directory / job.stored_file
        if not job.rows_total:  # not previewed (a large file): its lines, as an estimate
            job.rows_total = _estimated_rows(path)
            job.save(update_fields=["rows_total"])
        with translation.override(job.language):
            report = _import(job, path)
    if report is not None and report.ok:
        announce_imported(report)
    return True


def _estimated_rows(path: Path) -> int:
    """Data rows of a CSV file, counted as lines after the header (a quoted cell spanning
    lines makes it an overestimate; the bars then stop short of full). 0 for XLSX."""
    if path.suffix.lower() == ".xlsx":
        return 0
    lines, last = 0, b"\n"
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 0
    return max(0, lines + (last != b"\n") - 1)


def _officer_name(user: Any) -> str:
    return str(user.get_full_name() or user.get_username())


def _import(job: Any, path: Path) -> ImportReport | None:
    from jembatan.registry.interfaces.tabular_files import open_tabular

    try:
        source = open_tabular(path, name=job.file_name, sheet=job.sheet or None)
        report = import_companies(
            source,
            dry_run=False,
            actor=job.actor,
            progress=lambda rows: _write_progress(path, validated=rows),
            written=lambda rows: _write_progress(path, written=rows),
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
