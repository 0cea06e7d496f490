from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "jembatan.matching"
    label = "matching"
    verbose_name = _("Partner matching")

    def ready(self) -> None:
        from jembatan.events.domain.recommendations import register_partner_provider
        from jembatan.matching import signals
        from jembatan.matching.domain.events import recommend_participants
        from jembatan.matching.domain.notices import register_kinds

        signals.connect()
        register_partner_provider(recommend_participants)
        register_kinds()
