"""Forms for registration, requests, organiser actions and ratings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from jembatan.events.models import (
    Event,
    Interpreter,
    Meeting,
    Participant,
    Priority,
    Slot,
    Stage,
    Table,
)
from jembatan.registry.models import Company

LANGUAGES = [
    ("id", _("Indonesian")),
    ("ja", _("Japanese")),
    ("en", _("English")),
    ("zh", _("Chinese")),
    ("ko", _("Korean")),
]


def slot_label(slot: Slot) -> str:
    local = slot.starts_at.astimezone(slot.event.zone)
    return str(formats.date_format(local, "WEEKDAY_DATETIME_FORMAT"))


class SlotChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Slot) -> str:
        return slot_label(obj)


class AvailabilityMixin(forms.ModelForm):
    """Whole event, some days, or some slots; stored as the slot list it comes to."""

    days = forms.MultipleChoiceField(
        label=_("available on these days"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def setup_availability(self, event: Event) -> None:
        slots = event.slots.select_related("event").order_by("starts_at")
        field = self.fields["available_slots"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = slots
        field.required = False
        zone = event.zone
        days = sorted({s.starts_at.astimezone(zone).date() for s in slots})
        day_field = self.fields["days"]
        assert isinstance(day_field, forms.MultipleChoiceField)
        day_field.choices = [(d.isoformat(), formats.date_format(d, "DATE_FORMAT")) for d in days]
        self._event = event

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("available_everywhere"):
            data["available_slots"] = []
            return data
        zone = self._event.zone
        days = set(data.get("days") or [])
        chosen = set(data.get("available_slots") or [])
        chosen |= {
            s
            for s in self._event.slots.all()
            if s.starts_at.astimezone(zone).date().isoformat() in days
        }
        if not chosen:
            self.add_error(
                "available_slots",
                _("Choose the days or slots when available, or tick the whole event."),
            )
        data["available_slots"] = sorted(chosen, key=lambda s: s.starts_at)
        return data


class ParticipantForm(AvailabilityMixin):
    languages = forms.MultipleChoiceField(
        label=_("languages spoken"), choices=LANGUAGES, widget=forms.CheckboxSelectMultiple
    )
    available_slots = SlotChoiceField(
        label=_("available in these slots"),
        queryset=Slot.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    max_consecutive = forms.IntegerField(
        label=_("most meetings in a row"),
        required=False,
        min_value=1,
        max_value=50,
        help_text=_("Empty: the event's setting."),
        error_messages={
            "min_value": _("Most meetings in a row: between 1 and 50, or empty."),
            "max_value": _("Most meetings in a row: between 1 and 50, or empty."),
            "invalid": _("Most meetings in a row: a whole number, or empty."),
        },
    )
    preferred_slots = SlotChoiceField(
        label=_("preferred slots"),
        queryset=Slot.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A wish: the scheduler tries to put meetings here."),
    )
    unwanted_slots = SlotChoiceField(
        label=_("unwanted slots"),
        queryset=Slot.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A wish: the scheduler avoids them where it can."),
    )

    class Meta:
        model = Participant
        fields = [
            "company",
            "name",
            "job_title",
            "email",
            "phone",
            "languages",
            "agenda_language",
            "max_meetings",
            "max_consecutive",
            "available_everywhere",
            "available_slots",
            "preferred_slots",
            "unwanted_slots",
        ]

    def __init__(self, *args: Any, event: Event, company: Company | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup_availability(event)
        for name in ("preferred_slots", "unwanted_slots"):
            wish = self.fields[name]
            assert isinstance(wish, forms.ModelMultipleChoiceField)
            wish.queryset = self.fields["available_slots"].queryset  # type: ignore[attr-defined]
        if company is not None:  # a member registers for their own company only
            del self.fields["company"]
            self.instance.company = company
        else:
            field = self.fields["company"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = Company.objects.order_by("name")
        self.instance.event = event

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        preferred = set(data.get("preferred_slots") or [])
        unwanted = set(data.get("unwanted_slots") or [])
        both = sorted(preferred & unwanted, key=lambda s: s.starts_at)
        if both:
            self.add_error(
                "unwanted_slots",
                _("Unwanted slots: %(slots)s cannot be preferred and unwanted at once.")
                % {"slots": ", ".join(slot_label(s) for s in both)},
            )
        available = data.get("available_slots")
        if (
            not data.get("available_everywhere")
            and available
            and "available_slots" not in self.errors
        ):
            outside = sorted(preferred - set(available), key=lambda s: s.starts_at)
            if outside:
                self.add_error(
                    "preferred_slots",
                    _("Preferred slots: not among the slots when available: %(slots)s.")
                    % {"slots": ", ".join(slot_label(s) for s in outside)},
                )
        return data


class InterpreterForm(AvailabilityMixin):
    languages = forms.MultipleChoiceField(
        label=_("languages interpreted"), choices=LANGUAGES, widget=forms.CheckboxSelectMultiple
    )
    available_slots = SlotChoiceField(
        label=_("available in these slots"),
        queryset=Slot.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Interpreter
        fields = ["name", "email", "languages", "available_everywhere", "available_slots"]

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup_availability(event)
        self.instance.event = event


class ParticipantChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Participant) -> str:
        return f"{obj.name} ({obj.company.name})"


class RequestForm(forms.Form):
    receiver = ParticipantChoiceField(label=_("meet"), queryset=Participant.objects.none())
    priority = forms.TypedChoiceField(
        label=_("priority"), choices=Priority.choices, coerce=int, initial=Priority.WOULD_LIKE
    )
    message = forms.CharField(
        label=_("message"), widget=forms.Textarea, required=False, max_length=2000
    )
    receiver_any = forms.BooleanField(
        label=_("any of their representatives may attend"),
        required=False,
        help_text=_("The request is to the company: any of its representatives may meet you."),
    )
    sender_any = forms.BooleanField(
        label=_("any of our representatives may attend"), required=False
    )

    def __init__(self, *args: Any, sender: Participant, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["receiver"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Participant.objects.filter(event_id=sender.event_id)
            .exclude(company_id=sender.company_id)
            .select_related("company")
        )


class OrganiserRequestForm(forms.Form):
    sender = ParticipantChoiceField(label=_("participant"), queryset=Participant.objects.none())
    receiver = ParticipantChoiceField(label=_("meets"), queryset=Participant.objects.none())
    priority = forms.TypedChoiceField(
        label=_("priority"), choices=Priority.choices, coerce=int, initial=Priority.MUST
    )
    sender_any = forms.BooleanField(
        label=_("any representative of the participant's company may attend"), required=False
    )
    receiver_any = forms.BooleanField(
        label=_("any representative of the other company may attend"), required=False
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        participants = Participant.objects.filter(event=event).select_related("company")
        for name in ("sender", "receiver"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = participants


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:
        request = obj.request
        return (
            f"{obj.slot.code} · {obj.table.number}: {request.sender.name} – {request.receiver.name}"
        )


class SlotField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Slot) -> str:
        return f"{obj.code} ({obj.starts_at.astimezone(obj.event.zone):%H:%M})"


class EventScoped(forms.Form):
    """A form whose slot, table and meeting choices are limited to one event."""

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            if name.endswith("slot"):
                field.queryset = Slot.objects.filter(event=event, blocked=False).select_related(
                    "event"
                )
            elif name.endswith("table"):
                field.queryset = Table.objects.filter(event=event)
            else:
                field.queryset = Meeting.objects.filter(
                    event=event, stage=Stage.DRAFT
                ).select_related("slot", "table", "request__sender", "request__receiver")


class LockForm(EventScoped):
    slot = SlotField(label=_("slot"), queryset=Slot.objects.none(), required=False)
    table = forms.ModelChoiceField(label=_("table"), queryset=Table.objects.none(), required=False)


class MoveForm(EventScoped):
    meeting = MeetingChoiceField(label=_("meeting"), queryset=Meeting.objects.none())
    slot = SlotField(label=_("slot"), queryset=Slot.objects.none())
    table = forms.ModelChoiceField(label=_("table"), queryset=Table.objects.none())


class SwapForm(EventScoped):
    meeting = MeetingChoiceField(label=_("meeting"), queryset=Meeting.objects.none())
    other = MeetingChoiceField(label=_("swap with"), queryset=Meeting.objects.none())


class DropForm(EventScoped):
    meeting = MeetingChoiceField(label=_("meeting"), queryset=Meeting.objects.none())


class RunForm(forms.Form):
    allow_moves = forms.BooleanField(
        label=_("published meetings may move (fewest changes)"), required=False
    )


class RatingForm(forms.Form):
    happened = forms.BooleanField(label=_("the meeting took place"), required=False, initial=True)
    usefulness = forms.TypedChoiceField(
        label=_("how useful was it"),
        choices=[("", "–")] + [(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    next_step = forms.BooleanField(label=_("a next step is planned"), required=False)
    next_step_text = forms.CharField(
        label=_("next step"), widget=forms.Textarea, required=False, max_length=2000
    )
    # Both sides answering yes offers them an introduction in the partnership pipeline.
    worth_continuing = forms.TypedChoiceField(
        label=_("worth continuing"),
        help_text=_("If both companies say yes, Jembatan offers you an introduction."),
        choices=[("", _("Not sure")), ("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("next_step") and not data.get("next_step_text", "").strip():
            self.add_error("next_step_text", _("Say what the next step is."))
        return data
