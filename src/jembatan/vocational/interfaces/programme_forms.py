"""Forms of programmes, applications, follow-ups and internship places."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jembatan.vocational.domain.programmes import EDITABLE_FIELDS, check_programme
from jembatan.vocational.models import FollowUp, Person, PersonDocument, PlacementOffer, Programme

DATE = forms.DateInput(attrs={"type": "date"})


class ProgrammeForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Programme
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "applications_open_on": DATE,
            "applications_close_on": DATE,
        }

    def __init__(self, *args: Any, mous: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if mous is not None:
            self.fields["mou"].queryset = mous  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        errors = check_programme(
            mou=data.get("mou"),
            starts_on=data.get("starts_on"),
            ends_on=data.get("ends_on"),
            applications_open_on=data.get("applications_open_on"),
            applications_close_on=data.get("applications_close_on"),
            cost_amount=data.get("cost_amount"),
            cost_currency=data.get("cost_currency") or "",
        )
        for field, message in errors.items():
            self.add_error(field, message)
        if not data.get("host") and not data.get("host_company"):
            self.add_error("host", _("Host: choose the host institution or the host company."))
        return data


class ApplyForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Participant"), queryset=Person.objects.none())
    motivation = forms.CharField(label=_("Motivation"), widget=forms.Textarea, required=False)
    documents = forms.ModelMultipleChoiceField(
        label=_("Documents"),
        queryset=PersonDocument.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The participant's documents to send with the application."),
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]
        self.fields["documents"].queryset = PersonDocument.objects.filter(  # type: ignore[attr-defined]
            person__in=people
        ).select_related("person")
        self.fields["documents"].label_from_instance = (  # type: ignore[attr-defined]
            lambda d: f"{d.person.full_name}: {d.get_kind_display()} ({d.original_name})"
        )


class FollowUpForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = FollowUp
        fields = ["teaching_changes", "outcome", "placed_with_name", "notes"]


class PlacementOfferForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PlacementOffer
        fields = [
            "title",
            "department_kind",
            "description",
            "requirements",
            "min_jlpt",
            "region",
            "places",
            "starts_on",
            "ends_on",
        ]
        widgets = {"starts_on": DATE, "ends_on": DATE}
