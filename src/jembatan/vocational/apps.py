from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VocationalConfig(AppConfig):
    name = "jembatan.vocational"
    label = "vocational"
    verbose_name = _("Vocational cooperation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jembatan.vocational.domain import setup

        setup.register()
