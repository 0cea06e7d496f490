"""The registry in Django admin. Verification and crosswalk decisions go through the same
domain functions as the web pages and the API, so every path records who decided and when."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from jembatan.registry.domain.companies import CompanyChangeError, save_company
from jembatan.registry.domain.crosswalk_store import ReviewConflictError, review_link
from jembatan.registry.domain.verification import (
    DecisionConflictError,
    return_company,
    verify_company,
)
from jembatan.registry.interfaces.forms import ReturnCompanyForm
from jembatan.registry.models import (
    Certification,
    Classification,
    Company,
    Contact,
    CrosswalkLink,
    ProgrammeSector,
    Region,
)


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("name", "country", "registry_id", "region", "size_class", "verification")
    list_filter = ("country", "verification", "size_class", "sectors")
    search_fields = ("name", "name_alt", "registry_id")
    list_select_related = ("region",)
    raw_id_fields = ("classifications", "verified_by")
    filter_horizontal = ("certifications", "sectors")
    # Verification changes only through the actions, which record the officer and the date.
    readonly_fields = (
        "size_class",
        "verification",
        "verification_note",
        "verified_by",
        "verified_at",
        "created_at",
        "updated_at",
    )
    inlines = [ContactInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ["verify_selected", "return_selected"]

    def save_model(self, request: HttpRequest, obj: Company, form: ModelForm, change: bool) -> None:
        """Nothing yet: save_related saves the company through the domain action, once the
        inline contacts are known, so the audit entry names them too."""

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        also = ["contacts"] if any(formset.has_changed() for formset in formsets) else []
        try:
            saved = save_company(request.user, form.instance, changes, also_changed=also)
        except CompanyChangeError as refused:
            raise PermissionDenied(str(refused)) from refused
        if saved is not form.instance:
            form.instance.refresh_from_db()
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    @admin.action(description=_("Verify the selected companies"), permissions=["verify"])
    def verify_selected(self, request: HttpRequest, queryset: QuerySet[Company]) -> None:
        done = self._decide(request, queryset, lambda c: verify_company(c, request.user))
        self.message_user(
            request,
            ngettext("%(count)d company verified.", "%(count)d companies verified.", done)
            % {"count": done},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Return the selected companies with a note"), permissions=["verify"]
    )
    def return_selected(
        self, request: HttpRequest, queryset: QuerySet[Company]
    ) -> HttpResponse | None:
        form = ReturnCompanyForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            note = form.cleaned_data["note"]
            done = self._decide(request, queryset, lambda c: return_company(c, request.user, note))
            self.message_user(
                request,
                ngettext("%(count)d company returned.", "%(count)d companies returned.", done)
                % {"count": done},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Return companies with a note"),
            "opts": self.model._meta,
            "companies": queryset,
            "form": form,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/registry/company/return_note.html", context)

    def _decide(
        self, request: HttpRequest, queryset: QuerySet[Company], decide: Callable[[Company], Any]
    ) -> int:
        """Apply `decide` to each company; one already decided (by another officer, or
        before) is named in a warning and left as it is. Returns how many were decided."""
        done = 0
        for company in queryset:
            try:
                decide(company)
            except DecisionConflictError as conflict:
                self.message_user(request, str(conflict), messages.WARNING)
            else:
                done += 1
        return done

    def has_verify_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("registry.verify_company"))


@admin.register(Classification)
class ClassificationAdmin(admin.ModelAdmin):
    list_display = ("scheme", "code", "level", "title_en", "title_id", "title_ja")
    list_filter = ("scheme", "level")
    search_fields = ("code", "title_en", "title_id", "title_ja")
    raw_id_fields = ("parent",)


@admin.register(CrosswalkLink)
class CrosswalkLinkAdmin(admin.ModelAdmin):
    list_display = (
        "source",
        "isic",
        "method",
        "basis",
        "score",
        "status",
        "confirmed_by",
        "confirmed_at",
    )
    list_filter = ("status", "method", "source__scheme")
    list_select_related = ("source", "isic", "confirmed_by")
    search_fields = ("source__code", "isic__code", "source__title_en", "source__title_id")
    raw_id_fields = ("source", "isic")
    readonly_fields = ("status", "confirmed_by", "confirmed_at")
    actions = ["confirm_selected", "reject_selected"]

    @admin.action(description=_("Confirm the selected links"), permissions=["review"])
    def confirm_selected(self, request: HttpRequest, queryset: QuerySet[CrosswalkLink]) -> None:
        self._review(request, queryset, confirm=True)

    @admin.action(description=_("Reject the selected links"), permissions=["review"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[CrosswalkLink]) -> None:
        self._review(request, queryset, confirm=False)

    def _review(
        self, request: HttpRequest, queryset: QuerySet[CrosswalkLink], *, confirm: bool
    ) -> None:
        done = 0
        for link in queryset.select_related("source", "isic"):
            try:
                review_link(link, request.user, confirm=confirm)
            except ReviewConflictError as conflict:
                self.message_user(request, str(conflict), messages.WARNING)
            else:
                done += 1
        template = (
            ngettext("%(count)d link confirmed.", "%(count)d links confirmed.", done)
            if confirm
            else ngettext("%(count)d link rejected.", "%(count)d links rejected.", done)
        )
        self.message_user(request, template % {"count": done}, messages.SUCCESS)

    def has_review_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("registry.review_crosswalk"))


admin.site.register(Region)
admin.site.register(ProgrammeSector)
admin.site.register(Certification)
