from __future__ import annotations

from django.contrib import admin

from jembatan.opportunities.models import PartnershipProfile, ProfileAttachment


class ProfileAttachmentInline(admin.TabularInline):
    model = ProfileAttachment
    extra = 0
    readonly_fields = ("original_name", "content_type", "size", "uploaded_at")


@admin.register(PartnershipProfile)
class PartnershipProfileAdmin(admin.ModelAdmin):
    list_display = ("title", "company", "kind", "direction", "status", "is_anonymous", "expires_at")
    list_filter = ("status", "kind", "direction", "is_anonymous", "sector")
    search_fields = ("title", "summary", "company__name", "company__name_alt")
    list_select_related = ("company",)
    raw_id_fields = ("company", "classifications", "validated_by", "created_by")
    # Status moves only through the lifecycle actions (views, API), never by editing here.
    readonly_fields = (
        "status",
        "language_detected",
        "submitted_at",
        "validated_by",
        "validated_at",
        "published_at",
        "expires_at",
        "extended_once",
        "closed_reason",
        "closed_at",
        "disclosed_at",
        "created_by",
        "created_at",
        "updated_at",
    )
    inlines = [ProfileAttachmentInline]
