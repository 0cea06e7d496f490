from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "jembatan.registry"
    label = "registry"
    verbose_name = _("Company registry")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from jembatan.registry.domain import personal_data, queues
        from jembatan.registry.domain.description_translation import COMPANY_TRANSLATABLE
        from jembatan.registry.domain.notices import register_kinds
        from jembatan.registry.domain.notifications import crosswalk_decided
        from jembatan.registry.signals import (
            name_index_in_step,
            refresh_sectors_after_decision,
            sync_reference_data,
        )
        from jembatan.translations.domain.translatables import register_translatable

        register_kinds()
        post_migrate.connect(sync_reference_data, sender=self)
        post_migrate.connect(name_index_in_step, sender=self)
        crosswalk_decided.connect(refresh_sectors_after_decision)
        queues.register()
        personal_data.register()
        register_translatable(COMPANY_TRANSLATABLE)
