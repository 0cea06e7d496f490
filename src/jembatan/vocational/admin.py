"""Admin pages for officers. Changes go through the domain functions (the same checks and
audit entries as the pages and the API); new MoUs, institutions and participants are
recorded on the vocational pages, where their parties and institution are chosen."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from jembatan.vocational.domain.institutions import InstitutionData, update_institution
from jembatan.vocational.domain.mous import MouData, update_mou
from jembatan.vocational.domain.people import PersonData, update_person
from jembatan.vocational.interfaces.forms import PersonForm
from jembatan.vocational.models import (
    Department,
    Institution,
    InstitutionContact,
    Mou,
    MouParty,
    MouScope,
    Person,
    PersonDocument,
)


def cleaned(form: Any, names: Any) -> dict[str, Any]:
    return {str(name): form.cleaned_data[name] for name in names}


class ReadOnlyInline(admin.TabularInline):  # type: ignore[type-arg]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class DepartmentInline(ReadOnlyInline):
    model = Department
    fields = ["kind", "name"]


class ContactInline(ReadOnlyInline):
    model = InstitutionContact
    fields = ["name", "position", "email", "phone", "is_primary"]


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["__str__", "type", "city", "company"]
    list_filter = ["type"]
    search_fields = ["organisation__name", "name_local", "short_name", "city"]
    fields = [
        "type",
        "name_local",
        "short_name",
        "city",
        "address",
        "website",
        "supervised_by",
        "company",
        "description",
    ]
    autocomplete_fields = ["company"]
    inlines = [DepartmentInline, ContactInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).select_related("organisation", "company")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Institution, form: Any, change: bool) -> None:
        organisation = obj.organisation
        data = InstitutionData(
            name=organisation.name,
            country=organisation.country,
            region=organisation.region,
            **cleaned(form, self.fields),
        )
        update_institution(request.user, Institution.objects.get(pk=obj.pk), data)


class DocumentInline(ReadOnlyInline):
    model = PersonDocument
    fields = ("kind", "original_name", "size", "uploaded_at")
    readonly_fields = fields


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["__str__", "kind", "institution", "department", "jlpt_level"]
    list_filter = ["kind", "jlpt_level"]
    search_fields = ["given_name", "family_name", "name_latin"]
    fields = list(PersonForm.Meta.fields)  # what the institution's own page edits
    inlines = [DocumentInline]

    def get_queryset(self, request: HttpRequest) -> Any:
        return (
            super().get_queryset(request).select_related("institution__organisation", "department")
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Person, form: Any, change: bool) -> None:
        data = PersonData(**cleaned(form, self.fields))
        update_person(request.user, Person.objects.get(pk=obj.pk), data)


class PartyInline(ReadOnlyInline):
    model = MouParty
    fields = ["institution", "company", "signatory", "signatory_title"]


class ScopeInline(ReadOnlyInline):
    model = MouScope
    fields = ["kind", "description"]


@admin.register(Mou)
class MouAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "signed_on", "starts_on", "ends_on", "terminated_on"]
    search_fields = ["title", "parties__institution__organisation__name"]
    date_hierarchy = "signed_on"
    fields = ["title", "signed_on", "starts_on", "ends_on", "renewal", "summary"]
    inlines = [PartyInline, ScopeInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Mou, form: Any, change: bool) -> None:
        current = Mou.objects.prefetch_related("parties", "scope_items").get(pk=obj.pk)
        parties = list(current.parties.select_related("institution", "company"))
        data = MouData(
            **cleaned(form, self.fields),
            institutions=[p.institution for p in parties if p.institution is not None],
            companies=[p.company for p in parties if p.company is not None],
            scope=[item.kind for item in current.scope_items.all()],
            scope_descriptions={item.kind: item.description for item in current.scope_items.all()},
        )
        update_mou(request.user, current, data)
