from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "jembatan.opportunities"
    label = "opportunities"
    verbose_name = _("Partnership profiles")

    def ready(self) -> None:
        from jembatan.opportunities import signals
        from jembatan.opportunities.domain import queues

        signals.connect()
        queues.register()
