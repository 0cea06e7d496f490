"""/api/v1/interests/ and /api/v1/introductions/, within the same permissions as the pages.

Whoever may not see an expression or an introduction gets 404, so that existence leaks
nothing; a refused step (already withdrawn, limit reached) is 409 with the rule named.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from jembatan.core.api import ErrorDetailSerializer, UserLanguageMixin
from jembatan.engagement.domain import interests as actions
from jembatan.engagement.domain.introductions import (
    MessageError,
    post_message,
    visible_introductions,
)
from jembatan.engagement.domain.pipeline import StageError, change_stage
from jembatan.engagement.interfaces.serializers import (
    AcceptSerializer,
    DeclineSerializer,
    InterestCreateSerializer,
    InterestSerializer,
    IntroductionSerializer,
    MessageCreateSerializer,
    MessageSerializer,
    StageSerializer,
)
from jembatan.engagement.models import ExpressionOfInterest, Introduction
from jembatan.opportunities.domain.queries.profiles import visible_profiles
from jembatan.registry.models import Contact


class SignedIn(permissions.BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)


def _refusals(exc: Exception) -> Response | None:
    if isinstance(exc, actions.InterestError | StageError):
        return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, MessageError):
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, PermissionDenied):
        return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
    return None


def _contacts(ids: list[int]) -> list[Contact]:
    return list(Contact.objects.filter(pk__in=ids))


REFUSED = {
    403: ErrorDetailSerializer,
    404: ErrorDetailSerializer,
    409: ErrorDetailSerializer,
}


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "box",
                OpenApiTypes.STR,
                enum=["sent", "received"],
                description="sent: by your company; received: on your company's profiles.",
            )
        ],
        responses=InterestSerializer(many=True),
    ),
    retrieve=extend_schema(responses=InterestSerializer),
    create=extend_schema(
        request=InterestCreateSerializer, responses={201: InterestSerializer, **REFUSED}
    ),
    accept=extend_schema(request=AcceptSerializer, responses={200: InterestSerializer, **REFUSED}),
    decline=extend_schema(
        request=DeclineSerializer, responses={200: InterestSerializer, **REFUSED}
    ),
    withdraw=extend_schema(request=None, responses={200: InterestSerializer, **REFUSED}),
)
class InterestViewSet(UserLanguageMixin, viewsets.GenericViewSet[ExpressionOfInterest]):
    """Expressions of interest the user's company sent or received (officers: all)."""

    serializer_class = InterestSerializer
    permission_classes = [SignedIn]

    def get_queryset(self) -> QuerySet[ExpressionOfInterest]:
        box = self.request.query_params.get("box", "") if self.action == "list" else ""
        return actions.visible_interests(self.request.user, box).order_by("-created_at", "-id")

    def handle_exception(self, exc: Exception) -> Response:
        return _refusals(exc) or super().handle_exception(exc)

    def _answer(self, interest: ExpressionOfInterest, code: int = 200) -> Response:
        fresh = actions.visible_interests(self.request.user).get(pk=interest.pk)
        return Response(InterestSerializer(fresh, context={"request": self.request}).data, code)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        data = InterestSerializer(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return self._answer(self.get_object())

    def create(self, request: Request) -> Response:
        refused = actions.refusal_of(request.user)
        if refused is not None:
            raise ApiPermissionDenied(refused)
        form = InterestCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        profile = get_object_or_404(visible_profiles(request.user), pk=data["profile"])
        if not request.user.has_perm("engagement.express_interest"):
            raise ApiPermissionDenied(actions.refusal(request.user, profile))
        interest = actions.express_interest(
            request.user,
            profile,
            data["message"],
            contacts=_contacts(data.get("contacts", [])),
            language=data.get("language", ""),
        )
        return self._answer(interest, status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"], serializer_class=AcceptSerializer)
    def accept(self, request: Request, pk: str | None = None) -> Response:
        interest = self.get_object()
        form = AcceptSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        actions.accept(request.user, interest, _contacts(form.validated_data.get("contacts", [])))
        return self._answer(interest)

    @action(detail=True, methods=["post"], serializer_class=DeclineSerializer)
    def decline(self, request: Request, pk: str | None = None) -> Response:
        interest = self.get_object()
        form = DeclineSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        actions.decline(request.user, interest, data["reason"], data.get("note", ""))
        return self._answer(interest)

    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        interest = self.get_object()
        actions.withdraw(request.user, interest)
        return self._answer(interest)


@extend_schema_view(
    list=extend_schema(responses=IntroductionSerializer(many=True)),
    retrieve=extend_schema(responses=IntroductionSerializer),
    stage=extend_schema(
        request=StageSerializer, responses={200: IntroductionSerializer, **REFUSED}
    ),
)
class IntroductionViewSet(UserLanguageMixin, viewsets.GenericViewSet[Introduction]):
    """Introductions of the user's company (officers: all); nobody else learns they exist."""

    serializer_class = IntroductionSerializer
    permission_classes = [SignedIn]

    def get_queryset(self) -> QuerySet[Introduction]:
        return (
            visible_introductions(self.request.user)
            .prefetch_related("contacts_a", "contacts_b", "stage_changes")
            .order_by("-last_activity_at", "-id")
        )

    def handle_exception(self, exc: Exception) -> Response:
        return _refusals(exc) or super().handle_exception(exc)

    def _answer(self, introduction: Introduction) -> Response:
        fresh = self.get_queryset().get(pk=introduction.pk)
        return Response(IntroductionSerializer(fresh, context={"request": self.request}).data)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        data = IntroductionSerializer(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return self._answer(self.get_object())

    @action(detail=True, methods=["post"], serializer_class=StageSerializer)
    def stage(self, request: Request, pk: str | None = None) -> Response:
        introduction = self.get_object()
        form = StageSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        change_stage(
            request.user,
            introduction,
            data["stage"],
            reason=data.get("reason", ""),
            note=data.get("note", ""),
        )
        return self._answer(introduction)

    @extend_schema(methods=["GET"], request=None, responses=MessageSerializer(many=True))
    @extend_schema(
        methods=["POST"],
        request={
            "application/json": MessageCreateSerializer,
            "multipart/form-data": MessageCreateSerializer,
        },
        responses={201: MessageSerializer, 400: ErrorDetailSerializer, 403: ErrorDetailSerializer},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        serializer_class=MessageCreateSerializer,
        parser_classes=[JSONParser, MultiPartParser, FormParser],
        pagination_class=None,
    )
    def messages(self, request: Request, pk: str | None = None) -> Response:
        introduction = self.get_object()
        if request.method == "GET":
            thread = introduction.messages.select_related("sender_company")
            return Response(MessageSerializer(thread, many=True).data)
        form = MessageCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        message = post_message(
            request.user,
            introduction,
            data["body"],
            language=data.get("language", ""),
            attachment=data.get("attachment"),
        )
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)
