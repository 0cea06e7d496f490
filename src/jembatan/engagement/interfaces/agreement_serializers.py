"""The agreement API's bodies: amounts are integers of minor units, never floats."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from jembatan.engagement.domain.agreements import AgreementTerms
from jembatan.engagement.domain.introductions import visible_introductions
from jembatan.engagement.domain.money import AMOUNT_MAX
from jembatan.engagement.models import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    AgreementType,
    Currency,
)
from jembatan.registry.models import Company


class MinorUnitsField(serializers.IntegerField):
    """A whole number of minor units; a JSON float (even 10.0) or a boolean is refused."""

    default_error_messages = {
        "not_integer": _("Send the amount as a whole number of minor units, not a decimal."),
    }

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool | float) or (isinstance(data, str) and not data.strip().isdigit()):
            self.fail("not_integer")
        return int(super().to_internal_value(data))


def currency_field() -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=Currency.choices, required=False, allow_blank=True)


class AgreementCreateSerializer(serializers.Serializer[Any]):
    introduction = serializers.PrimaryKeyRelatedField(
        queryset=Company.objects.none(), required=False, allow_null=True
    )
    parties = serializers.PrimaryKeyRelatedField(
        queryset=Company.objects.all(),
        many=True,
        required=False,
        help_text=_("Officers: the companies party to an agreement that has no introduction."),
    )
    type = serializers.ChoiceField(choices=AgreementType.choices)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    signed_on = serializers.DateField()
    value_amount = MinorUnitsField(
        min_value=0, max_value=AMOUNT_MAX, required=False, allow_null=True
    )
    value_currency = currency_field()
    investment_amount = MinorUnitsField(
        min_value=0, max_value=AMOUNT_MAX, required=False, allow_null=True
    )
    investment_currency = currency_field()
    jobs_expected = serializers.IntegerField(min_value=0, max_value=10_000_000, default=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is not None:
            field = self.fields["introduction"]
            field.queryset = visible_introductions(user)  # type: ignore[attr-defined]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        for amount, currency in (
            ("value_amount", "value_currency"),
            ("investment_amount", "investment_currency"),
        ):
            has_amount = attrs.get(amount) is not None
            if has_amount != bool(attrs.get(currency)):
                raise serializers.ValidationError(
                    {
                        currency if has_amount else amount: _(
                            "Give both the amount and the currency."
                        )
                    }
                )
        if attrs.get("introduction") is None and not attrs.get("parties"):
            raise serializers.ValidationError(
                {"introduction": _("Name the introduction the agreement came from.")}
            )
        return attrs

    def terms(self) -> AgreementTerms:
        data = self.validated_data
        return AgreementTerms(
            type=data["type"],
            title=data.get("title", ""),
            signed_on=data["signed_on"],
            value_amount=data.get("value_amount"),
            value_currency=data.get("value_currency", "") or "",
            investment_amount=data.get("investment_amount"),
            investment_currency=data.get("investment_currency", "") or "",
            jobs_expected=data.get("jobs_expected", 0),
        )


class PartySerializer(serializers.ModelSerializer[AgreementParty]):
    company = serializers.IntegerField(source="company_id", read_only=True)
    name = serializers.CharField(source="company.name", read_only=True)
    confirmed = serializers.SerializerMethodField()

    class Meta:
        model = AgreementParty
        fields = ["company", "name", "confirmed", "confirmed_at"]
        read_only_fields = fields

    def get_confirmed(self, party: AgreementParty) -> bool:
        return party.confirmed_at is not None


class AgreementSerializer(serializers.ModelSerializer[Agreement]):
    introduction = serializers.IntegerField(
        source="introduction_id", read_only=True, allow_null=True
    )
    status = serializers.ChoiceField(choices=AgreementStatus.choices, read_only=True)
    type = serializers.ChoiceField(choices=AgreementType.choices, read_only=True)
    value_currency = serializers.ChoiceField(
        choices=Currency.choices, allow_blank=True, read_only=True
    )
    investment_currency = serializers.ChoiceField(
        choices=Currency.choices, allow_blank=True, read_only=True
    )
    parties = PartySerializer(many=True, read_only=True)
    documents = serializers.SerializerMethodField()

    class Meta:
        model = Agreement
        fields = [
            "id",
            "introduction",
            "type",
            "title",
            "signed_on",
            "value_amount",
            "value_currency",
            "investment_amount",
            "investment_currency",
            "jobs_expected",
            "status",
            "parties",
            "documents",
            "reported_at",
            "confirmed_at",
            "verified_at",
        ]
        read_only_fields = fields

    def get_documents(self, agreement: Agreement) -> list[str]:
        """The documents' file names (download them from the agreement's page)."""
        return [d.original_name for d in agreement.documents.all()]
