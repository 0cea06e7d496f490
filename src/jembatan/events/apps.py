from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "jembatan.events"
    label = "events"
    verbose_name = _("Business-matching events")

    def ready(self) -> None:
        from jembatan.events.domain.notices import register_kinds

        register_kinds()
        from jembatan.events.domain.reminders import register_reminder_kind

        register_reminder_kind()
        from jembatan.events.domain import personal_data

        personal_data.register()
        from jembatan.events.domain.pipeline import register_event_origin
        from jembatan.notifications.domain.kinds import NotificationKind, register_kind

        register_event_origin()
        register_kind(
            NotificationKind(
                key="events.introduction_offered",
                label=_("An introduction is offered after an event"),
                default="immediate",
            )
        )
