from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "jembatan.opportunities"
    label = "opportunities"
    verbose_name = _("Partnership profiles")

    def ready(self) -> None:
        from jembatan.opportunities import signals
        from jembatan.opportunities.domain import personal_data, queues
        from jembatan.opportunities.domain.notices import register_kinds
        from jembatan.opportunities.domain.translation import PROFILE_TRANSLATABLE
        from jembatan.translations.domain.translatables import register_translatable

        signals.connect()
        register_kinds()
        queues.register()
        personal_data.register()
        register_translatable(PROFILE_TRANSLATABLE)
