"""The officers' review of the proposed KBLI/JSIC to ISIC crosswalk: confirm, reject, correct."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from jembatan.registry.domain.crosswalk_store import (
    ReviewConflictError,
    correct_link,
    review_link,
)
from jembatan.registry.domain.queries.crosswalk import filter_links, review_queryset
from jembatan.registry.interfaces.crosswalk_forms import CorrectLinkForm, CrosswalkFilterForm
from jembatan.registry.models import Company, CrosswalkLink

PAGE_SIZE = 25
PERMISSION = "registry.review_crosswalk"


def _require_reviewer(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    _require_reviewer(request)
    form = CrosswalkFilterForm(request.GET)
    page = Paginator(filter_links(form.search()), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "registry/crosswalk/list.html", {"form": form, "page": page})


def _link(pk: int) -> CrosswalkLink:
    return get_object_or_404(review_queryset(), pk=pk)


def _decided(
    request: HttpRequest, link: CrosswalkLink, message: str, *, failed: bool = False
) -> HttpResponse:
    """The row again (htmx) or back to the list with a message."""
    if getattr(request, "htmx", False):
        context = {"link": link, "message": message, "failed": failed}
        return render(request, "registry/crosswalk/_row.html", context)
    (messages.error if failed else messages.success)(request, message)
    return redirect("registry:crosswalk_review")


def _review(request: HttpRequest, pk: int, *, confirm: bool) -> HttpResponse:
    _require_reviewer(request)
    link = _link(pk)
    try:
        review_link(link, request.user, confirm=confirm)
    except ReviewConflictError as conflict:
        return _decided(request, _link(pk), str(conflict), failed=True)
    template = (
        _("%(code)s → ISIC %(isic)s confirmed.")
        if confirm
        else _("%(code)s → ISIC %(isic)s rejected.")
    )
    return _decided(request, link, f"{template % _codes(link)} {_sectors_note(link)}".strip())


def _codes(link: CrosswalkLink) -> dict[str, str]:
    return {"code": link.source.code, "isic": link.isic.code}


@require_POST
@login_required
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, confirm=True)


@require_POST
@login_required
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, confirm=False)


@require_POST
@login_required
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    _require_reviewer(request)
    link = _link(pk)
    form = CorrectLinkForm(request.POST)
    if not form.is_valid():
        if getattr(request, "htmx", False):
            # 200 so that htmx swaps the row in, with the error next to the field.
            return render(request, "registry/crosswalk/_row.html", {"link": link, "form": form})
        for error in form.errors["isic_code"]:
            messages.error(request, f"{link.source.code}: {error}")
        return redirect("registry:crosswalk_review")
    manual = correct_link(link, request.user, form.cleaned_data["isic_code"])
    manual = review_queryset().get(pk=manual.pk)
    message = _("%(code)s now links to ISIC %(isic)s (was %(old)s).") % {
        **_codes(manual),
        "old": link.isic.code,
    }
    return _decided(request, manual, f"{message} {_sectors_note(manual)}".strip())


def _sectors_note(link: CrosswalkLink) -> str:
    """What happens to the sectors of the firms declaring the code (a task after the commit:
    done already when tasks run inline, under way on a worker when a broker is configured)."""
    links = Company.classifications.through.objects.filter(classification_id=link.source_id)
    count = links.values("company_id").distinct().count()
    if not count:
        return ""
    if settings.CELERY_BROKER_URL:
        template = ngettext(
            "The sectors of %(count)d company with %(code)s are being updated in the "
            "background; the directory shows them when it is done.",
            "The sectors of %(count)d companies with %(code)s are being updated in the "
            "background; the directory shows them when it is done.",
            count,
        )
    else:
        template = ngettext(
            "The sectors of %(count)d company with %(code)s were updated.",
            "The sectors of %(count)d companies with %(code)s were updated.",
            count,
        )
    return template % {"count": count, "code": link.source.code}
