"""The dashboard's download buttons: the report for the filters in the address, in the
reader's language, as XLSX or PDF (the same content as `jembatan indicators report`)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from jembatan.core.domain.numbers import language_or_active
from jembatan.indicators.domain.report import LANGUAGES, report_content
from jembatan.indicators.interfaces.filters import DashboardFilterForm
from jembatan.indicators.interfaces.reports import FORMATS, write_report


@require_safe
@login_required
def report(request: HttpRequest, fmt: str) -> HttpResponse:
    if not request.user.has_perm("indicators.download_report"):
        raise PermissionDenied
    if fmt not in FORMATS:
        raise Http404
    form = DashboardFilterForm(request.GET or None)
    query = form.query()  # what the dashboard shows: its year, granularity, sector, region
    language = language_or_active()
    content = report_content(
        query, language if language in LANGUAGES else "id", timezone.localdate()
    )
    written = write_report(content, fmt)
    response = HttpResponse(written.data, content_type=written.content_type)
    response["Content-Disposition"] = f'attachment; filename="{written.filename}"'
    return response
