"""/api/v1/notifications/: the signed-in user's own notifications, and marking one read."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from jembatan.notifications.domain.inbox import mark_read, notifications_of
from jembatan.notifications.interfaces.serializers import NotificationSerializer
from jembatan.notifications.models import Notification


class NotificationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[Notification]):
    """Newest first. Another user's notification does not exist for you (404)."""

    serializer_class = NotificationSerializer
    queryset = Notification.objects.none()  # for the schema; requests use get_queryset
    permission_classes = [permissions.IsAuthenticated]
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Notification]:
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return Notification.objects.none()
        return notifications_of(self.request.user)

    @extend_schema(request=None, responses={200: NotificationSerializer})
    @action(detail=True, methods=["post"])
    def read(self, request: Request, pk: str | None = None) -> Response:
        notification = mark_read(self.get_object())
        return Response(self.get_serializer(notification).data)
