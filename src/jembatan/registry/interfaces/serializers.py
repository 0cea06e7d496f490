"""REST API serializers of the registry: reference data, companies and their private contacts.

Privacy: a company's contacts and its `private` block are shown only to readers who hold
`registry.view_company_private` for that company (its members and programme officers). For
anyone else the two keys are absent from the JSON, not null, so nothing hints at them.
"""

from __future__ import annotations

from typing import Any

import pycountry
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import SkipField

from jembatan.core.interfaces.web_address import WebAddressSerializerField
from jembatan.registry.domain.companies import (
    CompanyChangeError,
    refused_changes,
    save_company,
)
from jembatan.registry.domain.identifiers import (
    IdentifierError,
    normalise_registry_id,
    normalise_tax_number,
)
from jembatan.registry.domain.phones import PhoneNumberError, normalise_phone
from jembatan.registry.interfaces.messages import error_message, value_error_message
from jembatan.registry.models import (
    Certification,
    Classification,
    Company,
    Contact,
    CrosswalkLink,
    ProgrammeSector,
    Region,
)
from jembatan.translations.interfaces.serializers import VersionSerializer, versions_data

PRIVATE_PERMISSION = "registry.view_company_private"


# Typed identifiers may carry spaces, dots and dashes; the stored form is shorter.
IDENTIFIER_INPUT_MAX_LENGTH = 32


def language_codes_error(codes: list[str]) -> str | None:
    """Why `codes` is not a list of ISO 639-1 language codes, or None when it is."""
    for code in codes:
        if len(code) != 2 or pycountry.languages.get(alpha_2=code.lower()) is None:
            return str(_("%(code)s is not an ISO 639-1 language code.") % {"code": code})
    return None


def may_see_private(context: dict[str, Any], company: Company) -> bool:
    """Whether the request's user may see `company`'s private data; asked once per company."""
    request = context.get("request")
    if request is None:
        return False
    cache: dict[int, bool] = context.setdefault("_private_allowed", {})
    if company.pk not in cache:
        cache[company.pk] = bool(request.user.has_perm(PRIVATE_PERMISSION, company))
    return cache[company.pk]


class LanguageListField(serializers.ListField):
    child = serializers.CharField(max_length=2)

    def to_internal_value(self, data: Any) -> list[str]:
        codes = [code.lower() for code in super().to_internal_value(data)]
        error = language_codes_error(codes)
        if error:
            raise serializers.ValidationError(error)
        return codes


# -- reference data ---------------------------------------------------------------------


class RegionBriefSerializer(serializers.ModelSerializer[Region]):
    name = serializers.SerializerMethodField()

    class Meta:
        model = Region
        fields = ["code", "name"]

    def get_name(self, region: Region) -> str:
        return region.localized_name()


class RegionSerializer(RegionBriefSerializer):
    class Meta:
        model = Region
        fields = ["code", "country", "name", "name_en", "name_id", "name_ja"]


class CertificationSerializer(serializers.ModelSerializer[Certification]):
    class Meta:
        model = Certification
        fields = ["code", "name"]


class ProgrammeSectorSerializer(serializers.ModelSerializer[ProgrammeSector]):
    name = serializers.SerializerMethodField()
    isic_classes = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = ProgrammeSector
        fields = ["slug", "name", "name_en", "name_id", "name_ja", "isic_classes", "priority"]

    def get_name(self, sector: ProgrammeSector) -> str:
        return sector.localized_name()


class ClassificationBriefSerializer(serializers.ModelSerializer[Classification]):
    title = serializers.SerializerMethodField()

    class Meta:
        model = Classification
        fields = ["scheme", "code", "title"]

    def get_title(self, classification: Classification) -> str:
        return classification.title()


class ClassificationSerializer(ClassificationBriefSerializer):
    # DRF's Field has a `parent` attribute too; the serializer metaclass moves declared fields
    # out of the class body, so the name is safe at run time.
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)  # type: ignore[assignment,var-annotated]

    class Meta:
        model = Classification
        fields = [
            "scheme",
            "code",
            "level",
            "scheme_level",
            "parent",
            "title",
            "title_en",
            "title_id",
            "title_ja",
        ]


class CrosswalkEntrySerializer(serializers.Serializer[CrosswalkLink]):
    """One crosswalk link, seen from the code being shown: `scheme`/`code` are the other end."""

    scheme = serializers.CharField()
    code = serializers.CharField()
    title = serializers.CharField()
    method = serializers.ChoiceField(choices=CrosswalkLink.Method.choices)
    score = serializers.FloatField()
    status = serializers.ChoiceField(choices=CrosswalkLink.Status.choices)

    def to_representation(self, link: CrosswalkLink) -> dict[str, Any]:
        shown: Classification | None = self.context.get("classification")
        other = link.source if shown is not None and link.isic_id == shown.pk else link.isic
        return {
            "scheme": other.scheme,
            "code": other.code,
            "title": other.title(),
            "method": link.method,
            "score": link.score,
            "status": link.status,
        }


class ClassificationDetailSerializer(ClassificationSerializer):
    """A code with its description, children and crosswalk links (KBLI/JSIC to ISIC, or the
    KBLI/JSIC codes linked to an ISIC class); the view puts those two lists in the context."""

    children = serializers.SerializerMethodField()
    crosswalk = serializers.SerializerMethodField()

    class Meta:
        model = Classification
        fields = [
            *ClassificationSerializer.Meta.fields,
            *["description", "examples", "children", "crosswalk"],
        ]

    @extend_schema_field(ClassificationBriefSerializer(many=True))
    def get_children(self, classification: Classification) -> list[dict[str, Any]]:
        children = self.context.get("children", [])
        return list(ClassificationBriefSerializer(children, many=True).data)

    @extend_schema_field(CrosswalkEntrySerializer(many=True))
    def get_crosswalk(self, classification: Classification) -> list[dict[str, Any]]:
        links = self.context.get("crosswalk", [])
        context = {"classification": classification}
        return list(CrosswalkEntrySerializer(links, many=True, context=context).data)


# -- contacts (private) -----------------------------------------------------------------


class ContactSerializer(serializers.ModelSerializer[Contact]):
    languages = LanguageListField(required=False)

    class Meta:
        model = Contact
        fields = ["id", "name", "role", "email", "phone", "languages", "is_primary"]

    def validate_phone(self, value: str) -> str:
        """E.164; a number without a country code is read as one of the company's country
        (the view puts it in the context as "country")."""
        if not value:
            return value
        company = getattr(self.instance, "company", None)
        country = str(self.context.get("country") or getattr(company, "country", "ID"))
        try:
            return normalise_phone(value, country)
        except PhoneNumberError as error:
            raise serializers.ValidationError(value_error_message(error, value)) from error


class PrivateOnlyMixin:
    """A field that is left out of the output for readers who may not see private data."""

    def get_attribute(self, instance: Any) -> Any:
        if not may_see_private(self.context, instance):  # type: ignore[attr-defined]
            raise SkipField
        return super().get_attribute(instance)  # type: ignore[misc]


class PrivateContactList(PrivateOnlyMixin, serializers.ListSerializer[Contact]):
    pass


class VerifiedBySerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField(source="get_full_name")
    username = serializers.CharField()


class CompanyPrivateSerializer(PrivateOnlyMixin, serializers.Serializer[Company]):
    """The private block of a company. Members may write tax_number and address."""

    tax_number = serializers.CharField(
        max_length=IDENTIFIER_INPUT_MAX_LENGTH,
        required=False,
        allow_blank=True,
        help_text=_(
            "Indonesia: NPWP (15 or 16 digits). Japan: corporate number, or the invoice "
            "registration number (T and 13 digits)."
        ),
    )
    address = serializers.CharField(required=False, allow_blank=True)
    verification_note = serializers.CharField(read_only=True)
    verified_by = VerifiedBySerializer(read_only=True, allow_null=True)


# -- companies --------------------------------------------------------------------------


@extend_schema_field(
    {
        "anyOf": [
            {"type": "string", "format": "uri", "maxLength": 200},
            {"type": "string", "maxLength": 0},
        ]
    }
)
class OptionalUrlField(WebAddressSerializerField):
    """An http(s) address or "". (drf-spectacular says oneOf, which "" satisfies twice.)"""


class ClassificationCodesField(serializers.ListField):
    """Write a company's classification codes as "scheme:code" strings ("kbli2020:13121")."""

    child = serializers.CharField()

    def to_internal_value(self, data: Any) -> list[Classification]:
        wanted = []
        for value in super().to_internal_value(data):
            scheme, sep, code = value.partition(":")
            if not sep or not code:
                raise serializers.ValidationError(
                    _('%(value)s is not of the form "scheme:code", e.g. "kbli2020:13121".')
                    % {"value": value}
                )
            wanted.append((scheme, code))
        found = {
            (c.scheme, c.code): c
            for c in Classification.objects.filter(code__in=[code for _s, code in wanted])
        }
        missing = [f"{s}:{c}" for s, c in wanted if (s, c) not in found]
        if missing:
            raise serializers.ValidationError(
                _("Unknown classification codes: %(codes)s.") % {"codes": ", ".join(missing)}
            )
        return [found[key] for key in wanted]


class CompanySerializer(serializers.ModelSerializer[Company]):
    registry_id = serializers.CharField(
        max_length=IDENTIFIER_INPUT_MAX_LENGTH,
        help_text=_("Indonesia: NIB (13 digits). Japan: corporate number (13 digits)."),
    )
    region = RegionBriefSerializer(read_only=True, allow_null=True)
    region_code = serializers.SlugRelatedField(
        source="region",
        slug_field="code",
        queryset=Region.objects.all(),
        write_only=True,
        required=False,
        allow_null=True,
        help_text=_("ISO 3166-2 code of the province or prefecture, e.g. ID-JB or JP-13."),
    )
    certifications = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=Certification.objects.all(), required=False
    )
    sectors = serializers.SlugRelatedField(
        slug_field="slug", many=True, queryset=ProgrammeSector.objects.all(), required=False
    )
    classifications = ClassificationBriefSerializer(many=True, read_only=True)
    classification_codes = ClassificationCodesField(
        source="classifications",
        write_only=True,
        required=False,
        help_text=_('Codes as "scheme:code"; the first is the main activity.'),
    )
    languages = LanguageListField(required=False)
    website = OptionalUrlField(max_length=200, allow_blank=True, required=False)
    # Computed, and "" while the data cannot decide it; the schema's enum says so.
    size_class = serializers.ChoiceField(
        choices=[("", ""), *Company.SizeClass.choices], read_only=True
    )
    logo = serializers.ImageField(read_only=True, use_url=True)
    contacts = PrivateContactList(child=ContactSerializer(), read_only=True)
    private = CompanyPrivateSerializer(source="*", required=False)
    description_translations = serializers.SerializerMethodField(
        help_text="The description in the other languages; each says who or what made it."
    )

    class Meta:
        model = Company
        fields = [
            "id",
            "name",
            "name_alt",
            "name_kana",
            "legal_form",
            "country",
            "registry_id",
            "region",
            "region_code",
            "city",
            "founded_year",
            "employees",
            "size_class",
            "capital_amount",
            "capital_currency",
            "turnover_band",
            "export_experience",
            "certifications",
            "other_certifications",
            "languages",
            "website",
            "description",
            "description_language",
            "description_translations",
            "classifications",
            "classification_codes",
            "sectors",
            "verification",
            "verified_at",
            "logo",
            "created_at",
            "updated_at",
            "contacts",
            "private",
        ]
        read_only_fields = ["verification", "verified_at", "created_at", "updated_at"]
        # Uniqueness of (country, registry_id) is checked in validate(), to name the field.
        validators: list[Any] = []
        optional_in_response = ["contacts", "private"]

    @extend_schema_field(VersionSerializer(many=True))
    def get_description_translations(self, company: Company) -> list[dict[str, Any]]:
        return versions_data(company)

    def validate_description_language(self, value: str) -> str:
        error = language_codes_error([value]) if value else None
        if error:
            raise serializers.ValidationError(error)
        return value.lower()

    def validate_capital_currency(self, value: str) -> str:
        if value and pycountry.currencies.get(alpha_3=value.upper()) is None:
            raise serializers.ValidationError(
                _("%(code)s is not an ISO 4217 currency code.") % {"code": value}
            )
        return value.upper()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        def current(name: str) -> Any:
            return attrs[name] if name in attrs else getattr(self.instance, name, None)

        country, registry_id, region = current("country"), current("registry_id"), current("region")
        errors: dict[str, Any] = {}
        try:
            # The stored identifier is checked again when only the country changes.
            registry_id = normalise_registry_id(country, registry_id) if registry_id else ""
        except IdentifierError as error:
            errors["registry_id"] = error_message(error)
        else:
            if "registry_id" in attrs:
                attrs["registry_id"] = registry_id
            if registry_id and self._registry_id_taken(country, registry_id):
                errors["registry_id"] = str(
                    _(
                        "A company of %(country)s with registry identifier %(id)s is already "
                        "registered."
                    )
                    % {"country": country, "id": registry_id}
                )
        if attrs.get("tax_number"):
            try:
                attrs["tax_number"] = normalise_tax_number(country, attrs["tax_number"])
            except IdentifierError as error:
                errors["private"] = {"tax_number": [error_message(error)]}
        if region is not None and region.country != country:
            errors["region_code"] = str(
                _("The region %(region)s is not in the company's country %(country)s.")
                % {"region": region.code, "country": country}
            )
        # Who may change which field is the domain's rule, asked here to name the fields.
        errors.update(_api_errors(refused_changes(self._actor(), self.instance, attrs)))
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def _registry_id_taken(self, country: str, registry_id: str) -> bool:
        others = Company.objects.filter(country=country, registry_id=registry_id)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        return others.exists()

    def _actor(self) -> Any:
        request = self.context.get("request")
        return request.user if request is not None else None

    def _save(self, company: Company, validated_data: dict[str, Any]) -> Company:
        try:
            return save_company(self._actor(), company, validated_data)
        except CompanyChangeError as refused:
            raise serializers.ValidationError(_api_errors(refused.errors)) from refused

    def create(self, validated_data: dict[str, Any]) -> Company:
        return self._save(Company(), validated_data)

    def update(self, instance: Company, validated_data: dict[str, Any]) -> Company:
        return self._save(instance, validated_data)


# Model field names that the API writes under another name.
_API_NAMES = {
    "region": "region_code",
    "classifications": "classification_codes",
    "tax_number": "private",
    "address": "private",
}


def _api_errors(errors: dict[str, str]) -> dict[str, Any]:
    """`save_company`'s refusals, keyed by the names the API uses."""
    result: dict[str, Any] = {}
    for name, reason in errors.items():
        api_name = _API_NAMES.get(name, name)
        if api_name == "private":
            result.setdefault("private", {})[name] = [reason]
        else:
            result[api_name] = [reason]
    return result


class ReturnCompanySerializer(serializers.Serializer[Any]):
    note = serializers.CharField(
        help_text=_("What the company must correct before it can be verified.")
    )
