"""An event, its sessions, the time slots generated from them, and its tables."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(zone)s is not a known time zone."), params={"zone": value})


class Event(models.Model):
    """A business-matching event: where, when, how many tables, and its deadlines."""

    name = models.CharField(_("name"), max_length=200)
    venue = models.CharField(_("venue"), max_length=255)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Asia/Jakarta",
        validators=[validate_time_zone],
        help_text=_("Where the event takes place, e.g. Asia/Jakarta or Asia/Tokyo."),
    )
    description = models.TextField(_("description"), blank=True)
    # 500 tables: the organisers' form says the same (event_form.MAX_TABLES).
    table_count = models.PositiveSmallIntegerField(
        _("number of tables"), default=10, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    requests_open = models.DateTimeField(_("meeting requests open"), null=True, blank=True)
    requests_close = models.DateTimeField(_("meeting requests close"), null=True, blank=True)
    scheduling_date = models.DateField(_("scheduling date"), null=True, blank=True)
    auto_accept = models.BooleanField(
        _("accept requests automatically"),
        default=False,
        help_text=_("Requests count as accepted as soon as they are sent."),
    )
    is_public = models.BooleanField(_("public"), default=True)
    schedule_published_at = models.DateTimeField(_("schedule published"), null=True, blank=True)
    max_consecutive = models.PositiveSmallIntegerField(
        _("most meetings in a row"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Then a break of at least one slot. Empty: no limit."),
    )
    # None: no reminder e-mails before meetings.
    reminder_minutes = models.PositiveSmallIntegerField(
        _("reminder before each meeting (minutes)"),
        null=True,
        blank=True,
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(1440)],
        help_text=_("Empty: no reminders before meetings."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.name

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class Session(models.Model):
    """A block of meetings on one day, in the event's local time; slots fill it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    day = models.DateField(_("day"))
    starts = models.TimeField(_("starts (local time)"))
    ends = models.TimeField(_("ends (local time)"))
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"),
        default=30,
        validators=[MinValueValidator(15), MaxValueValidator(60)],
    )
    break_minutes = models.PositiveSmallIntegerField(
        _("break between slots (minutes)"), default=0, validators=[MaxValueValidator(60)]
    )

    class Meta:
        ordering = ["day", "starts"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__gt=models.F("starts")),
                name="events_session_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(slot_minutes__gte=15, slot_minutes__lte=60),
                name="events_session_slot_length",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.starts:%H:%M}-{self.ends:%H:%M}"


class Slot(models.Model):
    """One meeting time, stored in UTC; ``code`` (d1-0900, local time) names it to the solver."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="slots")
    code = models.CharField(max_length=20)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    blocked = models.BooleanField(
        _("blocked"), default=False, help_text=_("No meeting is scheduled in a blocked slot.")
    )

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        constraints = [
            models.UniqueConstraint(fields=["event", "code"], name="events_slot_code_unique"),
        ]

    def __str__(self) -> str:
        return self.code


class Table(models.Model):
    """A meeting table (or a named room); the solver numbers them 1..tables."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="tables")
    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    name = models.CharField(_("name"), max_length=100, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="events_table_number_unique"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.name or str(_("Table %(number)s") % {"number": self.number})
