"""Confirming a self-signed-up account's e-mail address, and sending the link again."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.accounts.domain import tokens
from jembatan.accounts.models import User
from jembatan.core.domain.audit import log_action

# At most one new link per account in this time: the button cannot flood a mailbox.
RESEND_INTERVAL = dt.timedelta(minutes=5)


class ConfirmationError(Exception):
    """The link cannot confirm anything; the message says why, in the user's language."""


def user_for_confirmation(token: str) -> User:
    """The account `token` confirms, or ConfirmationError (bad, expired or used link)."""
    try:
        payload = tokens.read(token, tokens.CONFIRM_SALT, tokens.CONFIRM_MAX_AGE)
    except tokens.BadTokenError as error:
        raise ConfirmationError(
            _("This confirmation link is invalid or has expired. Sign in to get a new one.")
        ) from error
    user = User.objects.filter(pk=tokens.id_in(payload, "u")).first()
    if user is None or user.email.lower() != payload.get("e"):
        raise ConfirmationError(_("This confirmation link is no longer valid."))
    if user.email_confirmed:
        raise ConfirmationError(
            _("This link has already been used: your address is confirmed. Sign in.")
        )
    return user


def confirm_email(token: str) -> User:
    """Mark the address in `token` confirmed; the account may then sign in. Single use."""
    with transaction.atomic():
        user = user_for_confirmation(token)
        claimed = User.objects.filter(pk=user.pk, email_confirmed=False).update(
            email_confirmed=True
        )
        if not claimed:
            raise ConfirmationError(
                _("This link has already been used: your address is confirmed. Sign in.")
            )
        user.email_confirmed = True
        log_action("jembatan.account.email_confirmed", user, user)
    return user


def user_for_resend(token: str) -> User | None:
    """The unconfirmed account the sign-in page's resend button names, or None."""
    try:
        payload = tokens.read(token, tokens.RESEND_SALT, tokens.RESEND_MAX_AGE)
    except tokens.BadTokenError:
        return None
    return User.objects.filter(pk=tokens.id_in(payload, "u"), email_confirmed=False).first()


def claim_resend(user: User, now: dt.datetime | None = None) -> bool:
    """Whether a new link may go out now; if so, records it (a conditional UPDATE, so two
    clicks at the same moment send one e-mail)."""
    now = now or timezone.now()
    recent = Q(confirmation_sent_at__gt=now - RESEND_INTERVAL)
    claimed = (
        User.objects.filter(pk=user.pk, email_confirmed=False)
        .exclude(recent)
        .update(confirmation_sent_at=now)
    )
    return bool(claimed)
