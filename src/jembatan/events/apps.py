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
