"""API shapes of programmes and applications. Application rows carry only what the
requester may see: they come from `applications_visible_to`, so no other school's pupil."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from jembatan.vocational.domain.programmes import EDITABLE_FIELDS, check_programme
from jembatan.vocational.models import Application, Programme

PROGRAMME_FIELDS = ["id", *EDITABLE_FIELDS]


class ProgrammeSerializer(serializers.ModelSerializer[Programme]):
    host_name = serializers.CharField(read_only=True)
    completed_at = serializers.DateTimeField(read_only=True, allow_null=True)

    class Meta:
        model = Programme
        fields = [*PROGRAMME_FIELDS, "host_name", "completed_at"]
        read_only_fields = ["id"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        current = self.instance

        def value(name: str) -> Any:
            return attrs.get(name, getattr(current, name, None) if current is not None else None)

        errors = check_programme(
            mou=value("mou"),
            starts_on=value("starts_on"),
            ends_on=value("ends_on"),
            applications_open_on=value("applications_open_on"),
            applications_close_on=value("applications_close_on"),
            cost_amount=value("cost_amount"),
            cost_currency=value("cost_currency") or "",
        )
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class ProgrammeMouSerializer(serializers.ModelSerializer[Programme]):
    """Only the MoU a new programme's body names: read first, to ask who may add to it."""

    class Meta:
        model = Programme
        fields = ["mou"]


class ApplicationSerializer(serializers.ModelSerializer[Application]):
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    institution = serializers.IntegerField(source="person.institution_id", read_only=True)
    certificate_code = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = [
            "id",
            "programme",
            "person",
            "person_name",
            "institution",
            "status",
            "nominated",
            "motivation",
            "rank",
            "applied_at",
            "decided_at",
            "completed_at",
            "certificate_code",
        ]
        read_only_fields = fields

    def get_certificate_code(self, application: Application) -> str | None:
        certificate = getattr(application, "certificate", None)
        return certificate.code if certificate is not None else None


class ApplyRequestSerializer(serializers.Serializer[Any]):
    programme = serializers.IntegerField()
    person = serializers.IntegerField()
    motivation = serializers.CharField(required=False, allow_blank=True, default="")


class TransitionRequestSerializer(serializers.Serializer[Any]):
    action = serializers.ChoiceField(
        choices=["select", "waitlist", "reject", "confirm", "start", "complete", "withdraw"]
    )
