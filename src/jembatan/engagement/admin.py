"""Read-only admin views: every change goes through the domain actions (and their audit)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from jembatan.engagement.models import ExpressionOfInterest, Introduction, IntroductionStageChange


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(ReadOnly):
    list_display = ("id", "profile", "requester_company", "status", "mediated", "created_at")
    list_filter = ("status", "mediated")
    list_select_related = ("profile", "requester_company")


class StageChangeInline(admin.TabularInline):  # type: ignore[type-arg]
    model = IntroductionStageChange
    extra = 0
    can_delete = False
    readonly_fields = ("from_stage", "to_stage", "reason", "changed_by", "changed_at")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Introduction)
class IntroductionAdmin(ReadOnly):
    list_display = ("id", "company_a", "company_b", "stage", "created_at", "last_activity_at")
    list_filter = ("stage",)
    list_select_related = ("company_a", "company_b")
    inlines = [StageChangeInline]
