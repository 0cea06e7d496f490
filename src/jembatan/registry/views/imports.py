"""Company import pages for officers: upload, preview (a dry run), confirm, template."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from jembatan.registry.domain.company_import import ImportReport, import_companies
from jembatan.registry.domain.company_import.jobs import create_job, read_progress
from jembatan.registry.domain.company_import.lock import current_holder, waiting_message
from jembatan.registry.domain.queues import imports_to_watch
from jembatan.registry.interfaces.company_import_forms import (
    CompanyImportUploadForm,
    declared_too_large,
    discard_upload,
    hand_over_upload,
    imports_dir,
    pending_upload,
    remember_rows,
    store_upload,
)
from jembatan.registry.interfaces.import_template import build_template_xlsx
from jembatan.registry.interfaces.tabular_files import (
    file_too_large_message,
    megabytes,
    open_tabular,
)
from jembatan.registry.models import CompanyImportJob, ImportJobStatus
from jembatan.registry.tasks import dispatch_import_job

PERMISSION = "registry.import_companies"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

View = Callable[..., HttpResponse]


def officer_required(view: View) -> View:
    """Anonymous users go to the sign-in page; signed-in users without the permission get 403."""

    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(checked)


@officer_required
def upload(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and declared_too_large(request.META.get("CONTENT_LENGTH")):
        # Refused before the body is read: a file over the limit never reaches the disk.
        context = {
            "form": CompanyImportUploadForm(),
            "refused": file_too_large_message(int(request.META["CONTENT_LENGTH"])),
            "watched_jobs": imports_to_watch()[:20],
        }
        return render(request, "registry/import_upload.html", context, status=413)
    form = CompanyImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token = store_upload(request.session, form.cleaned_data["file"], form.cleaned_data["sheet"])
        return redirect("imports:preview", token=token)
    context = {"form": form, "watched_jobs": imports_to_watch()[:20]}
    return render(request, "registry/import_upload.html", context)


def _run(request: HttpRequest, token: str, *, dry_run: bool) -> tuple[ImportReport, dict[str, str]]:
    pending = pending_upload(request.session, token)
    if pending is None:
        raise Http404
    path, details = pending
    source = open_tabular(path, name=details["name"], sheet=details["sheet"] or None)
    return import_companies(source, dry_run=dry_run, actor=request.user), details


@officer_required
def preview(request: HttpRequest, token: str) -> HttpResponse:
    pending = pending_upload(request.session, token)
    if pending is None:
        raise Http404
    size = pending[0].stat().st_size
    if size > settings.JEMBATAN_IMPORT_PREVIEW_MAX_BYTES:
        # Too large to check inside the request: the job checks every row as it imports.
        large = {"large": megabytes(size), "token": token, "file_name": pending[1]["name"]}
        return render(request, "registry/import_preview.html", large)
    report, details = _run(request, token, dry_run=True)
    if report.unreadable:
        # A refused file (hostile, damaged, not CSV/XLSX) is not kept: it can never be
        # confirmed, so it is removed as soon as its message is shown.
        discard_upload(request.session, token)
    else:
        remember_rows(request.session, token, report.rows)
    context = {"report": report, "token": token, "file_name": details["name"]}
    return render(request, "registry/import_preview.html", context)


@officer_required
@require_POST
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Queue the import as a job (it validates again while writing) and show its page."""
    if pending_upload(request.session, token) is None:
        raise Http404
    details = hand_over_upload(request.session, token)
    job = create_job(
        request.user,
        file_name=details["name"],
        stored_file=details["file"],
        sheet=details["sheet"],
        rows=int(details.get("rows", 0)),
    )
    dispatch_import_job(job.pk)
    return redirect("imports:job", pk=job.pk)


def _share(done: int, total: int) -> tuple[int, int]:
    """`done` capped at `total` (the preview's count), and its percentage."""
    if not total:
        return done, 0
    return min(done, total), min(100, done * 100 // total)


@officer_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    """The job's state; while it runs, the page polls its own fragment (HTMX), or reloads
    itself every few seconds without JavaScript (a <noscript> refresh)."""
    import_job = get_object_or_404(CompanyImportJob, pk=pk)
    running = import_job.status in (ImportJobStatus.QUEUED, ImportJobStatus.RUNNING)
    total = import_job.rows_total
    progress = read_progress(imports_dir() / import_job.stored_file) if running else None
    validated, validated_percent = _share(progress.validated if progress else 0, total)
    written, written_percent = _share(progress.written if progress else 0, total)
    waiting = ""
    if import_job.status == ImportJobStatus.QUEUED:
        other = current_holder()
        if other is not None and other.job_id != import_job.pk:
            waiting = waiting_message(other)
    context = {
        "job": import_job,
        "running": running,
        "waiting": waiting,
        "rows_validated": validated,
        "validated_percent": validated_percent,
        "rows_written": written,
        "written_percent": written_percent,
        "saving": running and total > 0 and written >= total,
        "report": import_job.report,
    }
    template = (
        "registry/_import_job.html"
        if request.headers.get("HX-Request")
        else "registry/import_job.html"
    )
    return render(request, template, context)


@officer_required
def template_xlsx(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(build_template_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="jembatan-companies-template.xlsx"'
    return response
