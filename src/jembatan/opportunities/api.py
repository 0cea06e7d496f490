"""/api/v1/profiles/: partnership profiles, within the same permissions as the site."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import django_filters
from django.db import transaction
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from jembatan.core.api import ErrorDetailSerializer, UserLanguageMixin
from jembatan.opportunities.domain import lifecycle
from jembatan.opportunities.domain.editing import (
    AttachmentError,
    attach_file,
    delete_draft,
    save_profile,
)
from jembatan.opportunities.domain.queries.profiles import (
    for_display,
    search,
    targeting,
    visible_profiles,
    with_effective_status,
)
from jembatan.opportunities.interfaces.serializers import (
    AttachmentUploadSerializer,
    CloseSerializer,
    ProfileSerializer,
    ProfileShownSerializer,
    ReturnSerializer,
)
from jembatan.opportunities.models import Direction, Kind, PartnershipProfile, Status
from jembatan.registry.models import Company, Country


class ProfileFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Kind.choices)
    direction = django_filters.ChoiceFilter(choices=Direction.choices)
    sector = django_filters.CharFilter(field_name="sector_id")
    country = django_filters.ChoiceFilter(field_name="company__country", choices=Country.choices)
    target_country = django_filters.ChoiceFilter(
        choices=Country.choices, method="filter_target_country"
    )
    status = django_filters.ChoiceFilter(choices=Status.choices, method="filter_status")
    q = django_filters.CharFilter(method="filter_search")

    class Meta:
        model = PartnershipProfile
        fields: list[str] = []

    def filter_target_country(
        self, queryset: QuerySet[PartnershipProfile], name: str, value: str
    ) -> QuerySet[PartnershipProfile]:
        return targeting(queryset, value)

    def filter_status(
        self, queryset: QuerySet[PartnershipProfile], name: str, value: str
    ) -> QuerySet[PartnershipProfile]:
        return with_effective_status(queryset, value)

    def filter_search(
        self, queryset: QuerySet[PartnershipProfile], name: str, value: str
    ) -> QuerySet[PartnershipProfile]:
        return search(queryset, value)


class ProfilePermission(permissions.BasePermission):
    """Signed-in users only; creating, changing and deleting follow rules.py."""

    object_permissions = {
        "update": "opportunities.change_profile",
        "partial_update": "opportunities.change_profile",
        "destroy": "opportunities.delete_profile",
        "attachments": "opportunities.change_profile",
    }

    def has_permission(self, request: Any, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if view.action == "create":
            return bool(request.user.has_perm("opportunities.add_profile"))
        return True

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        permission = self.object_permissions.get(view.action)
        return permission is None or bool(request.user.has_perm(permission, obj))


# What every profile endpoint answers: the profile as the user may see it (public_view),
# whatever the request body was; a refused transition is 409 with the reason.
TRANSITION = extend_schema(
    request=None, responses={200: ProfileShownSerializer, 409: ErrorDetailSerializer}
)


@extend_schema_view(
    list=extend_schema(responses=ProfileShownSerializer(many=True)),
    retrieve=extend_schema(responses=ProfileShownSerializer),
    create=extend_schema(request=ProfileSerializer, responses={201: ProfileShownSerializer}),
    update=extend_schema(request=ProfileSerializer, responses=ProfileShownSerializer),
    partial_update=extend_schema(request=ProfileSerializer, responses=ProfileShownSerializer),
    submit=TRANSITION,
    validate=TRANSITION,
    publish=TRANSITION,
    extend=TRANSITION,
    return_to_poster=extend_schema(
        request=ReturnSerializer,
        responses={200: ProfileShownSerializer, 409: ErrorDetailSerializer},
    ),
    close=extend_schema(
        request=CloseSerializer,
        responses={200: ProfileShownSerializer, 409: ErrorDetailSerializer},
    ),
    attachments=extend_schema(
        request={"multipart/form-data": AttachmentUploadSerializer},
        responses={201: ProfileShownSerializer},
    ),
)
class ProfileViewSet(UserLanguageMixin, viewsets.ModelViewSet):
    """Partnership profiles the user may see. Anonymous posters are hidden as on the site."""

    serializer_class = ProfileSerializer
    permission_classes = [ProfilePermission]
    filterset_class = ProfileFilter

    def get_queryset(self) -> QuerySet[PartnershipProfile]:
        return for_display(visible_profiles(self.request.user)).order_by(
            "-published_at", "-created_at", "-id"
        )

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        if self.action == "create":
            company_id = getattr(self.request.user, "company_id_or_none", None) or 0
            context["company"] = Company.objects.filter(pk=company_id).first()
        elif self.kwargs.get("pk") and self.action in ("update", "partial_update"):
            context["company"] = self.get_object().company
        return context

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, lifecycle.TransitionError):
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        if isinstance(exc, AttachmentError):
            return Response({"file": [str(exc)]}, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)

    def perform_create(self, serializer: BaseSerializer[PartnershipProfile]) -> None:
        self._save(serializer, company=serializer.context["company"])

    def perform_update(self, serializer: BaseSerializer[PartnershipProfile]) -> None:
        self._save(serializer)

    def _save(self, serializer: BaseSerializer[PartnershipProfile], **extra: Any) -> None:
        data = dict(serializer.validated_data)
        chosen_language = data.pop("language", "")
        classifications = data.pop("classifications", None)
        profile = serializer.instance or PartnershipProfile(**extra)
        for field, value in data.items():
            setattr(profile, field, value)
        with transaction.atomic():
            save_profile(profile, self.request.user, chosen_language)
            if classifications is not None:
                profile.classifications.set(classifications)
        serializer.instance = profile

    def perform_destroy(self, instance: PartnershipProfile) -> None:
        delete_draft(instance, self.request.user)

    def _transition(self, action_function: Callable[[PartnershipProfile, Any], None]) -> Response:
        profile = self.get_object()
        action_function(profile, self.request.user)
        profile = for_display(PartnershipProfile.objects.all()).get(pk=profile.pk)
        # Not get_serializer(): actions with a request body name their own serializer_class.
        return Response(ProfileSerializer(profile, context=self.get_serializer_context()).data)

    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        return self._transition(lifecycle.submit)

    @action(detail=True, methods=["post"])
    def validate(self, request: Request, pk: str | None = None) -> Response:
        return self._transition(lifecycle.validate)

    @action(detail=True, methods=["post"], url_path="return", serializer_class=ReturnSerializer)
    def return_to_poster(self, request: Request, pk: str | None = None) -> Response:
        lifecycle.require(request.user, "return", self.get_object())
        form = ReturnSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        reason = form.validated_data["reason"]
        return self._transition(lambda p, u: lifecycle.return_with_reason(p, u, reason))

    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str | None = None) -> Response:
        return self._transition(lifecycle.publish)

    @action(detail=True, methods=["post"])
    def extend(self, request: Request, pk: str | None = None) -> Response:
        return self._transition(lifecycle.extend)

    @action(detail=True, methods=["post"], serializer_class=CloseSerializer)
    def close(self, request: Request, pk: str | None = None) -> Response:
        lifecycle.require(request.user, "close", self.get_object())
        form = CloseSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        reason = form.validated_data["reason"]
        return self._transition(lambda p, u: lifecycle.close(p, u, reason))

    @action(
        detail=True,
        methods=["post"],
        serializer_class=AttachmentUploadSerializer,
        parser_classes=[MultiPartParser],
    )
    def attachments(self, request: Request, pk: str | None = None) -> Response:
        profile = self.get_object()
        upload = AttachmentUploadSerializer(data=request.data, context={"profile": profile})
        upload.is_valid(raise_exception=True)
        attach_file(profile, upload.validated_data["file"], request.user)
        profile = for_display(PartnershipProfile.objects.all()).get(pk=profile.pk)
        return Response(
            ProfileSerializer(profile, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )
