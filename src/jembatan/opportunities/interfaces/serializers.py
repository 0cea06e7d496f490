"""API representation of partnership profiles.

Writes go through `ProfileSerializer`'s fields; every read goes through `public_view`, the
same function the pages use, so an anonymous poster is hidden in the API exactly as on the
site.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from jembatan.opportunities.domain.attachments import (
    HEAD_BYTES,
    attachment_problem,
    clean_file_name,
    count_problem,
)
from jembatan.opportunities.domain.content import (
    CONTENT_FIELDS,
    MAX_KEYWORD_LENGTH,
    MAX_KEYWORDS,
    content_problems,
    deadline_problem,
)
from jembatan.opportunities.domain.presentation import public_view
from jembatan.opportunities.models import ClosedReason, Language, PartnershipProfile
from jembatan.registry.models import Country
from jembatan.translations.interfaces.serializers import VersionSerializer


class CompanyShownSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True, source="company_id")
    name = serializers.CharField(source="company_label")
    website = serializers.CharField(source="company_website")
    logo = serializers.CharField(source="company_logo_url")
    registry_id = serializers.CharField(source="company_registry_id")
    identity_hidden = serializers.BooleanField()


class AttachmentShownSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    url = serializers.CharField()


@extend_schema_serializer(component_name="Profile")
class ProfileShownSerializer(serializers.Serializer):
    """A `ProfileView` as JSON: what the requesting user may see of a profile."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    description = serializers.CharField()
    kind = serializers.CharField()
    direction = serializers.CharField()
    cooperation_types = serializers.SerializerMethodField()
    language = serializers.CharField()
    sector = serializers.CharField(allow_null=True)
    classifications = serializers.SerializerMethodField()
    target_countries = serializers.SerializerMethodField()
    partner_size_wanted = serializers.CharField()
    brings = serializers.CharField()
    seeks = serializers.CharField()
    keywords = serializers.ListField(child=serializers.CharField())
    deadline = serializers.DateField(allow_null=True)
    status = serializers.CharField()
    returned_reason = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)
    expires_at = serializers.DateTimeField(allow_null=True)
    extended_once = serializers.BooleanField()
    closed_reason = serializers.CharField()
    is_anonymous = serializers.BooleanField()
    company = CompanyShownSerializer(source="*")
    attachments = AttachmentShownSerializer(many=True)
    translations = VersionSerializer(
        many=True,
        source="reader.versions",
        help_text="The texts in the other languages; each says who or what made it.",
    )

    def get_cooperation_types(self, view: Any) -> list[str]:
        return [code for code, _label in view.cooperation_types]

    def get_classifications(self, view: Any) -> list[dict[str, str]]:
        return [
            {"scheme": scheme, "code": code, "title": title}
            for scheme, code, title in view.classifications
        ]

    def get_target_countries(self, view: Any) -> list[str]:
        return [code for code, _label in view.target_countries]


@extend_schema_serializer(component_name="ProfileInput")
class ProfileSerializer(serializers.ModelSerializer):
    """Create and change a profile (drafts only); reads are `ProfileShownSerializer`'s."""

    language = serializers.ChoiceField(
        choices=[("", ""), *Language.choices], required=False, allow_blank=True, write_only=True
    )
    target_countries = serializers.ListField(
        child=serializers.ChoiceField(choices=Country.choices), required=False
    )
    cooperation_types = serializers.ListField(child=serializers.CharField(), required=False)
    keywords = serializers.ListField(
        child=serializers.CharField(max_length=MAX_KEYWORD_LENGTH),
        max_length=MAX_KEYWORDS,
        required=False,
    )

    class Meta:
        model = PartnershipProfile
        fields = CONTENT_FIELDS
        extra_kwargs = {"classifications": {"required": False}}

    def validate_deadline(self, value: Any) -> Any:
        problem = deadline_problem(value, timezone.localdate())
        if problem:
            raise serializers.ValidationError(problem)
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        def current(name: str) -> Any:
            if name in attrs:
                return attrs[name]
            return getattr(self.instance, name) if self.instance else None

        def label(name: str) -> str:
            field = PartnershipProfile._meta.get_field(name)
            return capfirst(str(getattr(field, "verbose_name", name)))

        errors = content_problems(self.context["company"], current, label)
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def to_representation(self, instance: PartnershipProfile) -> dict[str, Any]:
        view = public_view(instance, self.context["request"].user)
        return dict(ProfileShownSerializer(view).data)


class AttachmentUploadSerializer(serializers.Serializer):
    file = serializers.FileField()

    def validate_file(self, upload: Any) -> Any:
        upload.seek(0)
        head = upload.read(HEAD_BYTES)
        upload.seek(0)
        problem = attachment_problem(clean_file_name(upload.name or ""), upload.size or 0, head)
        problem = problem or count_problem(self.context["profile"].attachments.count(), 1)
        if problem:
            raise serializers.ValidationError(problem)
        return upload


class ReturnSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, label=_("reason for returning"))


class CloseSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=ClosedReason.choices, label=_("reason for closing"))
