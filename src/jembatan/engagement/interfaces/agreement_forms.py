"""Forms of agreements, outcome check-ins, follow-up answers, rates and the pipeline table."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jembatan.engagement.domain.agreements import AgreementTerms, document_problem
from jembatan.engagement.domain.board import AGE_BUCKETS, PipelineFilters, stage_choices
from jembatan.engagement.domain.money import MoneyError, parse_major
from jembatan.engagement.domain.origins import origins
from jembatan.engagement.domain.outcomes import Observation
from jembatan.engagement.models import AgreementType, Currency, DeclineReason, FollowUpAnswer, Stage
from jembatan.opportunities.domain.attachments import HEAD_BYTES, clean_file_name
from jembatan.registry.models import ProgrammeSector, Region

CURRENCY_CHOICES = [("", "–"), *Currency.choices]


class DateInput(forms.DateInput):
    input_type = "date"


def amount_field(label: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=30,
        help_text=_("In the currency's units, e.g. 1500000000 rupiah or 12000.50 dollars."),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


def clean_money(form: forms.Form, amount_name: str, currency_name: str) -> int | None:
    text = (form.cleaned_data.get(amount_name) or "").strip()
    currency = form.cleaned_data.get(currency_name) or ""
    if not text and not currency:
        return None
    if not currency:
        form.add_error(currency_name, _("Choose the currency of this amount."))
        return None
    if not text:
        form.add_error(amount_name, _("Give the amount, or leave the currency empty."))
        return None
    try:
        return parse_major(text, currency)
    except MoneyError as error:
        form.add_error(amount_name, str(error))
        return None


class AgreementForm(forms.Form):
    type = forms.ChoiceField(label=_("type of agreement"), choices=AgreementType.choices)
    title = forms.CharField(label=_("title"), max_length=200, required=False)
    signed_on = forms.DateField(label=_("signed on"), widget=DateInput)
    value_amount = amount_field(_("contract value"))
    value_currency = forms.ChoiceField(
        label=_("currency of the value"), choices=CURRENCY_CHOICES, required=False
    )
    jobs_expected = forms.IntegerField(
        label=_("jobs expected"), min_value=0, max_value=10_000_000, initial=0
    )
    investment_amount = amount_field(_("investment committed"))
    investment_currency = forms.ChoiceField(
        label=_("currency of the investment"), choices=CURRENCY_CHOICES, required=False
    )
    document = forms.FileField(
        label=_("supporting document (PDF)"),
        required=False,
        help_text=_("The signed agreement or a summary; PDF, at most 10 MB."),
    )

    def clean_document(self) -> Any:
        upload = self.cleaned_data.get("document")
        if upload:
            upload.seek(0)
            head = upload.read(HEAD_BYTES)
            upload.seek(0)
            problem = document_problem(clean_file_name(upload.name or ""), upload.size or 0, head)
            if problem:
                raise forms.ValidationError(problem)
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["value_minor"] = clean_money(self, "value_amount", "value_currency")
        data["investment_minor"] = clean_money(self, "investment_amount", "investment_currency")
        return data

    def terms(self) -> AgreementTerms:
        data = self.cleaned_data
        return AgreementTerms(
            type=data["type"],
            title=data.get("title", ""),
            signed_on=data["signed_on"],
            value_amount=data["value_minor"],
            value_currency=data["value_currency"] if data["value_minor"] is not None else "",
            investment_amount=data["investment_minor"],
            investment_currency=data["investment_currency"]
            if data["investment_minor"] is not None
            else "",
            jobs_expected=data["jobs_expected"],
        )


class DocumentForm(forms.Form):
    document = AgreementForm.base_fields["document"]
    clean_document = AgreementForm.clean_document


class OutcomeForm(forms.Form):
    active = forms.TypedChoiceField(
        label=_("Is the partnership active?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    jobs_created = forms.IntegerField(
        label=_("jobs created so far"), min_value=0, max_value=10_000_000, initial=0
    )
    value_realised_amount = amount_field(_("value realised so far"))
    value_realised_currency = forms.ChoiceField(
        label=_("currency"), choices=CURRENCY_CHOICES, required=False
    )
    note = forms.CharField(label=_("note"), widget=forms.Textarea, required=False, max_length=2000)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["value_minor"] = clean_money(self, "value_realised_amount", "value_realised_currency")
        return data

    def observation(self) -> Observation:
        data = self.cleaned_data
        return Observation(
            active=data["active"],
            jobs_created=data["jobs_created"],
            value_realised_amount=data["value_minor"],
            value_realised_currency=data["value_realised_currency"]
            if data["value_minor"] is not None
            else "",
            note=data.get("note", ""),
        )


class FollowUpAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("answer"), choices=FollowUpAnswer.choices, widget=forms.RadioSelect
    )
    reason = forms.ChoiceField(
        label=pgettext_lazy("introduction", "Reason for closing"),
        choices=[("", "–"), *DeclineReason.choices],
        required=False,
    )
    note = forms.CharField(label=_("note"), max_length=2000, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("answer") == FollowUpAnswer.CLOSED and not data.get("reason"):
            self.add_error("reason", _("Choose why the introduction is closed."))
        if data.get("reason") == DeclineReason.OTHER and not (data.get("note") or "").strip():
            self.add_error("note", _("Say why in the note when the reason is “other”."))
        return data


class RateUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns date,IDR,JPY: the rupiah and yen one US dollar buys on that date."),
    )
    source = forms.CharField(label=_("source"), max_length=200, required=False)


class MoveForm(forms.Form):
    stage = forms.ChoiceField(label=_("stage"), choices=Stage.choices)
    reason = forms.ChoiceField(
        label=pgettext_lazy("introduction", "Reason for closing"),
        choices=[("", "–"), *DeclineReason.choices],
        required=False,
    )
    note = forms.CharField(label=_("note"), max_length=2000, required=False)


class PipelineFilterForm(forms.Form):
    sector = forms.ModelChoiceField(
        label=_("sector"), queryset=ProgrammeSector.objects.all(), required=False
    )
    region = forms.ModelChoiceField(
        label=_("province or prefecture"),
        queryset=Region.objects.filter(companies__isnull=False).distinct(),
        required=False,
    )
    stage = forms.ChoiceField(
        label=_("stage"), choices=[("", _("All stages")), *stage_choices()], required=False
    )
    age = forms.ChoiceField(
        label=_("age"),
        choices=[
            ("", _("Any age")),
            ("lt30", _("Under 30 days")),
            ("30to90", _("30 to 90 days")),
            ("gt90", _("Over 90 days")),
        ],
        required=False,
    )
    mediated = forms.ChoiceField(
        label=_("through an officer"),
        choices=[("", _("Either")), ("yes", _("Yes")), ("no", _("No"))],
        required=False,
    )
    stale = forms.BooleanField(label=_("only those with no activity for 30 days"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for origin in origins():
            self.fields[f"origin_{origin.key}"] = forms.ChoiceField(
                label=origin.label,
                choices=[("", _("Any")), *origin.choices()],
                required=False,
            )

    def filters(self) -> PipelineFilters:
        data = self.cleaned_data if self.is_valid() else {}
        sector = data.get("sector")
        region = data.get("region")
        return PipelineFilters(
            sector=sector.pk if sector else "",
            region=region.pk if region else "",
            stage=data.get("stage", ""),
            age=data.get("age", "") if data.get("age", "") in AGE_BUCKETS else "",
            mediated=data.get("mediated", ""),
            origins={o.key: data.get(f"origin_{o.key}", "") for o in origins()},
            stale=bool(data.get("stale")),
        )
