from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "jembatan.matching"
    label = "matching"
    verbose_name = _("Partner matching")

    def ready(self) -> None:
        from jembatan.matching import signals

        signals.connect()
