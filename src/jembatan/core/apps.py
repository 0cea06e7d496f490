from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "jembatan.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from jembatan.core.domain import personal_data
        from jembatan.core.interfaces.uploads import apply_image_limit

        personal_data.register()
        apply_image_limit()
