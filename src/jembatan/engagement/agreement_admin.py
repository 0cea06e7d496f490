"""Agreements, outcomes and exchange rates in the Django admin (imported by ready()).

Officers maintain exchange rates here, one date at a time (many at once: the CSV import
on the rates page or `jembatan rates import`). Agreements are recorded from introductions
or the API; here officers read them and verify them through the same domain action."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from jembatan.core.domain.audit import log_action
from jembatan.engagement.domain.agreements import AgreementError, verify_agreement
from jembatan.engagement.models import (
    Agreement,
    AgreementDocument,
    AgreementParty,
    ExchangeRate,
    OutcomeObservation,
)


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["on", "idr_per_usd", "jpy_per_usd", "source", "entered_by"]
    date_hierarchy = "on"
    fields = ["on", "idr_per_usd", "jpy_per_usd", "source"]

    def save_model(
        self, request: HttpRequest, obj: ExchangeRate, form: ModelForm[ExchangeRate], change: bool
    ) -> None:
        obj.entered_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)
        log_action(
            "jembatan.exchange_rate.saved",
            obj,
            request.user,
            {"after": [str(obj.idr_per_usd), str(obj.jpy_per_usd)], "changed": form.changed_data},
        )


class PartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 0
    fields = ("company", "confirmed_at", "confirmed_by")
    readonly_fields = ("company", "confirmed_at", "confirmed_by")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class DocumentInline(admin.TabularInline):
    model = AgreementDocument
    extra = 0
    fields = ("original_name", "size", "uploaded_by", "uploaded_at")
    readonly_fields = ("original_name", "size", "uploaded_by", "uploaded_at")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.action(description=_("Verify the selected agreements"))
def verify_selected(modeladmin: Any, request: HttpRequest, queryset: QuerySet[Agreement]) -> None:
    done = 0
    for agreement in queryset:
        try:
            verify_agreement(request.user, agreement)
        except AgreementError as error:
            modeladmin.message_user(request, f"{agreement}: {error}", messages.WARNING)
        else:
            done += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d agreement verified.", "%(count)d agreements verified.", done)
        % {"count": done},
    )


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "type", "signed_on", "status", "value_amount", "value_currency"]
    list_filter = ["status", "type"]
    date_hierarchy = "signed_on"
    inlines = [PartyInline, DocumentInline]
    actions = [verify_selected]
    readonly_fields = [f.name for f in Agreement._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(OutcomeObservation)
class OutcomeObservationAdmin(admin.ModelAdmin):
    list_display = ["agreement", "company", "observed_on", "active", "jobs_created"]
    list_filter = ["active"]
    readonly_fields = [f.name for f in OutcomeObservation._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
