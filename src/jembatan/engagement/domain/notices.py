"""The notices this app sends, through the notification facility (jembatan.notifications).

Each kind has its template in templates/engagement/notifications/<event>.txt. Contexts carry
only what the recipient may see: a profile's title (never its hidden poster), and a partner's
name or contacts only once the introduction discloses them.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from jembatan.notifications.domain.kinds import NotificationKind, register_kind
from jembatan.notifications.domain.notify import notify_company, notify_officers

KINDS: dict[str, Any] = {
    "engagement.interest_received": _("An expression of interest reached you"),
    "engagement.interest_accepted": _("Your expression of interest was accepted"),
    "engagement.interest_declined": _("Your expression of interest was declined"),
    "engagement.interest_expired": _("An expression of interest expired"),
    "engagement.interest_reminder": _("An expression of interest waits for your answer"),
    "engagement.interest_awaiting_officer": _("An expression of interest waits for an officer"),
    "engagement.interest_forwarded": _("An officer forwarded your expression of interest"),
    "engagement.improvement_asked": _("An officer asks you to improve your expression of interest"),
    "engagement.message_received": _("New message in an introduction"),
    "engagement.stage_changed": _("An introduction moved to another stage"),
}


def register_kinds() -> None:
    for key, label in KINDS.items():
        register_kind(NotificationKind(key=key, label=label, default="immediate"))


def tell_company(
    company: Any, kind: str, obj: models.Model, context: dict[str, Any], link: str
) -> None:
    notify_company(company, kind, obj, context, link=link)


def tell_officers(kind: str, obj: models.Model, context: dict[str, Any], link: str) -> None:
    notify_officers(kind, obj, context, link=link)
