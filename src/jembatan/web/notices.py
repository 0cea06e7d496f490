"""Notices about sign-ups. Accounts sits below the notification facility and only sends
signals (accounts/signals.py); the site app, above every app, turns them into notices:
officers hear of a new claim or institution, the people concerned of the officer's answer.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jembatan.accounts import signals
from jembatan.notifications.domain.kinds import NotificationKind, register_kind
from jembatan.notifications.domain.notify import notify, notify_officers, notify_users

CLAIM_FILED = "accounts.claim_filed"
CLAIM_CONFIRMED = "accounts.claim_confirmed"
CLAIM_REJECTED = "accounts.claim_rejected"
INSTITUTION_FILED = "accounts.institution_filed"
INSTITUTION_VERIFIED = "accounts.institution_verified"
INSTITUTION_REJECTED = "accounts.institution_rejected"


def register_kinds() -> None:
    # Officers hear of new sign-ups in their daily digest by default (the queue shows them).
    # The answers go to the person as an account e-mail already (accounts/domain/mail.py),
    # so their notices are in-app only unless the person asks for an e-mail too.
    for key, label, default in (
        (CLAIM_FILED, _("A company claim to confirm"), "digest"),
        (CLAIM_CONFIRMED, _("Your claim on a company was confirmed"), "off"),
        (CLAIM_REJECTED, _("Your claim on a company was refused"), "off"),
        (INSTITUTION_FILED, _("An institution to confirm"), "digest"),
        (INSTITUTION_VERIFIED, _("Your institution was confirmed"), "off"),
        (INSTITUTION_REJECTED, _("Your institution was refused"), "off"),
    ):
        register_kind(NotificationKind(key=key, label=label, default=default))


def claim_filed(sender: Any, claim: Any, **kwargs: Any) -> None:
    notify_officers(CLAIM_FILED, claim, {"claim": claim}, link=reverse("accounts:claims"))


def claim_decided(sender: Any, claim: Any, officer: Any, **kwargs: Any) -> None:
    confirmed = claim.status == claim.Status.CONFIRMED
    link = reverse("registry:company_detail", args=[claim.company_id]) if confirmed else ""
    kind = CLAIM_CONFIRMED if confirmed else CLAIM_REJECTED
    notify(claim.user, kind, claim, {"claim": claim}, link=link or reverse("home"))


def institution_filed(sender: Any, organisation: Any, **kwargs: Any) -> None:
    notify_officers(
        INSTITUTION_FILED,
        organisation,
        {"organisation": organisation},
        link=reverse("accounts:institutions"),
    )


def institution_decided(sender: Any, organisation: Any, officer: Any, **kwargs: Any) -> None:
    verified = organisation.verification == organisation.Verification.VERIFIED
    notify_users(
        organisation.members.filter(is_active=True),
        INSTITUTION_VERIFIED if verified else INSTITUTION_REJECTED,
        organisation,
        {"organisation": organisation},
        link=reverse("home"),
        exclude=[officer],
    )


def connect() -> None:
    register_kinds()
    signals.claim_filed.connect(claim_filed, dispatch_uid="web.claim_filed")
    signals.claim_decided.connect(claim_decided, dispatch_uid="web.claim_decided")
    signals.institution_filed.connect(institution_filed, dispatch_uid="web.institution_filed")
    signals.institution_decided.connect(institution_decided, dispatch_uid="web.institution_decided")
