"""API shapes: a member's own products (editable) and the showcase's public reads."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from jembatan.catalogue.domain import showcase
from jembatan.catalogue.models import Product, ProductCertification, ProductPhoto
from jembatan.registry.models import Classification, Company


class ProductCertificationSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = ProductCertification
        fields = ["id", "kind", "detail", "issuer", "reference", "valid_until", "verified"]
        read_only_fields = ["id", "verified"]


class ProductPhotoSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    url = serializers.SerializerMethodField()

    class Meta:
        model = ProductPhoto
        fields = ["id", "url", "width", "height", "caption", "position"]

    def get_url(self, photo: ProductPhoto) -> str:
        request = self.context.get("request")
        url = photo.image.url
        return request.build_absolute_uri(url) if request is not None else url


class ProductSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    """A member's product: every field they keep, the claims' verified flags read-only."""

    hs_code = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Classification.objects.filter(scheme="hs", level="subheading"),
        allow_null=True,
        required=False,
    )
    certifications = ProductCertificationSerializer(many=True, read_only=True)
    photos = ProductPhotoSerializer(many=True, read_only=True)
    showcase_url = serializers.SerializerMethodField()

    class Meta:
        model = Product
        fields = [
            "id",
            "company",
            "language",
            "name",
            "description",
            "name_ja",
            "description_ja",
            "name_en",
            "description_en",
            "hs_code",
            "sectors",
            "moq",
            "unit",
            "monthly_capacity",
            "price_min",
            "price_max",
            "price_currency",
            "incoterm",
            "lead_time_days",
            "export_markets",
            "samples_available",
            "listed",
            "verification",
            "verification_note",
            "verified_at",
            "certifications",
            "photos",
            "showcase_url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "company",
            "verification",
            "verification_note",
            "verified_at",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {"sectors": {"required": False}}

    def get_showcase_url(self, product: Product) -> str:
        return showcase.product_url(product)

    def validate_export_markets(self, value: Any) -> list[str]:
        from jembatan.catalogue.domain.products import clean_markets

        if not isinstance(value, list):
            raise serializers.ValidationError("Give a list of country codes.")
        try:
            return clean_markets(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error


class ShowcaseCertificationSerializer(serializers.Serializer):  # type: ignore[type-arg]
    kind = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # the claim's label
    valid_until = serializers.DateField(allow_null=True)


class PublicCompanySerializer(serializers.Serializer):  # type: ignore[type-arg]
    """The public facts of a showcased company: no contact, address or identifier."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    name_kana = serializers.CharField()
    province = serializers.CharField(allow_blank=True)
    city = serializers.CharField(allow_blank=True)
    sectors = serializers.ListField(child=serializers.CharField())
    description = serializers.CharField(allow_blank=True)
    url = serializers.CharField()

    def to_representation(self, company: Company) -> dict[str, Any]:
        return {
            "id": company.pk,
            "name": company.name,
            "name_kana": showcase.katakana_reading(company),
            "province": company.region.localized_name() if company.region else "",
            "city": company.city,
            "sectors": [s.localized_name() for s in company.sectors.all()],
            "description": company.description,
            "url": showcase.company_url(company),
        }


class PublicProductSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """A showcased product as the public reads it; only verified certification claims."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    name_original = serializers.CharField()
    language = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    hs_code = serializers.CharField(allow_null=True)
    moq = serializers.IntegerField(allow_null=True)
    unit = serializers.CharField()
    monthly_capacity = serializers.IntegerField(allow_null=True)
    price_min = serializers.IntegerField(allow_null=True)
    price_max = serializers.IntegerField(allow_null=True)
    price_currency = serializers.CharField(allow_blank=True)
    incoterm = serializers.CharField(allow_blank=True)
    lead_time_days = serializers.IntegerField(allow_null=True)
    export_markets = serializers.ListField(child=serializers.CharField())
    samples_available = serializers.BooleanField()
    certifications = ShowcaseCertificationSerializer(many=True)
    photos = serializers.ListField(child=serializers.CharField())
    company_id = serializers.IntegerField()
    company_name = serializers.CharField()
    url = serializers.CharField()

    def to_representation(self, product: Product) -> dict[str, Any]:
        request = self.context.get("request")

        def absolute(url: str) -> str:
            return request.build_absolute_uri(url) if request is not None else url

        claims = getattr(product, "verified_certifications", None)
        if claims is None:
            claims = list(product.certifications.filter(verified=True))
        return {
            "id": product.pk,
            "name": product.localized_name(),
            "name_original": product.name,
            "language": product.language,
            "description": product.localized_description()[0],
            "hs_code": product.hs_code.code if product.hs_code else None,
            "moq": product.moq,
            "unit": product.unit,
            "monthly_capacity": product.monthly_capacity,
            "price_min": product.price_min,
            "price_max": product.price_max,
            "price_currency": product.price_currency,
            "incoterm": product.incoterm,
            "lead_time_days": product.lead_time_days,
            "export_markets": list(product.export_markets or []),
            "samples_available": product.samples_available,
            "certifications": [
                {"kind": c.kind, "label": c.get_kind_display(), "valid_until": c.valid_until}
                for c in claims
            ],
            "photos": [absolute(p.image.url) for p in product.photos.all()],
            "company_id": product.company_id,
            "company_name": product.company.name,
            "url": showcase.product_url(product),
        }
