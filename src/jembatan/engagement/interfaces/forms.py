"""The forms of the interest and introduction pages (the domain functions check the rules)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jembatan.engagement.models import DeclineReason, Stage
from jembatan.opportunities.models import Language
from jembatan.registry.models import Contact

LANGUAGE_CHOICES = [("", _("Detect from the text")), *Language.choices]


class ContactChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.role})" if obj.role else str(obj.name)


def _contacts_field(label: Any, help_text: Any) -> ContactChoiceField:
    return ContactChoiceField(
        label=label,
        queryset=Contact.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class InterestForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you propose and who you are, in Indonesian, Japanese or English."),
    )
    language = forms.ChoiceField(
        label=_("Language of the message"), choices=LANGUAGE_CHOICES, required=False
    )
    contacts = _contacts_field(
        _("Contacts to disclose on acceptance"),
        _("Only if the owner accepts will they see these people's names, e-mails and phones."),
    )

    def __init__(self, *args: Any, company_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["contacts"]
        assert isinstance(field, ContactChoiceField)
        field.queryset = Contact.objects.filter(company_id=company_id or 0)


class ResubmitForm(forms.Form):
    message = InterestForm.base_fields["message"]
    language = InterestForm.base_fields["language"]


class AcceptForm(forms.Form):
    contacts = _contacts_field(
        _("Contacts to disclose"),
        _("The interested company will see these people's names, e-mails and phones."),
    )

    def __init__(self, *args: Any, company_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["contacts"]
        assert isinstance(field, ContactChoiceField)
        field.queryset = Contact.objects.filter(company_id=company_id or 0)


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"), choices=DeclineReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class OfficerNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=8000, widget=forms.Textarea(attrs={"rows": 4})
    )
    language = forms.ChoiceField(
        label=_("Language of the message"), choices=LANGUAGE_CHOICES, required=False
    )
    attachment = forms.FileField(
        label=_("Attachment"),
        required=False,
        help_text=_("PDF, JPEG, PNG or WebP; up to 10 MB."),
    )


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)
    reason = forms.ChoiceField(
        label=pgettext_lazy("introduction", "Reason for closing"),
        choices=[("", "—"), *DeclineReason.choices],
        required=False,
    )
    note = forms.CharField(label=_("Note"), max_length=2000, required=False)
