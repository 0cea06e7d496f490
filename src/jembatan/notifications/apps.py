from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "jembatan.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from jembatan.notifications import tasks
        from jembatan.notifications.domain import delivery, personal_data

        personal_data.register()
        delivery.use_task_queue(tasks.task_deliver_notifications.delay)
