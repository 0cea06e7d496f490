"""Company import pages for officers: upload, preview (a dry run), confirm, template."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from jembatan.registry.domain.company_import import ImportReport, import_companies
from jembatan.registry.interfaces.company_import_forms import (
    CompanyImportUploadForm,
    discard_upload,
    pending_upload,
    store_upload,
)
from jembatan.registry.interfaces.import_template import build_template_xlsx
from jembatan.registry.interfaces.tabular_files import open_tabular

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
    form = CompanyImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token = store_upload(request.session, form.cleaned_data["file"], form.cleaned_data["sheet"])
        return redirect("imports:preview", token=token)
    return render(request, "registry/import_upload.html", {"form": form})


def _run(request: HttpRequest, token: str, *, dry_run: bool) -> tuple[ImportReport, dict[str, str]]:
    pending = pending_upload(request.session, token)
    if pending is None:
        raise Http404
    path, details = pending
    source = open_tabular(path, name=details["name"], sheet=details["sheet"] or None)
    return import_companies(source, dry_run=dry_run, actor=request.user), details


@officer_required
def preview(request: HttpRequest, token: str) -> HttpResponse:
    report, details = _run(request, token, dry_run=True)
    context = {"report": report, "token": token, "file_name": details["name"]}
    return render(request, "registry/import_preview.html", context)


@officer_required
@require_POST
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    report, details = _run(request, token, dry_run=False)
    context = {"report": report, "token": token, "file_name": details["name"]}
    if not report.ok:
        return render(request, "registry/import_preview.html", context)
    discard_upload(request.session, token)
    return render(request, "registry/import_done.html", context)


@officer_required
def template_xlsx(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(build_template_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="jembatan-companies-template.xlsx"'
    return response
