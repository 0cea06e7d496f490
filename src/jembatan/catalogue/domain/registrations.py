"""What the catalogue contributes to the shared registries (queues, signals)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def register() -> None:
    """Called once from CatalogueConfig.ready()."""
    from jembatan.catalogue import signals
    from jembatan.catalogue.domain.products import queue_count
    from jembatan.core.domain.queues import OfficerQueue, register_queue

    signals.connect()
    register_queue(
        OfficerQueue(
            key="catalogue.products",
            label=_("Products waiting for verification"),
            url_name="catalogue:queue",
            count=queue_count,
            permission="catalogue.verify_product",
            order=25,  # beside the profiles: content officers check before it is public
            nav_label=_("Products to verify"),
        )
    )
