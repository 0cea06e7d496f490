from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "jembatan.catalogue"
    label = "catalogue"
    verbose_name = _("Products and showcase")

    def ready(self) -> None:
        from jembatan.catalogue.domain import registrations

        registrations.register()
        from jembatan.catalogue.domain import promotion_registrations

        promotion_registrations.register()
