from __future__ import annotations

from django.contrib import admin

from jembatan.matching.models import DigestSubscription, EmbeddedObject, RecommendationFeedback


@admin.register(RecommendationFeedback)
class RecommendationFeedbackAdmin(admin.ModelAdmin):
    list_display = ("company", "target_type", "target_id", "verdict", "score", "created_at")
    list_filter = ("verdict", "target_type")
    list_select_related = ("company",)
    raw_id_fields = ("company", "source_profile", "created_by")


@admin.register(DigestSubscription)
class DigestSubscriptionAdmin(admin.ModelAdmin):
    list_display = ("user", "is_active", "last_sent_at")
    list_filter = ("is_active",)
    list_select_related = ("user",)
    raw_id_fields = ("user",)


@admin.register(EmbeddedObject)
class EmbeddedObjectAdmin(admin.ModelAdmin):
    list_display = ("object_type", "object_id", "model", "updated_at")
    list_filter = ("object_type", "model")
    readonly_fields = ("object_type", "object_id", "text_hash", "model", "updated_at")
