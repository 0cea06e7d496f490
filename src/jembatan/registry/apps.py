from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "jembatan.registry"
    label = "registry"
    verbose_name = _("Company registry")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from jembatan.registry.domain import queues
        from jembatan.registry.domain.notifications import companies_imported
        from jembatan.registry.signals import imported_readings, sync_reference_data

        post_migrate.connect(sync_reference_data, sender=self)
        companies_imported.connect(imported_readings, dispatch_uid="registry.readings_imported")
        queues.register()
