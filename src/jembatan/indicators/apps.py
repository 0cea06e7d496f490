from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "jembatan.indicators"
    label = "indicators"
    verbose_name = _("Programme indicators")

    def ready(self) -> None:
        from jembatan.indicators.domain.kpis import register_all

        register_all()
