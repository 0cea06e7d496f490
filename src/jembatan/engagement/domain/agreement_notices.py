"""The notification kinds of agreements, outcomes and follow-up (registered in ready())."""

from __future__ import annotations

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
