from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from jembatan.accounts.models import CompanyClaim, Invitation, Organisation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "email", "role", "organisation", "language", "is_active")
    list_filter = ("role", "language", "is_active", "is_staff")
    list_select_related = ("organisation",)
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (
            _("Programme"),
            {
                "fields": (
                    "organisation",
                    "role",
                    "language",
                    "time_zone",
                    "name_latin",
                    "name_kana",
                    "email_confirmed",
                )
            },
        ),
    )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "office", "company", "institution_type", "verification")
    list_filter = ("kind", "office", "verification")
    search_fields = ("name",)
    raw_id_fields = ("company",)


@admin.register(CompanyClaim)
class CompanyClaimAdmin(admin.ModelAdmin):
    """Read here; decided on the claims page (accounts/domain/claims.py), the one path."""

    list_display = ("company", "user", "status", "created_at", "decided_at")
    list_filter = ("status",)
    raw_id_fields = ("company", "user", "decided_by")
    readonly_fields = ("status", "decided_at", "decided_by")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = (
        "email",
        "organisation",
        "created_at",
        "expires_at",
        "accepted_at",
        "revoked_at",
    )
    raw_id_fields = ("organisation", "invited_by", "accepted_user")
