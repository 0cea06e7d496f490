from __future__ import annotations

from jembatan.notifications.models.notification import EmailState, Notification
from jembatan.notifications.models.preference import Channel, NotificationPreference

__all__ = ["Channel", "EmailState", "Notification", "NotificationPreference"]
