"""/api/v1/agreements/: report, list, read, confirm and (officers) verify agreements."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from jembatan.core.api import API_AUTHENTICATION, ErrorDetailSerializer, UserLanguageMixin
from jembatan.engagement.domain.agreements import (
    AgreementError,
    confirm_agreement,
    report_agreement,
    verify_agreement,
    visible_agreements,
    with_parties,
)
from jembatan.engagement.domain.money import MoneyError
from jembatan.engagement.interfaces.agreement_serializers import (
    AgreementCreateSerializer,
    AgreementSerializer,
)
from jembatan.engagement.models import Agreement


class AgreementPermission(permissions.BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if view.action == "create":
            return bool(user.is_officer or user.company_id_or_none)
        return True


DECISION = extend_schema(
    request=None,
    responses={200: AgreementSerializer, 403: ErrorDetailSerializer, 409: ErrorDetailSerializer},
)


@extend_schema_view(
    list=extend_schema(responses=AgreementSerializer(many=True)),
    retrieve=extend_schema(responses=AgreementSerializer),
    create=extend_schema(
        request=AgreementCreateSerializer,
        responses={201: AgreementSerializer, 403: ErrorDetailSerializer},
    ),
    confirm=DECISION,
    verify=DECISION,
)
class AgreementViewSet(
    UserLanguageMixin,
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet[Agreement],
):
    """Agreements the user may see: officers all, a company member its company's."""

    serializer_class = AgreementSerializer
    authentication_classes = API_AUTHENTICATION
    permission_classes = [AgreementPermission]
    filterset_fields = ["status", "type"]

    def get_queryset(self) -> QuerySet[Agreement]:
        return with_parties(visible_agreements(self.request.user)).order_by("-signed_on", "-id")

    def get_serializer_class(self) -> Any:
        return AgreementCreateSerializer if self.action == "create" else AgreementSerializer

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, AgreementError | MoneyError):
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        if isinstance(exc, PermissionDenied):
            exc = ApiPermissionDenied(str(exc) or None)
        return super().handle_exception(exc)

    def shown(self, agreement: Agreement, code: int = status.HTTP_200_OK) -> Response:
        agreement = with_parties(Agreement.objects.all()).get(pk=agreement.pk)
        return Response(AgreementSerializer(agreement).data, status=code)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        form = AgreementCreateSerializer(data=request.data, context={"request": request})
        form.is_valid(raise_exception=True)
        agreement = report_agreement(
            request.user,
            form.terms(),
            introduction=form.validated_data.get("introduction"),
            parties=form.validated_data.get("parties", []),
        )
        return self.shown(agreement, status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def confirm(self, request: Request, pk: str | None = None) -> Response:
        return self.shown(confirm_agreement(request.user, self.get_object()))

    @action(detail=True, methods=["post"])
    def verify(self, request: Request, pk: str | None = None) -> Response:
        return self.shown(verify_agreement(request.user, self.get_object()))
