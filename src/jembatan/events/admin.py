"""Events in Django admin. Saving goes through the same domain actions as the organisers'
pages (save_event, save_participant), which check who may and write the audit entry. The
set-up that slots depend on (time zone, tables, sessions) is changed only on the organisers'
page, where a change that would drop a scheduled meeting is explained; here it is shown."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest

from jembatan.events.domain.registration import save_participant
from jembatan.events.domain.setup import save_event
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


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class SessionInline(ReadOnlyInline):
    model = Session


class TableInline(ReadOnlyInline):
    model = Table


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

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        """Once the event exists its slots hang on its zone and tables: the organisers'
        page changes them, and says which meetings a change would drop."""
        fields = tuple(super().get_readonly_fields(request, obj))
        return fields if obj is None else ("time_zone", "table_count", *fields)

    def save_model(self, request: HttpRequest, obj: Event, form: ModelForm, change: bool) -> None:
        if obj.pk is None:
            obj.created_by = request.user  # type: ignore[assignment]

        def write(event: Event) -> Event:
            super(EventAdmin, self).save_model(request, event, form, change)
            return event

        save_event(request.user, obj, write)


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
    raw_id_fields = ("company",)
    readonly_fields = ("registered_by",)
    filter_horizontal = ("available_slots", "preferred_slots", "unwanted_slots")

    def save_model(
        self, request: HttpRequest, obj: Participant, form: ModelForm, change: bool
    ) -> None:
        def write(participant: Participant) -> None:
            super(ParticipantAdmin, self).save_model(request, participant, form, change)

        save_participant(request.user, obj, write)


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
