"""Officers' exchange-rate page: the table and the CSV upload (the admin edits single rows)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from jembatan.core.interfaces import uploads
from jembatan.engagement.domain.rates import import_rates
from jembatan.engagement.interfaces.agreement_forms import RateUploadForm
from jembatan.engagement.models import ExchangeRate

MAX_RATE_FILE_BYTES = 2 * 1024 * 1024


def _refused(upload: UploadedFile) -> str | None:
    """The shared upload guard's message for a file that is not CSV text (binary content,
    a NUL byte), checked before the file is decoded; None when it may be read."""
    try:
        uploads.check_content_matches_name(upload, upload.name or "rates.csv")
        uploads.check_no_nul_bytes(upload)
    except uploads.UploadRefusedError as refused:
        return refused.message
    return None


@login_required
def rates_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("engagement.manage_exchange_rates"):
        raise PermissionDenied
    form = RateUploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if (upload.size or 0) > MAX_RATE_FILE_BYTES:
            problems = [_("The file is larger than 2 MB.")]
        elif (refused := _refused(upload)) is not None:
            problems = [refused]
        else:
            result = import_rates(upload.read(), request.user, form.cleaned_data["source"])
            problems = result.problems
            if not problems:
                messages.success(
                    request,
                    _("Rates imported: %(created)d new dates, %(updated)d updated.")
                    % {"created": result.created, "updated": result.updated},
                )
                return redirect("engagement:rates")
    context = {"form": form, "problems": problems, "rates": ExchangeRate.objects.all()[:60]}
    return render(request, "engagement/rates.html", context)
