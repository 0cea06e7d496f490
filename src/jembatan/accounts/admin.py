from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice

from jembatan.accounts.domain.claims import DecisionConflictError, confirm_claim
from jembatan.accounts.domain.two_factor import remove_devices
from jembatan.accounts.models import CompanyClaim, Invitation, Organisation, User
from jembatan.accounts.tasks import after_commit, task_send_claim_decision


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
    actions = ["remove_two_factor"]

    @admin.action(description=_("Remove two-factor sign-in (lost phone)"))
    def remove_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        removed = sum(1 for user in queryset if remove_devices(user, actor=request.user))
        self.message_user(
            request, _("Two-factor sign-in removed from %(count)d accounts.") % {"count": removed}
        )


class RecoveryCodesAdmin(StaticDeviceAdmin):
    """Recovery codes (accounts/domain/two_factor.py): only digests are stored, so the admin
    shows the device and how many codes are left, and cannot add codes (a typed one would
    be stored in plain text and never match); deleting the device removes them."""

    list_display = ["user", "name", "codes_left", "created_at", "last_used_at"]

    @admin.display(description=_("Unused recovery codes"))
    def codes_left(self, obj: StaticDevice) -> int:
        return int(obj.token_set.count())

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def get_inline_instances(self, request: HttpRequest, obj: object = None) -> list[object]:
        return []  # the tokens are digests: nothing to read or type there


admin.site.unregister(StaticDevice)
admin.site.register(StaticDevice, RecoveryCodesAdmin)


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
    actions = ["confirm_claims"]

    @admin.action(description=_("Confirm the selected claims"))
    def confirm_claims(self, request: HttpRequest, queryset: QuerySet[CompanyClaim]) -> None:
        for claim in queryset.select_related("company").filter(status="pending"):
            try:
                confirm_claim(claim, request.user)
            except (DecisionConflictError, PermissionDenied) as error:
                self.message_user(request, f"{claim}: {error}", messages.ERROR)
            else:
                after_commit(task_send_claim_decision, claim.pk)


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
