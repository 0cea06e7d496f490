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
        from django.db.models.signals import post_migrate

        from jembatan.core.domain.queues import OfficerQueue, register_queue
        from jembatan.notifications.domain.kinds import NotificationKind, register_kind
        from jembatan.translations.domain.versions import open_requests

        register_queue(
            OfficerQueue(
                key="translations.requests",
                label=_("Translations requested"),
                url_name="translations:queue",
                pending=open_requests,
                permission="translations.work_requests",
                order=60,
            )
        )
        register_kind(
            NotificationKind(
                key="translations.requested",
                label=_("A reader asked for a translation"),
                default="digest",
            )
        )
        register_kind(
            NotificationKind(
                key="translations.ready",
                label=_("The translation you asked for is ready"),
                default="immediate",
            )
        )
        post_migrate.connect(warm_content_types, dispatch_uid="translations.warm_content_types")


def warm_content_types(using: str = "default", **kwargs: object) -> None:
    """Load the content types of the translatable models once migrations ran (and again
    after a flush, which recreates them): every page that prefetches versions would
    otherwise look one up on its first request, so that the number of queries of a page
    depended on what the process had done before."""
    from django.contrib.contenttypes.models import ContentType

    from jembatan.translations.domain.translatables import translatables

    models = [spec.model for spec in translatables()]
    if models:
        ContentType.objects.clear_cache()
        ContentType.objects.db_manager(using).get_for_models(*models)
