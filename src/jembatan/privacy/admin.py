"""Erasure requests in the admin: read-only. Deciding goes through the officers' queue,
which calls the one domain action (privacy/domain/erasure.py)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from jembatan.privacy.models import ErasureRequest


@admin.register(ErasureRequest)
class ErasureRequestAdmin(admin.ModelAdmin):
    list_display = ["company", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["company"]
    readonly_fields = [
        "company",
        "requested_by",
        "reason",
        "status",
        "decided_by",
        "decided_at",
        "decision_note",
        "created_at",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
