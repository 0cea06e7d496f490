"""Programme pages: the list, a new programme, a programme with its applications (apply,
review, rank, select, complete) and the host's participant export."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.vocational.domain import applications as flow
from jembatan.vocational.domain.programmes import (
    applications_open,
    create_programme,
    programmes_visible_to,
)
from jembatan.vocational.domain.visibility import (
    is_officer_user,
    people_visible_to,
    users_institution,
)
from jembatan.vocational.interfaces.participants_xlsx import participants_workbook
from jembatan.vocational.interfaces.programme_forms import ApplyForm, ProgrammeForm
from jembatan.vocational.models import Application, Mou, Programme


def get_programme(request: HttpRequest, pk: int) -> Programme:
    visible = programmes_visible_to(request.user).select_related(
        "mou", "host__organisation", "host_company"
    )
    return get_object_or_404(visible, pk=pk)


@login_required
def programme_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("vocational.view_programmes"):
        raise PermissionDenied
    programmes = list(
        programmes_visible_to(request.user)
        .select_related("mou", "host__organisation", "host_company")
        .order_by("-starts_on", "-id")
    )
    return render(
        request,
        "vocational/programme_list.html",
        {"programmes": programmes, "may_add": _addable_mous(request.user).exists()},
    )


def _addable_mous(user: Any) -> Any:
    if is_officer_user(user):
        return Mou.objects.all()
    institution = users_institution(user)
    if institution is None:
        return Mou.objects.none()
    return Mou.objects.filter(parties__institution_id=institution).distinct()


@login_required
def programme_new(request: HttpRequest) -> HttpResponse:
    mous = _addable_mous(request.user)
    if not mous.exists():
        raise PermissionDenied
    initial = {"mou": request.GET.get("mou")} if request.GET.get("mou") else {}
    form = ProgrammeForm(request.POST or None, mous=mous, initial=initial)
    if request.method == "POST" and form.is_valid():
        programme = create_programme(request.user, form.save(commit=False))
        messages.success(request, _("The programme was created."))
        return redirect("vocational:programme_detail", programme.pk)
    return render(request, "vocational/programme_form.html", {"form": form})


@login_required
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme(request, pk)
    if not flow.may_review(request.user, programme):
        raise PermissionDenied
    form = ProgrammeForm(
        request.POST or None, instance=programme, mous=Mou.objects.filter(pk=programme.mou_id)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        from jembatan.core.domain.audit import log_action

        log_action("jembatan.vocational.programme.changed", programme, actor=request.user)
        messages.success(request, _("The programme was saved."))
        return redirect("vocational:programme_detail", programme.pk)
    return render(request, "vocational/programme_form.html", {"form": form, "programme": programme})


@login_required
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme(request, pk)
    reviewer = flow.may_review(request.user, programme)
    rows = list(
        flow.applications_visible_to(request.user, programme.applications.all())
        .select_related("person__institution__organisation")
        .order_by("rank", "applied_at", "pk")
    )
    people = people_visible_to(request.user).exclude(applications__programme=programme)
    if not is_officer_user(request.user):
        people = people.filter(institution_id=users_institution(request.user) or 0)
    is_open = applications_open(programme, timezone.localdate())
    apply_form = ApplyForm(people=people) if is_open and people.exists() else None
    context = {
        "programme": programme,
        "reviewer": reviewer,
        "rows": [
            {"application": a, "actions": flow.available_actions(request.user, a)} for a in rows
        ],
        "taken": flow.places_taken(programme),
        "apply_form": apply_form,
        "is_open": is_open,
    }
    return render(request, "vocational/programme_detail.html", context)


@login_required
@require_POST
def programme_apply(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme(request, pk)
    people = people_visible_to(request.user)
    form = ApplyForm(request.POST, people=people)
    if form.is_valid():
        try:
            flow.apply(
                programme=programme,
                person=form.cleaned_data["person"],
                actor=request.user,
                motivation=form.cleaned_data["motivation"],
                documents=list(form.cleaned_data["documents"]),
            )
            messages.success(request, _("The application was sent."))
        except flow.ApplicationError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Choose a participant."))
    return redirect("vocational:programme_detail", programme.pk)


@login_required
@require_POST
def programme_rank(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme(request, pk)
    if not flow.may_review(request.user, programme):
        raise PermissionDenied
    ranks: list[tuple[int, Application]] = []
    for application in programme.applications.all():
        typed = request.POST.get(f"rank-{application.pk}", "").strip()
        if typed.isdigit():
            ranks.append((int(typed), application))
    ordered = [a for _rank, a in sorted(ranks, key=lambda pair: (pair[0], pair[1].applied_at))]
    flow.rank(programme, ordered, request.user)
    messages.success(request, _("The ranking was saved."))
    return redirect("vocational:programme_detail", programme.pk)


@login_required
@require_POST
def programme_complete(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme(request, pk)
    try:
        count = flow.complete_programme(programme, request.user)
    except flow.ApplicationError as error:
        raise PermissionDenied(str(error)) from error
    messages.success(
        request,
        _("%(count)s participants completed; their certificates were issued.") % {"count": count},
    )
    return redirect("vocational:programme_detail", programme.pk)


@login_required
def programme_export(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme(request, pk)
    if not flow.may_review(request.user, programme):
        raise PermissionDenied
    data = participants_workbook(programme, request.user)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="participants-{programme.pk}.xlsx"'
    return response
