"""The notification kinds and officer queues of agreements, outcomes and follow-up
(registered in ready())."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jembatan.notifications.domain.kinds import NotificationKind, register_kind

KINDS = {
    "engagement.agreement_reported": _("An agreement waits for your company's confirmation"),
    "engagement.agreement_confirmed": _("An agreement is confirmed"),
    "engagement.outcome_check_in": _("How is your partnership going?"),
    "engagement.follow_up": _("An introduction asks for an update"),
}


def register_agreement_kinds() -> None:
    for key, label in KINDS.items():
        register_kind(NotificationKind(key=key, label=label, default="immediate"))


def reported_agreements() -> QuerySet[Any]:
    from jembatan.engagement.models import Agreement, AgreementStatus

    return Agreement.objects.filter(status=AgreementStatus.REPORTED)


def count_reported() -> int:
    return reported_agreements().count()


def stale() -> QuerySet[Any]:
    from jembatan.engagement.domain.follow_up import stale_introductions

    return stale_introductions()


def count_stale() -> int:
    return stale().count()


def register_agreement_queues() -> None:
    from jembatan.core.domain.queues import OfficerQueue, register_queue

    register_queue(
        OfficerQueue(
            key="engagement.agreements_reported",
            label=_("Agreements awaiting confirmation"),
            url_name="engagement:agreements",
            pending=reported_agreements,
            permission="engagement.verify_agreement",
            order=55,
            nav_label=_("Agreements to confirm"),
        )
    )
    register_queue(
        OfficerQueue(
            key="engagement.stale_introductions",
            label=_("Introductions with no activity for 30 days"),
            url_name="engagement:board",
            pending=stale,
            permission="engagement.view_pipeline",
            order=56,
            nav_label=_("Stale introductions"),
        )
    )
