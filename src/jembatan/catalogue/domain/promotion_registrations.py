"""What inquiries and promotions add to the shared registries: notification kinds, the
officers' moderation queue and the promotion KPIs. Called from CatalogueConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

KINDS: dict[str, Any] = {
    "catalogue.inquiry_received": _("A buyer's inquiry reached your company"),
    "catalogue.inquiry_awaiting_officer": _("A buyer's inquiry waits for an officer"),
}


def register() -> None:
    from jembatan.catalogue import inquiry_rules  # noqa: F401 - registers the permissions
    from jembatan.catalogue.domain.inquiries import awaiting_officer
    from jembatan.catalogue.domain.promotions import KPIS
    from jembatan.core.domain.kpis import register_kpi
    from jembatan.core.domain.queues import OfficerQueue, register_queue
    from jembatan.notifications.domain.kinds import NotificationKind, register_kind

    for key, label in KINDS.items():
        register_kind(NotificationKind(key=key, label=label, default="immediate"))
    register_queue(
        OfficerQueue(
            key="catalogue.inquiries",
            label=_("Buyer inquiries to moderate"),
            url_name="inquiries:queue",
            pending=awaiting_officer,
            permission="catalogue.moderate_inquiries",
            order=55,
            nav_label=_("Inquiries to moderate"),
        )
    )
    for kpi in KPIS:
        register_kpi(kpi)
    from jembatan.catalogue.domain import inquiry_personal_data
    from jembatan.core.domain.personal_data import PersonalDataProvider, register_provider

    register_provider(
        PersonalDataProvider(
            key="catalogue.inquiries",
            export=inquiry_personal_data.export,
            erase=inquiry_personal_data.erase,
            label=_("Buyer inquiries"),
        )
    )
