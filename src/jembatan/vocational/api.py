"""/api/v1/vocational/institutions/ and /api/v1/vocational/mous/: the same rules as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from jembatan.core.api import API_AUTHENTICATION, ErrorDetailSerializer, UserLanguageMixin
from jembatan.vocational.domain import institutions as institution_domain
from jembatan.vocational.domain import mous as mou_domain
from jembatan.vocational.interfaces.serializers import (
    InstitutionSerializer,
    InstitutionWriteSerializer,
    MouSerializer,
    MouWriteSerializer,
)
from jembatan.vocational.models import Institution, Mou


class DomainErrorsMixin(UserLanguageMixin):
    """Domain refusals as API answers: a ValidationError names the field (400)."""

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, ValidationError):
            exc = ApiValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
            )
        elif isinstance(exc, PermissionDenied):
            exc = ApiPermissionDenied(str(exc) or None)
        return super().handle_exception(exc)  # type: ignore[misc]


class InstitutionPermission(permissions.BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if view.action == "create":
            return bool(user.has_perm("vocational.add_institution"))
        return bool(user.has_perm("vocational.view_institutions"))

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        if view.action in ("update", "partial_update"):
            return bool(request.user.has_perm("vocational.change_institution", obj))
        return bool(request.user.has_perm("vocational.view_institution", obj))


WRITE_RESPONSES: dict[int, Any] = {
    400: OpenApiTypes.OBJECT,
    403: ErrorDetailSerializer,
    404: ErrorDetailSerializer,
}


@extend_schema_view(
    list=extend_schema(
        responses={200: InstitutionSerializer(many=True), 403: ErrorDetailSerializer}
    ),
    retrieve=extend_schema(responses={200: InstitutionSerializer, 404: ErrorDetailSerializer}),
    create=extend_schema(
        request=InstitutionWriteSerializer,
        responses={201: InstitutionSerializer, **WRITE_RESPONSES},
    ),
    update=extend_schema(
        request=InstitutionWriteSerializer,
        responses={200: InstitutionSerializer, **WRITE_RESPONSES},
    ),
    partial_update=extend_schema(
        request=InstitutionWriteSerializer,
        responses={200: InstitutionSerializer, **WRITE_RESPONSES},
    ),
)
class InstitutionViewSet(
    DomainErrorsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet[Institution],
):
    """The directory of vocational institutions, with their departments."""

    serializer_class = InstitutionSerializer
    authentication_classes = API_AUTHENTICATION
    permission_classes = [InstitutionPermission]
    filterset_fields = ["type"]

    def get_queryset(self) -> QuerySet[Institution]:
        return (
            Institution.objects.select_related("organisation")
            .prefetch_related("departments")
            .order_by("organisation__name", "pk")
        )

    def shown(self, institution: Institution, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=institution.pk)
        return Response(InstitutionSerializer(fresh).data, status=code)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        form = InstitutionWriteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        institution = institution_domain.create_institution(request.user, form.institution_data())
        return self.shown(institution, status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        institution = self.get_object()
        partial = kwargs.get("partial", False)
        form = InstitutionWriteSerializer(data=request.data, partial=partial)
        form.is_valid(raise_exception=True)
        institution_domain.update_institution(
            request.user, institution, form.institution_data(institution)
        )
        return self.shown(institution)


class MouPermission(permissions.BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if view.action == "create":
            return bool(user.has_perm("vocational.add_mou"))
        return bool(user.has_perm("vocational.view_mous"))

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        if view.action in ("update", "partial_update"):
            return bool(request.user.has_perm("vocational.change_mou", obj))
        return bool(request.user.has_perm("vocational.view_mou", obj))


@extend_schema_view(
    list=extend_schema(responses={200: MouSerializer(many=True), 403: ErrorDetailSerializer}),
    retrieve=extend_schema(responses={200: MouSerializer, 404: ErrorDetailSerializer}),
    create=extend_schema(
        request=MouWriteSerializer, responses={201: MouSerializer, **WRITE_RESPONSES}
    ),
    update=extend_schema(
        request=MouWriteSerializer, responses={200: MouSerializer, **WRITE_RESPONSES}
    ),
)
class MouViewSet(
    DomainErrorsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet[Mou],
):
    """MoUs the user may see: officers all, party institutions' and companies' members theirs.
    The signed PDF is uploaded on the web page; `has_document` says whether there is one."""

    serializer_class = MouSerializer
    authentication_classes = API_AUTHENTICATION
    permission_classes = [MouPermission]
    http_method_names = ["get", "post", "put", "head", "options"]

    def get_queryset(self) -> QuerySet[Mou]:
        rows = mou_domain.with_parties(mou_domain.visible_mous(self.request.user))
        return rows.order_by("-signed_on", "-pk")

    def shown(self, mou: Mou, code: int = status.HTTP_200_OK) -> Response:
        fresh = mou_domain.with_parties(Mou.objects.all()).get(pk=mou.pk)
        return Response(MouSerializer(fresh).data, status=code)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        form = MouWriteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        return self.shown(mou_domain.create_mou(request.user, form.mou_data()), 201)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        mou = self.get_object()
        form = MouWriteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        return self.shown(mou_domain.update_mou(request.user, mou, form.mou_data()))
