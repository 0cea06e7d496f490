"""The vocational API's bodies."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jembatan.core.interfaces.web_address import WebAddressSerializerField
from jembatan.registry.models import Company, Region
from jembatan.registry.models.company import Country
from jembatan.vocational.domain.institutions import InstitutionData
from jembatan.vocational.domain.mous import MouData, mou_status
from jembatan.vocational.models import (
    Department,
    Institution,
    InstitutionType,
    Mou,
    MouParty,
    MouScope,
    MouStatus,
    Renewal,
    ScopeKind,
)


class DepartmentSerializer(serializers.ModelSerializer[Department]):
    class Meta:
        model = Department
        fields = ["id", "kind", "name"]


class InstitutionSerializer(serializers.ModelSerializer[Institution]):
    name = serializers.CharField(source="organisation.name", read_only=True)
    country = serializers.CharField(source="organisation.country", read_only=True)
    region = serializers.CharField(source="organisation.region_id", read_only=True, allow_null=True)
    verification = serializers.CharField(source="organisation.verification", read_only=True)
    departments = DepartmentSerializer(many=True, read_only=True)

    class Meta:
        model = Institution
        fields = [
            "id",
            "name",
            "name_local",
            "short_name",
            "type",
            "country",
            "region",
            "city",
            "website",
            "supervised_by",
            "company",
            "description",
            "verification",
            "departments",
        ]
        read_only_fields = fields


class InstitutionWriteSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=255)
    type = serializers.ChoiceField(choices=InstitutionType.choices)
    country = serializers.ChoiceField(choices=Country.choices)
    region = serializers.PrimaryKeyRelatedField(
        queryset=Region.objects.all(), required=False, allow_null=True
    )
    name_local = serializers.CharField(max_length=255, required=False, allow_blank=True)
    short_name = serializers.CharField(max_length=60, required=False, allow_blank=True)
    city = serializers.CharField(max_length=120, required=False, allow_blank=True)
    address = serializers.CharField(required=False, allow_blank=True)
    website = WebAddressSerializerField(required=False, allow_blank=True)
    supervised_by = serializers.CharField(max_length=200, required=False, allow_blank=True)
    company = serializers.PrimaryKeyRelatedField(
        queryset=Company.objects.all(), required=False, allow_null=True
    )
    description = serializers.CharField(required=False, allow_blank=True)

    def institution_data(self, institution: Institution | None = None) -> InstitutionData:
        values = dict(self.validated_data)
        if institution is not None:
            current = {
                "name": institution.organisation.name,
                "type": institution.type,
                "country": institution.organisation.country,
                "region": institution.organisation.region,
                "name_local": institution.name_local,
                "short_name": institution.short_name,
                "city": institution.city,
                "address": institution.address,
                "website": institution.website,
                "supervised_by": institution.supervised_by,
                "company": institution.company,
                "description": institution.description,
            }
            values = {**current, **values}
        return InstitutionData(**values)


class MouPartySerializer(serializers.ModelSerializer[MouParty]):
    name = serializers.SerializerMethodField()

    class Meta:
        model = MouParty
        fields = ["institution", "company", "name", "signatory", "signatory_title"]

    def get_name(self, party: MouParty) -> str:
        return str(party.institution.name if party.institution else party.company)


class MouScopeSerializer(serializers.ModelSerializer[MouScope]):
    class Meta:
        model = MouScope
        fields = ["kind", "description"]


class MouSerializer(serializers.ModelSerializer[Mou]):
    status = serializers.SerializerMethodField()
    parties = MouPartySerializer(many=True, read_only=True)
    scope_items = MouScopeSerializer(many=True, read_only=True)
    has_document = serializers.SerializerMethodField()

    class Meta:
        model = Mou
        fields = [
            "id",
            "title",
            "status",
            "signed_on",
            "starts_on",
            "ends_on",
            "renewal",
            "terminated_on",
            "summary",
            "parties",
            "scope_items",
            "has_document",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=MouStatus.choices))
    def get_status(self, mou: Mou) -> str:
        return str(mou_status(mou, timezone.localdate()))

    def get_has_document(self, mou: Mou) -> bool:
        return bool(mou.document)


class MouWriteSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=255)
    signed_on = serializers.DateField(required=False, allow_null=True)
    starts_on = serializers.DateField(required=False, allow_null=True)
    ends_on = serializers.DateField(required=False, allow_null=True)
    renewal = serializers.ChoiceField(choices=Renewal.choices, default=Renewal.BY_AGREEMENT)
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    institutions = serializers.PrimaryKeyRelatedField(
        queryset=Institution.objects.all(), many=True, required=False
    )
    companies = serializers.PrimaryKeyRelatedField(
        queryset=Company.objects.all(), many=True, required=False
    )
    scope = serializers.ListField(
        child=serializers.ChoiceField(choices=ScopeKind.choices), required=False
    )

    def mou_data(self) -> MouData:
        v = self.validated_data
        return MouData(
            title=v["title"],
            signed_on=v.get("signed_on"),
            starts_on=v.get("starts_on"),
            ends_on=v.get("ends_on"),
            renewal=v.get("renewal", Renewal.BY_AGREEMENT),
            summary=v.get("summary", ""),
            institutions=list(v.get("institutions", [])),
            companies=list(v.get("companies", [])),
            scope=list(v.get("scope", [])),
        )
