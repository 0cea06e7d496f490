"""The public inquiry form (with its spam checks) and the officer's moderation form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jembatan.catalogue.domain import spam
from jembatan.catalogue.domain.inquiries import InquiryData
from jembatan.catalogue.models import Currency, Inquiry
from jembatan.catalogue.models.inquiry import MESSAGE_MAX
from jembatan.catalogue.models.product import PRICE_MAX
from jembatan.registry.domain.identifiers import IdentifierError, normalise_corporate_number
from jembatan.registry.interfaces.messages import error_message

HONEYPOT = "website"
STARTED_FIELD = "started"

SPAM_MESSAGES: dict[spam.SpamRefusal, Promise] = {
    spam.SpamRefusal.HONEYPOT: _(
        "Your inquiry could not be sent: leave the hidden “website” field empty."
    ),
    spam.SpamRefusal.TOO_FAST: _(
        "The form was sent too quickly after it was opened. Check your inquiry and send it again."
    ),
    spam.SpamRefusal.FORM_INVALID: _(
        "This form has expired. Reload the page and send your inquiry again."
    ),
    spam.SpamRefusal.ADDRESS_LIMIT: _(
        "Too many inquiries were sent from your network in the last hour. Please try again later."
    ),
    spam.SpamRefusal.EMAIL_LIMIT: _(
        "Too many inquiries were sent with this e-mail address today. Please try again tomorrow."
    ),
}


def spam_message(refusal: spam.SpamRefusal) -> str:
    return str(SPAM_MESSAGES[refusal])


def clean_corporate_number(value: str) -> str:
    """Optional; checked with the registry's validator (stdnum.jp.cn) when given."""
    if not value.strip():
        return ""
    try:
        return normalise_corporate_number(value)
    except IdentifierError as error:
        raise forms.ValidationError(error_message(error)) from error


class InquiryForm(forms.ModelForm):  # type: ignore[type-arg]
    corporate_number = forms.CharField(
        label=_("Corporate number"),
        required=False,
        max_length=20,
        help_text=_("Optional: the 13 digits of your 法人番号"),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    target_price_amount = forms.IntegerField(
        label=_("Target price per unit"),
        required=False,
        min_value=0,
        max_value=PRICE_MAX,
        help_text=_("In the currency's smallest unit: yen, rupiah or US cents"),
    )
    target_price_currency = forms.ChoiceField(
        label=_("Currency"), required=False, choices=[("", "—"), *Currency.choices]
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In any language; the company reads it with translation help."),
    )
    # The honeypot: hidden from people by CSS and aria-hidden, filled by scripts.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Inquiry
        fields = [
            "buyer_company_name",
            "corporate_number",
            "contact_name",
            "email",
            "wants",
            "quantity",
            "target_price_amount",
            "target_price_currency",
            "timing",
            "message",
        ]
        help_texts = {
            "timing": _("e.g. spring 2027, or within three months"),
        }

    def __init__(self, *args: Any, address: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.address = address
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        if not self.is_bound:
            self.initial[STARTED_FIELD] = spam.form_token()

    def clean_corporate_number(self) -> str:
        return clean_corporate_number(self.cleaned_data.get("corporate_number", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        refusal = spam.check_form(data.get(STARTED_FIELD, ""), data.get(HONEYPOT, ""))
        priced = data.get("target_price_amount") is not None
        if refusal is None and priced and not data.get("target_price_currency"):
            self.add_error("target_price_currency", _("Choose the currency of the price."))
        if refusal is None and not self.errors:
            refusal = spam.check_limits(self.address, data.get("email", ""))
        if refusal is not None:
            # A new token, so that a person who was too fast can simply send again.
            fresh: Any = self.data.copy()  # type: ignore[attr-defined]
            fresh[STARTED_FIELD] = spam.form_token()
            self.data = fresh
            raise forms.ValidationError(spam_message(refusal), code=str(refusal))
        return data

    def inquiry_data(self) -> InquiryData:
        data = self.cleaned_data
        return InquiryData(
            buyer_company_name=data["buyer_company_name"],
            contact_name=data["contact_name"],
            email=data["email"],
            wants=data["wants"],
            corporate_number=data.get("corporate_number", ""),
            quantity=data.get("quantity", ""),
            target_price_amount=data.get("target_price_amount"),
            target_price_currency=data.get("target_price_currency", ""),
            timing=data.get("timing", ""),
            message=data.get("message", ""),
        )


class ModerationForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
