from __future__ import annotations

from django.contrib import admin

from jembatan.events.models import (
    Event,
    FollowUp,
    Interpreter,
    Meeting,
    MeetingRating,
    MeetingRequest,
    Participant,
    ScheduleRun,
    Session,
    Slot,
    Table,
)


class SessionInline(admin.TabularInline):
    model = Session
    extra = 1


class TableInline(admin.TabularInline):
    model = Table
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "venue",
        "time_zone",
        "table_count",
        "is_public",
        "schedule_published_at",
    )
    search_fields = ("name", "venue")
    readonly_fields = ("schedule_published_at", "created_by", "created_at")
    inlines = [SessionInline, TableInline]


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ("code", "event", "starts_at", "ends_at", "blocked")
    list_filter = ("blocked",)
    list_select_related = ("event",)


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ("name", "company", "event", "max_meetings", "checked_in_at", "no_show_at")
    search_fields = ("name", "company__name")
    list_select_related = ("company", "event")
    raw_id_fields = ("company", "registered_by")
    filter_horizontal = ("available_slots",)


@admin.register(Interpreter)
class InterpreterAdmin(admin.ModelAdmin):
    list_display = ("name", "event")
    filter_horizontal = ("available_slots",)


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ("sender", "receiver", "event", "priority", "status")
    list_filter = ("status", "priority")
    list_select_related = ("sender__company", "receiver__company", "event")
    raw_id_fields = ("sender", "receiver", "created_by", "lock_slot", "lock_table")


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("request", "stage", "slot", "table", "interpreter", "freed_at")
    list_filter = ("stage",)
    raw_id_fields = ("request", "slot", "table", "interpreter")


@admin.register(ScheduleRun)
class ScheduleRunAdmin(admin.ModelAdmin):
    list_display = (
        "event",
        "kind",
        "status",
        "objective",
        "upper_bound",
        "created_at",
        "started_by",
    )
    list_filter = ("status", "kind")
    readonly_fields = [f.name for f in ScheduleRun._meta.fields]


admin.site.register(MeetingRating)
admin.site.register(FollowUp)
