from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Export and erasure of what the system holds about a company (issue 10, privacy)."""

    name = "jembatan.privacy"
    label = "privacy"
    verbose_name = _("Personal data")

    def ready(self) -> None:
        from jembatan.privacy.domain import erasure

        erasure.register()
