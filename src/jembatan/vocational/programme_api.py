"""/api/v1/vocational/programmes/ and /api/v1/vocational/applications/: the same rules as
the pages (domain/programmes.py, domain/applications.py decide)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from jembatan.core.api import API_AUTHENTICATION, ErrorDetailSerializer, UserLanguageMixin
from jembatan.vocational.domain import applications as flow
from jembatan.vocational.domain.programmes import (
    create_programme,
    may_add_programmes,
    programmes_visible_to,
    require_may_add_programme_to,
)
from jembatan.vocational.domain.visibility import people_visible_to
from jembatan.vocational.interfaces.programme_serializers import (
    ApplicationSerializer,
    ApplyRequestSerializer,
    ProgrammeMouSerializer,
    ProgrammeSerializer,
    TransitionRequestSerializer,
)
from jembatan.vocational.models import Application, Programme

ERRORS: dict[int, Any] = {400: OpenApiTypes.OBJECT, 403: ErrorDetailSerializer}


class ProgrammePermission(permissions.BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("vocational.view_programmes"))

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        if view.action in ("update", "partial_update"):
            return bool(request.user.has_perm("vocational.change_programme", obj))
        return bool(request.user.has_perm("vocational.view_programme", obj))


@extend_schema_view(
    list=extend_schema(responses=ProgrammeSerializer(many=True)),
    retrieve=extend_schema(responses=ProgrammeSerializer),
    create=extend_schema(
        request=ProgrammeSerializer, responses={201: ProgrammeSerializer, **ERRORS}
    ),
    partial_update=extend_schema(
        request=ProgrammeSerializer, responses={200: ProgrammeSerializer, **ERRORS}
    ),
)
class ProgrammeViewSet(
    UserLanguageMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet[Programme],
):
    """Programmes under MoUs: those the user's institution or company takes part in."""

    serializer_class = ProgrammeSerializer
    authentication_classes = API_AUTHENTICATION
    permission_classes = [ProgrammePermission]
    filterset_fields = ["kind", "direction", "mou"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Programme]:
        return (
            programmes_visible_to(self.request.user)
            .select_related("host__organisation", "host_company")
            .order_by("-starts_on", "-pk")
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # Who may first: a role that may add no programme is refused before the body is read;
        # then the MoU named, before the other fields are checked (403, not 400).
        if not may_add_programmes(request.user):
            raise ApiPermissionDenied()
        named = ProgrammeMouSerializer(data=request.data)
        named.is_valid(raise_exception=True)
        require_may_add_programme_to(request.user, named.validated_data["mou"])
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        programme = create_programme(request.user, Programme(**serializer.validated_data))
        return Response(
            self.get_serializer(self.get_queryset().get(pk=programme.pk)).data,
            status=status.HTTP_201_CREATED,
        )


class ApplicationPermission(permissions.BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)


@extend_schema_view(
    list=extend_schema(responses=ApplicationSerializer(many=True)),
    retrieve=extend_schema(responses=ApplicationSerializer),
    create=extend_schema(
        request=ApplyRequestSerializer, responses={201: ApplicationSerializer, **ERRORS}
    ),
)
class ApplicationViewSet(
    UserLanguageMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet[Application],
):
    """Applications the user may see: as host, as the participant's institution, as the
    participant, or as an officer. Other schools, companies and viewers see none."""

    serializer_class = ApplicationSerializer
    authentication_classes = API_AUTHENTICATION
    permission_classes = [ApplicationPermission]
    filterset_fields = ["programme", "status"]

    def get_queryset(self) -> QuerySet[Application]:
        return (
            flow.applications_visible_to(self.request.user)
            .select_related("person", "certificate")
            .order_by("programme_id", "rank", "applied_at", "pk")
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # Who may first (403 before the body is read); `flow.apply` then decides for the
        # programme and person named.
        if not flow.may_apply_at_all(request.user):
            raise ApiPermissionDenied()
        form = ApplyRequestSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        programme = (
            programmes_visible_to(request.user).filter(pk=form.validated_data["programme"]).first()
        )
        person = people_visible_to(request.user).filter(pk=form.validated_data["person"]).first()
        if programme is None or person is None:
            raise NotFound()
        try:
            application = flow.apply(
                programme=programme,
                person=person,
                actor=request.user,
                motivation=form.validated_data["motivation"],
            )
        except flow.NotAllowedError as error:
            raise ApiPermissionDenied(str(error)) from error
        except flow.ApplicationError as error:
            return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(
            self.serializer_class(self.get_queryset().get(pk=application.pk)).data, status=201
        )

    @extend_schema(
        request=TransitionRequestSerializer,
        responses={
            200: ApplicationSerializer,
            400: ErrorDetailSerializer,
            403: ErrorDetailSerializer,
        },
    )
    @action(detail=True, methods=["post"])
    def transition(self, request: Request, pk: str | None = None) -> Response:
        application = self.get_object()
        form = TransitionRequestSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        try:
            flow.TRANSITIONS[form.validated_data["action"]](application, request.user)
        except flow.NotAllowedError as error:
            raise ApiPermissionDenied(str(error)) from error
        except flow.ApplicationError as error:
            return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(self.serializer_class(self.get_queryset().get(pk=application.pk)).data)
