"""MoU pages: the list, one MoU, the create and edit forms, termination, the signed PDF."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.core.interfaces.downloads import stored_file_response
from jembatan.vocational.domain import mous as domain
from jembatan.vocational.domain.visibility import users_institution
from jembatan.vocational.interfaces.forms import MouForm, TerminateForm
from jembatan.vocational.models import Mou, MouStatus, ScopeKind
from jembatan.vocational.views.institutions import add_form_errors


def get_mou(request: HttpRequest, pk: int) -> Mou:
    """The MoU if the user may see it; 404 otherwise (nobody learns that it exists)."""
    rows = domain.with_parties(domain.visible_mous(request.user))
    return get_object_or_404(domain.with_status(rows, domain.today()), pk=pk)


@login_required
def mou_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("vocational.view_mous"):
        raise PermissionDenied
    rows = domain.with_status(
        domain.with_parties(domain.visible_mous(request.user)), domain.today()
    )
    status = request.GET.get("status", "")
    if status in MouStatus.values:
        rows = rows.filter(status_now=status)  # type: ignore[misc]  # an annotation
    return render(
        request,
        "vocational/mou_list.html",
        {
            "mous": list(rows.order_by("-signed_on", "-pk")),
            "status": status,
            "statuses": MouStatus.choices,
            "may_add": request.user.has_perm("vocational.add_mou"),
        },
    )


@login_required
def mou_detail(request: HttpRequest, pk: int) -> HttpResponse:
    mou = get_mou(request, pk)
    may_change = request.user.has_perm("vocational.change_mou", mou)
    return render(
        request,
        "vocational/mou_detail.html",
        {
            "mou": mou,
            "status": MouStatus(mou.status_now),  # type: ignore[attr-defined]
            "parties": list(mou.parties.all()),
            "scope_items": list(mou.scope_items.all()),
            "may_change": may_change,
            "terminate_form": TerminateForm()
            if may_change and mou.signed_on and not mou.terminated_on
            else None,
        },
    )


def _scope_rows(request: HttpRequest, mou: Mou | None) -> list[tuple[str, str, str]]:
    """(kind, label, description) for the form's optional detail of each scope item."""
    saved = {item.kind: item.description for item in mou.scope_items.all()} if mou else {}
    posted = _descriptions(request) if request.method == "POST" else {}
    return [
        (kind, str(label), posted.get(kind, saved.get(kind, "")))
        for kind, label in ScopeKind.choices
    ]


def _descriptions(request: HttpRequest) -> dict[str, str]:
    return {
        key.removeprefix("scope_description_"): str(value).strip()
        for key, value in request.POST.items()
        if key.startswith("scope_description_") and str(value).strip()
    }


@login_required
def mou_new(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("vocational.add_mou"):
        raise PermissionDenied
    initial: dict[str, Any] = {}
    own = users_institution(request.user)
    if own is not None:
        initial["institutions"] = [own]
    form = MouForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            mou = domain.create_mou(
                request.user,
                form.mou_data(_descriptions(request)),
                form.cleaned_data.get("document"),
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("The MoU is recorded."))
            return redirect("vocational:mou_detail", mou.pk)
    return render(
        request,
        "vocational/mou_form.html",
        {"form": form, "scope_rows": _scope_rows(request, None)},
    )


@login_required
def mou_edit(request: HttpRequest, pk: int) -> HttpResponse:
    mou = get_mou(request, pk)
    if not request.user.has_perm("vocational.change_mou", mou):
        raise PermissionDenied
    form = MouForm(request.POST or None, request.FILES or None, initial=MouForm.initial_for(mou))
    if request.method == "POST" and form.is_valid():
        try:
            domain.update_mou(
                request.user,
                mou,
                form.mou_data(_descriptions(request)),
                form.cleaned_data.get("document"),
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("The MoU is saved."))
            return redirect("vocational:mou_detail", mou.pk)
    return render(
        request,
        "vocational/mou_form.html",
        {"form": form, "mou": mou, "scope_rows": _scope_rows(request, mou)},
    )


@login_required
@require_POST
def mou_terminate(request: HttpRequest, pk: int) -> HttpResponse:
    mou = get_mou(request, pk)
    if not request.user.has_perm("vocational.change_mou", mou):
        raise PermissionDenied
    form = TerminateForm(request.POST)
    if form.is_valid():
        try:
            domain.terminate_mou(
                request.user, mou, form.cleaned_data["terminated_on"], form.cleaned_data["reason"]
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The termination is recorded."))
    else:
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, str(problem))
    return redirect("vocational:mou_detail", mou.pk)


@login_required
def mou_document(request: HttpRequest, pk: int) -> FileResponse:
    mou = get_mou(request, pk)
    return stored_file_response(mou.document, mou.document_name or "mou.pdf", "application/pdf")
