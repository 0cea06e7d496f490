"""Signed links for account e-mails (django.core.signing; no third-party service).

Each link carries a signed, timestamped payload with its own salt, so a token made for one
purpose is refused for another. A payload names the state it was made for (the address to
confirm, the address to leave), so a link used once no longer matches and is refused.
Password reset uses Django's own PasswordResetTokenGenerator instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core import signing

CONFIRM_SALT = "jembatan.accounts.confirm-email"
EMAIL_CHANGE_SALT = "jembatan.accounts.change-email"
INVITATION_SALT = "jembatan.accounts.invitation"
RESEND_SALT = "jembatan.accounts.resend-confirmation"

CONFIRM_MAX_AGE = dt.timedelta(days=3)
EMAIL_CHANGE_MAX_AGE = dt.timedelta(days=3)
# The resend button on the sign-in page: only just after the password was checked.
RESEND_MAX_AGE = dt.timedelta(hours=1)


class BadTokenError(Exception):
    """The link is malformed, tampered with or too old."""


def make(payload: dict[str, Any], salt: str) -> str:
    return signing.dumps(payload, salt=salt, compress=True)


def read(token: str, salt: str, max_age: dt.timedelta | None) -> dict[str, Any]:
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise BadTokenError(str(error)) from error
    if not isinstance(payload, dict):
        raise BadTokenError("payload")
    return payload


def confirmation_token(user: Any) -> str:
    return make({"u": user.pk, "e": user.email.lower()}, CONFIRM_SALT)


def email_change_token(user: Any, new_email: str) -> str:
    return make(
        {"u": user.pk, "old": user.email.lower(), "new": new_email.lower()}, EMAIL_CHANGE_SALT
    )


def invitation_token(invitation: Any) -> str:
    return make({"i": invitation.pk}, INVITATION_SALT)


def resend_token(user: Any) -> str:
    return make({"u": user.pk}, RESEND_SALT)


def id_in(payload: dict[str, Any], key: str) -> int:
    """The row id a payload names (0, which no row has, when it names none)."""
    value = payload.get(key)
    return value if isinstance(value, int) else 0
