from __future__ import annotations

from django.contrib import admin

from jembatan.notifications.models import Notification, NotificationPreference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "kind", "created_at", "read_at", "email_state"]
    list_filter = ["kind", "email_state"]
    search_fields = ["title", "recipient__username", "recipient__email"]
    raw_id_fields = ["recipient"]
    readonly_fields = ["created_at", "email_attempts", "email_last_error", "email_sent_at"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "channel"]
    list_filter = ["kind", "channel"]
    raw_id_fields = ["user"]
