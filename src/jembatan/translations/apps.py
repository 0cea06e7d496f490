from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """Versions of a text in the other languages (id, ja, en), whoever made them.

    Sits below registry and opportunities (it imports only core and accounts): each app
    registers what of its objects can be translated (domain/translatables.py)."""

    name = "jembatan.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self) -> None:
        from jembatan.core.domain.queues import OfficerQueue, register_queue
        from jembatan.translations.domain.versions import open_request_count

        register_queue(
            OfficerQueue(
                key="translations.requests",
                label=_("Translations requested"),
                url_name="translations:queue",
                count=open_request_count,
                permission="translations.work_requests",
                order=60,
            )
        )
