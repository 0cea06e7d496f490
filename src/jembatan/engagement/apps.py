from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "jembatan.engagement"
    label = "engagement"
    verbose_name = _("Interests and introductions")

    def ready(self) -> None:
        from jembatan.engagement.domain.notices import register_kinds

        register_kinds()
        from jembatan.engagement.domain.agreement_notices import register_agreement_kinds

        register_agreement_kinds()
