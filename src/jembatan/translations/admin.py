from __future__ import annotations

from django.contrib import admin

from jembatan.translations.models import ContentTranslation, TranslationRequest


@admin.register(ContentTranslation)
class ContentTranslationAdmin(admin.ModelAdmin):
    """For officers to look into or remove a version; writing one goes through the site's
    form, which checks an anonymous profile's version like its original, so the texts are
    read-only here."""

    list_display = ("content_type", "object_id", "language", "origin", "engine", "made_at")
    list_filter = ("language", "origin", "content_type")
    readonly_fields = (
        "content_type",
        "object_id",
        "language",
        "texts",
        "origin",
        "engine",
        "source_language",
        "source_hash",
        "made_by",
        "made_at",
    )

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(TranslationRequest)
class TranslationRequestAdmin(admin.ModelAdmin):
    list_display = ("content_type", "object_id", "language", "requested_at", "done_at")
    list_filter = ("language", "done_at")
    readonly_fields = ("content_type", "object_id", "requested_by", "requested_at")
