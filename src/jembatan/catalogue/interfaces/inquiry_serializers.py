"""API shapes of inquiries and promotions; input validated here, as the forms do."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from jembatan.catalogue.domain import spam
from jembatan.catalogue.interfaces.inquiry_forms import clean_corporate_number, spam_message
from jembatan.catalogue.models import Currency, Inquiry, Promotion
from jembatan.catalogue.models.inquiry import MESSAGE_MAX
from jembatan.catalogue.models.product import PRICE_MAX


class FormTokenSerializer(serializers.Serializer[Any]):
    started = serializers.CharField(
        help_text="Send back as `started`, at least a few seconds later."
    )


class InquiryCreateSerializer(serializers.Serializer[Any]):
    """An inquiry about a `product` (its company is implied) or a `company`; `website` must
    stay empty and `started` is a token from GET /api/v1/inquiries/form-token/."""

    product = serializers.IntegerField(required=False)
    company = serializers.IntegerField(required=False)
    promotion = serializers.IntegerField(required=False)
    buyer_company_name = serializers.CharField(max_length=255)
    corporate_number = serializers.CharField(max_length=20, required=False, allow_blank=True)
    contact_name = serializers.CharField(max_length=200)
    email = serializers.EmailField()
    wants = serializers.CharField(max_length=300)
    quantity = serializers.CharField(max_length=100, required=False, allow_blank=True)
    target_price_amount = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=PRICE_MAX
    )
    target_price_currency = serializers.ChoiceField(
        choices=Currency.choices, required=False, allow_blank=True
    )
    timing = serializers.CharField(max_length=100, required=False, allow_blank=True)
    message = serializers.CharField(max_length=MESSAGE_MAX, required=False, allow_blank=True)
    website = serializers.CharField(required=False, allow_blank=True, default="")
    started = serializers.CharField()

    def validate_corporate_number(self, value: str) -> str:
        from django import forms

        try:
            return clean_corporate_number(value)
        except forms.ValidationError as error:
            raise serializers.ValidationError(error.messages) from error

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("product") and not attrs.get("company"):
            raise serializers.ValidationError(
                {"product": _("Name the product or the company you ask.")}
            )
        if attrs.get("target_price_amount") is not None and not attrs.get("target_price_currency"):
            raise serializers.ValidationError(
                {"target_price_currency": _("Choose the currency of the price.")}
            )
        refusal = spam.check_form(attrs["started"], attrs.get("website", "")) or (
            spam.check_limits(self.context.get("address", ""), attrs["email"])
        )
        if refusal is not None:
            raise serializers.ValidationError({"non_field_errors": [spam_message(refusal)]})
        return attrs


class InquirySerializer(serializers.ModelSerializer[Inquiry]):
    company_name = serializers.CharField(source="company.name", read_only=True)
    product_name = serializers.SerializerMethodField()
    # "" when no price was given: a plain string, not the currency enum.
    target_price_currency = serializers.CharField(read_only=True)

    class Meta:
        model = Inquiry
        fields = [
            "id",
            "status",
            "company",
            "company_name",
            "product",
            "product_name",
            "promotion",
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
            "message_language",
            "interest",
            "created_at",
        ]
        read_only_fields = fields

    def get_product_name(self, inquiry: Inquiry) -> str:
        return inquiry.product.name if inquiry.product else ""


class InquiryReceiptSerializer(serializers.Serializer[Any]):
    """What an anonymous sender learns: the inquiry is kept, and what happens next."""

    id = serializers.IntegerField()
    status = serializers.CharField()
    detail = serializers.CharField()


class PromotionSerializer(serializers.ModelSerializer[Promotion]):
    companies: Any = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    products: Any = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    inquiries = serializers.SerializerMethodField()

    class Meta:
        model = Promotion
        fields = [
            "id",
            "kind",
            "title",
            "title_ja",
            "description",
            "place",
            "city",
            "starts_on",
            "ends_on",
            "event",
            "companies",
            "products",
            "inquiries",
        ]

    def get_inquiries(self, promotion: Promotion) -> int:
        return int(getattr(promotion, "inquiry_count", 0))


class PromotionWriteSerializer(serializers.ModelSerializer[Promotion]):
    companies = serializers.ListField(child=serializers.IntegerField(), required=False)
    products = serializers.ListField(child=serializers.IntegerField(), required=False)

    class Meta:
        model = Promotion
        fields = [
            "kind",
            "title",
            "title_ja",
            "description",
            "place",
            "city",
            "starts_on",
            "ends_on",
            "event",
            "companies",
            "products",
        ]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        starts = attrs.get("starts_on", getattr(self.instance, "starts_on", None))
        ends = attrs.get("ends_on", getattr(self.instance, "ends_on", None))
        if starts and ends and ends < starts:
            raise serializers.ValidationError(
                {"ends_on": _("The last day comes before the first.")}
            )
        return attrs
