"""Participant pages (teachers, students): only for those rules.py lets see them.

A person the user may not see is a 404, not a 403: another school does not even learn
that a student of a given id exists.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.core.interfaces.downloads import stored_file_response
from jembatan.vocational.domain import people as domain
from jembatan.vocational.domain.visibility import users_institution
from jembatan.vocational.interfaces.forms import PersonDocumentForm, PersonForm
from jembatan.vocational.models import Institution, Person, PersonDocument, PersonKind
from jembatan.vocational.views.institutions import add_form_errors

PAGE_SIZE = 50


def get_person(request: HttpRequest, pk: int) -> Person:
    person = get_object_or_404(domain.people_rows(request.user), pk=pk)
    if not request.user.has_perm("vocational.view_person", person):
        raise Http404
    return person


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("vocational.view_people"):
        raise PermissionDenied
    rows = domain.people_rows(request.user)
    kind = request.GET.get("kind", "")
    if kind in PersonKind.values:
        rows = rows.filter(kind=kind)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    return render(
        request,
        "vocational/person_list.html",
        {
            "page": page,
            "rows": [(person, person.is_minor_on(today)) for person in page.object_list],
            "kind": kind,
            "kinds": PersonKind.choices,
            "may_add": request.user.has_perm("vocational.add_person"),
        },
    )


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person(request, pk)
    may_change = request.user.has_perm("vocational.change_person", person)
    form = PersonDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not may_change:
            raise PermissionDenied
        if form.is_valid():
            try:
                domain.add_document(
                    request.user, person, form.cleaned_data["kind"], form.cleaned_data["file"]
                )
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                messages.success(request, _("The document is added."))
                return redirect("vocational:person_detail", person.pk)
    return render(
        request,
        "vocational/person_detail.html",
        {
            "person": person,
            "minor": person.is_minor_on(timezone.localdate()),
            "documents": list(person.documents.all()),
            "may_change": may_change,
            "may_erase": request.user.has_perm("vocational.erase_person", person),
            "form": form if may_change else None,
        },
    )


def _institution_for_new(request: HttpRequest) -> Institution:
    own = users_institution(request.user)
    if own is not None:
        return get_object_or_404(Institution, pk=own)
    wanted = request.GET.get("institution") or request.POST.get("institution")
    if not wanted or not str(wanted).isdigit():
        raise Http404
    return get_object_or_404(Institution, pk=int(wanted))


@login_required
def person_new(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("vocational.add_person"):
        raise PermissionDenied
    institution = _institution_for_new(request)
    if not request.user.has_perm("vocational.add_person_to", institution):
        raise PermissionDenied
    form = PersonForm(request.POST or None, institution=institution)
    if request.method == "POST" and form.is_valid():
        try:
            person = domain.create_person(request.user, institution, form.person_data())
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("The participant is recorded."))
            return redirect("vocational:person_detail", person.pk)
    return render(
        request, "vocational/person_form.html", {"form": form, "institution": institution}
    )


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person(request, pk)
    if not request.user.has_perm("vocational.change_person", person):
        raise PermissionDenied
    form = PersonForm(request.POST or None, instance=person, institution=person.institution)
    if request.method == "POST" and form.is_valid():
        try:
            domain.update_person(request.user, person, form.person_data())
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("The participant is saved."))
            return redirect("vocational:person_detail", person.pk)
    return render(
        request,
        "vocational/person_form.html",
        {"form": form, "institution": person.institution, "person": person},
    )


@login_required
def person_document(request: HttpRequest, pk: int, document: int) -> FileResponse:
    person = get_person(request, pk)
    row = get_object_or_404(PersonDocument, pk=document, person=person)
    return stored_file_response(row.file, row.original_name, row.content_type)


@login_required
@require_POST
def person_document_remove(request: HttpRequest, pk: int, document: int) -> HttpResponse:
    person = get_person(request, pk)
    row = get_object_or_404(
        PersonDocument.objects.select_related("person"), pk=document, person=person
    )
    domain.remove_document(request.user, row)
    messages.success(request, _("The document is removed."))
    return redirect("vocational:person_detail", person.pk)


@login_required
@require_POST
def person_erase(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person(request, pk)
    domain.erase_person(request.user, person)
    messages.success(request, _("The participant's personal data is erased."))
    return redirect("vocational:person_list")
