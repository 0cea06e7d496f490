from __future__ import annotations

from rest_framework import serializers

from jembatan.core.domain.links import absolute_url
from jembatan.notifications.models import Notification


class NotificationSerializer(serializers.ModelSerializer[Notification]):
    read = serializers.SerializerMethodField(help_text="Whether the user has marked it read.")
    url = serializers.SerializerMethodField(help_text="The link as an absolute address.")

    class Meta:
        model = Notification
        fields = ["id", "kind", "title", "body", "read", "read_at", "created_at", "link", "url"]
        read_only_fields = fields
        extra_kwargs = {
            "link": {"help_text": "Path of the object the notification is about ('' if none)."}
        }

    def get_read(self, notification: Notification) -> bool:
        return notification.read_at is not None

    def get_url(self, notification: Notification) -> str:
        return absolute_url(notification.link)
