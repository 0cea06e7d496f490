"""What the API answers about interests and introductions, and what it accepts."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jembatan.engagement.domain.introductions import own_side, partner_side
from jembatan.engagement.models import (
    DeclineReason,
    ExpressionOfInterest,
    InterestStatus,
    Introduction,
    IntroductionMessage,
    Stage,
)
from jembatan.opportunities.domain.presentation import public_view
from jembatan.opportunities.models import Language


class InterestCreateSerializer(serializers.Serializer[Any]):
    profile = serializers.IntegerField()
    message = serializers.CharField(max_length=4000)
    language = serializers.ChoiceField(choices=Language.choices, required=False, allow_blank=True)
    contacts = serializers.ListField(child=serializers.IntegerField(), required=False)


class AcceptSerializer(serializers.Serializer[Any]):
    contacts = serializers.ListField(child=serializers.IntegerField(), required=False)


class DeclineSerializer(serializers.Serializer[Any]):
    reason = serializers.ChoiceField(choices=DeclineReason.choices)
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True)


class StageSerializer(serializers.Serializer[Any]):
    stage = serializers.ChoiceField(choices=Stage.choices)
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True)


class MessageCreateSerializer(serializers.Serializer[Any]):
    body = serializers.CharField(max_length=8000)
    language = serializers.ChoiceField(choices=Language.choices, required=False, allow_blank=True)
    attachment = serializers.FileField(required=False)


class ProfileRefSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    title = serializers.CharField()
    company = serializers.CharField(help_text="The poster as the user may see it (public_view).")


class CompanyRefSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ContactShownSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    role = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()


class SideSerializer(serializers.Serializer[Any]):
    company_id = serializers.IntegerField()
    name = serializers.CharField()
    contacts = ContactShownSerializer(many=True)


class InterestSerializer(serializers.Serializer[Any]):
    """An expression of interest as the user may see it. `contacts` (the requester's chosen
    contacts, as ids) is filled for the requester and officers only."""

    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=InterestStatus.choices)
    profile = serializers.SerializerMethodField()
    requester = serializers.SerializerMethodField()
    message = serializers.CharField()
    message_language = serializers.CharField()
    contacts = serializers.SerializerMethodField()
    mediated = serializers.BooleanField()
    improvement_requested = serializers.BooleanField()
    officer_note = serializers.CharField()
    decline_reason = serializers.CharField()
    decline_note = serializers.CharField()
    created_at = serializers.DateTimeField()
    answered_at = serializers.DateTimeField(allow_null=True)
    introduction = serializers.SerializerMethodField()

    def _user(self) -> Any:
        return self.context["request"].user

    @extend_schema_field(ProfileRefSerializer)
    def get_profile(self, obj: ExpressionOfInterest) -> dict[str, Any]:
        shown = public_view(obj.profile, self._user())
        return {"id": obj.profile_id, "title": shown.title, "company": shown.company_label}

    @extend_schema_field(CompanyRefSerializer)
    def get_requester(self, obj: ExpressionOfInterest) -> dict[str, Any]:
        return {"id": obj.requester_company_id, "name": obj.requester_company.name}

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_contacts(self, obj: ExpressionOfInterest) -> list[int]:
        user = self._user()
        if user.is_officer or user.company_id_or_none == obj.requester_company_id:
            return [c.pk for c in obj.contacts.all()]
        return []

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_introduction(self, obj: ExpressionOfInterest) -> int | None:
        introduction = getattr(obj, "introduction", None)
        return introduction.pk if introduction is not None else None


class StageChangeSerializer(serializers.Serializer[Any]):
    from_stage = serializers.CharField()
    to_stage = serializers.CharField()
    reason = serializers.CharField()
    changed_at = serializers.DateTimeField()


class IntroductionSerializer(serializers.Serializer[Any]):
    """An introduction, for its two companies and officers only (others get 404): `partner` is
    the other company with the contacts it disclosed (for an officer: the profile's owner)."""

    id = serializers.IntegerField()
    stage = serializers.ChoiceField(choices=Stage.choices)
    close_reason = serializers.CharField()
    interest = serializers.IntegerField(source="interest_id", allow_null=True)
    profile = serializers.SerializerMethodField()
    partner = serializers.SerializerMethodField()
    own = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    stage_changed_at = serializers.DateTimeField()
    last_activity_at = serializers.DateTimeField()
    stage_changes = StageChangeSerializer(many=True)

    def _user(self) -> Any:
        return self.context["request"].user

    @extend_schema_field(ProfileRefSerializer(allow_null=True))
    def get_profile(self, obj: Introduction) -> dict[str, Any] | None:
        if obj.profile is None:
            return None
        # Once introduced, both sides know the poster: its name is shown as it is.
        return {"id": obj.profile.pk, "title": obj.profile.title, "company": obj.company_b.name}

    @extend_schema_field(SideSerializer)
    def get_partner(self, obj: Introduction) -> dict[str, Any]:
        return SideSerializer(partner_side(obj, self._user())).data

    @extend_schema_field(SideSerializer)
    def get_own(self, obj: Introduction) -> dict[str, Any]:
        return SideSerializer(own_side(obj, self._user())).data


class AttachmentRefSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    url = serializers.CharField()


class MessageSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    body = serializers.CharField()
    language = serializers.CharField()
    sender_company = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    attachment = serializers.SerializerMethodField()

    @extend_schema_field(CompanyRefSerializer(allow_null=True))
    def get_sender_company(self, obj: IntroductionMessage) -> dict[str, Any] | None:
        company = obj.sender_company
        return {"id": company.pk, "name": company.name} if company is not None else None

    @extend_schema_field(AttachmentRefSerializer(allow_null=True))
    def get_attachment(self, obj: IntroductionMessage) -> dict[str, Any] | None:
        if not obj.attachment:
            return None
        return {
            "name": obj.attachment_name,
            "content_type": obj.attachment_type,
            "size": obj.attachment_size or 0,
            "url": reverse("engagement:message_attachment", args=[obj.introduction_id, obj.pk]),
        }
