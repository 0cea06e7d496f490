"""Institution pages: the directory, an institution with its departments, contacts and
people, and its edit page (departments and contacts are added and removed there)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.vocational.domain import institutions as domain
from jembatan.vocational.domain.mous import visible_mous, with_parties
from jembatan.vocational.domain.people import people_rows
from jembatan.vocational.domain.visibility import users_institution
from jembatan.vocational.interfaces.forms import ContactForm, DepartmentForm, InstitutionForm
from jembatan.vocational.models import Department, Institution, InstitutionContact, InstitutionType

PAGE_SIZE = 50


def add_form_errors(form: Any, error: ValidationError) -> None:
    """A domain ValidationError shown at its fields (or above the form)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
def institution_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("vocational.view_institutions"):
        raise PermissionDenied
    rows = domain.institution_rows()
    text = request.GET.get("q", "")
    rows = domain.search(rows, text)
    kind = request.GET.get("type", "")
    if kind in InstitutionType.values:
        rows = rows.filter(type=kind)
    country = request.GET.get("country", "")
    if country in {"ID", "JP"}:
        rows = rows.filter(organisation__country=country)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "vocational/institution_list.html",
        {
            "page": page,
            "institutions": list(page.object_list),
            "q": text,
            "type": kind,
            "country": country,
            "types": InstitutionType.choices,
            "own": users_institution(request.user),
        },
    )


@login_required
def own_institution(request: HttpRequest) -> HttpResponse:
    """The nav's link for an institution's member: their institution, or the directory."""
    if request.user.has_perm("vocational.view_overview"):
        return redirect("vocational:overview")
    organisation = getattr(request.user, "organisation", None)
    if (
        organisation is not None
        and organisation.kind == "institution"
        and getattr(request.user, "role", "") == "institution_member"
    ):
        institution = domain.institution_for(organisation)
        return redirect("vocational:institution_detail", institution.pk)
    return redirect("vocational:institution_list")


def get_institution(pk: int) -> Institution:
    return get_object_or_404(
        Institution.objects.select_related("organisation", "organisation__region", "company"), pk=pk
    )


@login_required
def institution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    institution = get_institution(pk)
    user = request.user
    if not user.has_perm("vocational.view_institution", institution):
        raise PermissionDenied
    context: dict[str, Any] = {
        "institution": institution,
        "departments": list(institution.departments.all()),
        "may_change": user.has_perm("vocational.change_institution", institution),
    }
    if user.has_perm("vocational.view_institution_contacts", institution):
        context["contacts"] = list(institution.contacts.all())
    if user.has_perm("vocational.view_people"):
        context["people"] = list(people_rows(user).filter(institution=institution)[:200])
    context["mous"] = list(
        with_parties(visible_mous(user).filter(parties__institution=institution).distinct())
    )
    return render(request, "vocational/institution_detail.html", context)


@login_required
def institution_new(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("vocational.add_institution"):
        raise PermissionDenied
    form = InstitutionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            institution = domain.create_institution(request.user, form.data_for())
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("The institution is recorded."))
            return redirect("vocational:institution_detail", institution.pk)
    return render(request, "vocational/institution_form.html", {"form": form})


@login_required
def institution_edit(request: HttpRequest, pk: int) -> HttpResponse:
    institution = get_institution(pk)
    user: Any = request.user
    if not user.has_perm("vocational.change_institution", institution):
        raise PermissionDenied
    officer = bool(user.is_officer)
    action = request.POST.get("action", "save") if request.method == "POST" else ""
    form = InstitutionForm(
        request.POST if action == "save" else None,
        initial=InstitutionForm.initial_for(institution),
        officer=officer,
    )
    department_form = DepartmentForm(request.POST if action == "department" else None, prefix="d")
    contact_form = ContactForm(request.POST if action == "contact" else None, prefix="c")
    try:
        if action == "save" and form.is_valid():
            domain.update_institution(user, institution, form.data_for(institution))
            messages.success(request, _("The institution is saved."))
            return redirect("vocational:institution_detail", institution.pk)
        if action == "department" and department_form.is_valid():
            domain.add_department(user, institution, **department_form.cleaned_data)
            messages.success(request, _("The department is added."))
            return redirect("vocational:institution_edit", institution.pk)
        if action == "contact" and contact_form.is_valid():
            domain.add_contact(user, institution, **contact_form.cleaned_data)
            messages.success(request, _("The contact person is added."))
            return redirect("vocational:institution_edit", institution.pk)
    except ValidationError as error:
        add_form_errors(
            {"save": form, "department": department_form}.get(action, contact_form), error
        )
    return render(
        request,
        "vocational/institution_form.html",
        {
            "form": form,
            "institution": institution,
            "department_form": department_form,
            "contact_form": contact_form,
            "departments": list(institution.departments.all()),
            "contacts": list(institution.contacts.all()),
        },
    )


@login_required
@require_POST
def department_remove(request: HttpRequest, pk: int, department: int) -> HttpResponse:
    row = get_object_or_404(
        Department.objects.select_related("institution"), pk=department, institution_id=pk
    )
    domain.remove_department(request.user, row)
    messages.success(request, _("The department is removed."))
    return redirect("vocational:institution_edit", pk)


@login_required
@require_POST
def contact_remove(request: HttpRequest, pk: int, contact: int) -> HttpResponse:
    row = get_object_or_404(
        InstitutionContact.objects.select_related("institution"), pk=contact, institution_id=pk
    )
    domain.remove_contact(request.user, row)
    messages.success(request, _("The contact person is removed."))
    return redirect("vocational:institution_edit", pk)
