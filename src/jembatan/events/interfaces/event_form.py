"""The organisers' event form and its sessions formset.

Dates and times are typed in the event's own time zone (the one chosen on the form) and
stored in UTC, as everywhere in the events app.
"""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from typing import Any

from django import forms
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from jembatan.events.models import Event, Session

TIME_ZONES = ["Asia/Jakarta", "Asia/Tokyo", "Asia/Makassar", "Asia/Jayapura"]
WINDOW_FIELDS = ("registration_opens", "registration_closes", "requests_open", "requests_close")
MAX_TABLES = 500


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as typed, without a zone: the form attaches the event's zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value: Any) -> dt.datetime | None:
        result = super().to_python(value)
        return result.replace(tzinfo=None) if result is not None else None

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            return value.replace(tzinfo=None)  # already shown in the event's zone
        return super().prepare_value(value)


class TimeZoneInput(forms.TextInput):
    """A free text input that suggests the programme's usual zones."""

    template_name = "events/widgets/time_zone.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, {**(attrs or {}), "list": f"{name}-zones"})
        context["zones"] = TIME_ZONES
        return context


class EventForm(forms.ModelForm):
    time_zone = forms.CharField(
        label=_("time zone"),
        max_length=64,
        initial="Asia/Jakarta",
        widget=TimeZoneInput,
        help_text=_("Asia/Jakarta, Asia/Tokyo, Asia/Makassar, Asia/Jayapura or any IANA zone."),
    )
    table_count = forms.IntegerField(
        label=_("number of tables"),
        min_value=1,
        max_value=MAX_TABLES,
        required=False,
        help_text=_("Leave empty when you name the tables below."),
    )
    table_names = forms.CharField(
        label=_("table names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: one name per line (e.g. a room); their number sets the tables."),
    )
    registration_opens = LocalDateTimeField(label=_("registration opens"), required=False)
    registration_closes = LocalDateTimeField(label=_("registration closes"), required=False)
    requests_open = LocalDateTimeField(label=_("meeting requests open"), required=False)
    requests_close = LocalDateTimeField(label=_("meeting requests close"), required=False)
    scheduling_date = forms.DateField(
        label=_("scheduling date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    max_consecutive = forms.IntegerField(
        label=_("most meetings in a row"),
        required=False,
        min_value=1,
        max_value=50,
        help_text=_("Then a break of at least one slot. Empty: no limit."),
        error_messages={
            "min_value": _("Most meetings in a row: between 1 and 50, or empty for no limit."),
            "max_value": _("Most meetings in a row: between 1 and 50, or empty for no limit."),
            "invalid": _("Most meetings in a row: a whole number, or empty for no limit."),
        },
    )
    reminder_minutes = forms.IntegerField(
        label=_("reminder before each meeting (minutes)"),
        required=False,
        initial=30,
        min_value=5,
        max_value=1440,
        help_text=_("Empty: no reminders before meetings."),
        error_messages={
            "min_value": _("Reminder: between 5 and 1440 minutes before, or empty for none."),
            "max_value": _("Reminder: between 5 and 1440 minutes before, or empty for none."),
            "invalid": _("Reminder: a number of minutes, or empty for none."),
        },
    )
    field_order = [
        "name",
        "venue",
        "time_zone",
        "description",
        "table_count",
        "table_names",
    ]

    class Meta:
        model = Event
        fields = [
            "name",
            "venue",
            "time_zone",
            "description",
            "table_count",
            "registration_opens",
            "registration_closes",
            "requests_open",
            "requests_close",
            "scheduling_date",
            "auto_accept",
            "is_public",
            "max_consecutive",
            "reminder_minutes",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        event = self.instance
        if event.pk is None:
            return
        for name in WINDOW_FIELDS:
            value = getattr(event, name)
            if value is not None:
                self.initial[name] = value.astimezone(event.zone).replace(tzinfo=None)
        names = [t.name for t in event.tables.all()]
        if any(names):
            self.initial["table_names"] = "\n".join(names)

    def clean_time_zone(self) -> str:
        zone = self.cleaned_data["time_zone"].strip()
        if zone not in zoneinfo.available_timezones():
            raise forms.ValidationError(
                _("Time zone: %(zone)s is not a known time zone (e.g. Asia/Jakarta)."),
                params={"zone": zone},
            )
        return zone

    def clean_table_names(self) -> list[str] | None:
        text = self.cleaned_data.get("table_names") or ""
        names = [line.strip() for line in text.splitlines() if line.strip()]
        if len(names) > MAX_TABLES:
            raise forms.ValidationError(
                _("Table names: at most %(max)s tables."), params={"max": MAX_TABLES}
            )
        if len(set(names)) != len(names):
            raise forms.ValidationError(_("Table names: each table needs a different name."))
        return names

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        names = data.get("table_names") or []
        count = data.get("table_count")
        if names and count and count != len(names):
            self.add_error(
                "table_count",
                _("Number of tables: %(count)s, but %(names)s table names are given.")
                % {"count": count, "names": len(names)},
            )
        elif names:
            data["table_count"] = len(names)
        elif not count and "table_count" not in self.errors:
            self.add_error("table_count", _("Number of tables: give a number or name the tables."))
        zone = zoneinfo.ZoneInfo(data["time_zone"]) if data.get("time_zone") else None
        if zone is not None:
            for name in WINDOW_FIELDS:
                if data.get(name) is not None:
                    data[name] = data[name].replace(tzinfo=zone)
        self._check_windows(data)
        return data

    def _check_windows(self, data: dict[str, Any]) -> None:
        pairs = [
            (
                "registration_opens",
                "registration_closes",
                _("Registration closes: this must be after registration opens."),
            ),
            (
                "requests_open",
                "requests_close",
                _("Meeting requests close: this must be after meeting requests open."),
            ),
        ]
        for opens, closes, message in pairs:
            if data.get(opens) and data.get(closes) and data[closes] <= data[opens]:
                self.add_error(closes, message)
        self._check_scheduling_date(data.get("requests_close"), data.get("scheduling_date"))

    def _check_scheduling_date(self, closes: dt.datetime | None, day: dt.date | None) -> None:
        zone = closes.tzinfo if closes is not None else None
        if closes is not None and day is not None and zone is not None:
            start_of_day = dt.datetime.combine(day, dt.time(0), tzinfo=zone)
            if closes > start_of_day:
                self.add_error(
                    "scheduling_date",
                    _(
                        "Scheduling date: the meeting requests must close before it; they "
                        "close on %(closes)s."
                    )
                    % {"closes": f"{closes:%Y-%m-%d %H:%M}"},
                )


class SessionForm(forms.ModelForm):
    day = forms.DateField(
        label=_("day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    starts = forms.TimeField(
        label=_("starts (local time)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    ends = forms.TimeField(
        label=_("ends (local time)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    slot_minutes = forms.IntegerField(
        label=_("slot length (minutes)"),
        initial=30,
        error_messages={
            "min_value": _("Slot length: between 15 and 60 minutes."),
            "max_value": _("Slot length: between 15 and 60 minutes."),
        },
        min_value=15,
        max_value=60,
    )
    break_minutes = forms.IntegerField(
        label=_("break between slots (minutes)"),
        initial=0,
        min_value=0,
        max_value=60,
        error_messages={
            "min_value": _("Break: between 0 and 60 minutes."),
            "max_value": _("Break: between 0 and 60 minutes."),
        },
    )

    class Meta:
        model = Session
        fields = ["day", "starts", "ends", "slot_minutes", "break_minutes"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends, minutes = data.get("starts"), data.get("ends"), data.get("slot_minutes")
        if starts is None or ends is None:
            return data
        if ends <= starts:
            self.add_error(
                "ends",
                _("Ends: %(ends)s is not after the start, %(starts)s.")
                % {"ends": f"{ends:%H:%M}", "starts": f"{starts:%H:%M}"},
            )
        elif minutes and _minutes_between(starts, ends) < minutes:
            self.add_error(
                "ends",
                _("Ends: the session is shorter than one %(minutes)s-minute slot.")
                % {"minutes": minutes},
            )
        return data


def _minutes_between(starts: dt.time, ends: dt.time) -> int:
    day = dt.date(2000, 1, 1)
    return int((dt.datetime.combine(day, ends) - dt.datetime.combine(day, starts)).seconds // 60)


class BaseSessionFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.has_changed() or form.instance.pk is not None
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            raise forms.ValidationError(_("Sessions: add at least one session."))
        self._check_overlaps(kept)

    def _check_overlaps(self, sessions: list[dict[str, Any]]) -> None:
        ordered = sorted(
            (s for s in sessions if s.get("day") and s.get("starts") and s.get("ends")),
            key=lambda s: (s["day"], s["starts"]),
        )
        for first, second in itertools.pairwise(ordered):
            if first["day"] == second["day"] and second["starts"] < first["ends"]:
                raise forms.ValidationError(
                    _("Sessions: on %(day)s, %(first)s and %(second)s overlap.")
                    % {
                        "day": first["day"].isoformat(),
                        "first": f"{first['starts']:%H:%M}–{first['ends']:%H:%M}",
                        "second": f"{second['starts']:%H:%M}–{second['ends']:%H:%M}",
                    }
                )

    @property
    def days(self) -> list[dt.date]:
        return sorted(
            form.cleaned_data["day"]
            for form in self.forms
            if form.cleaned_data.get("day") and not form.cleaned_data.get("DELETE")
        )


SessionFormSet = inlineformset_factory(
    Event,
    Session,
    form=SessionForm,
    formset=BaseSessionFormSet,
    extra=2,
    can_delete=True,
)


def check_scheduling_before_sessions(form: EventForm, formset: Any) -> bool:
    """The scheduling date comes before the first day of meetings; the error goes on the form."""
    day = form.cleaned_data.get("scheduling_date")
    days = formset.days
    if day is None or not days or day < days[0]:
        return True
    form.add_error(
        "scheduling_date",
        _("Scheduling date: it must be before the first day of meetings, %(day)s.")
        % {"day": days[0].isoformat()},
    )
    return False
