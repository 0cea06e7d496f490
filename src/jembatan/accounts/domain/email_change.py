"""Changing one's e-mail address: a link to the new address confirms it; the old address is
told (accounts/domain/mail.py). Nothing changes until the link is followed."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from jembatan.accounts.domain import tokens
from jembatan.accounts.domain.signup import email_taken
from jembatan.accounts.models import User
from jembatan.core.domain.audit import log_action


class EmailChangeError(Exception):
    pass


def check_new_email(user: User, new_email: str) -> str:
    """The new address, normalised, or EmailChangeError (the same or another account's)."""
    email = new_email.strip().lower()
    if email == user.email.lower():
        raise EmailChangeError(_("This is already your address."))
    if email_taken(email, exclude_user_id=user.pk):
        raise EmailChangeError(_("Another account already uses this address."))
    return email


def apply_email_change(token: str) -> User:
    try:
        payload = tokens.read(token, tokens.EMAIL_CHANGE_SALT, tokens.EMAIL_CHANGE_MAX_AGE)
    except tokens.BadTokenError as error:
        raise EmailChangeError(_("This link is invalid or has expired.")) from error
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=tokens.id_in(payload, "u")).first()
        if user is None or user.email.lower() != payload.get("old"):
            raise EmailChangeError(_("This link has already been used or is no longer valid."))
        new = str(payload.get("new", ""))
        if email_taken(new, exclude_user_id=user.pk):
            raise EmailChangeError(_("Another account already uses this address."))
        old = user.email
        fields = ["email", "email_confirmed"]
        if user.username.lower() == old.lower():
            user.username = new  # accounts that sign in with their address keep doing so
            fields.append("username")
        user.email = new
        user.email_confirmed = True
        user.save(update_fields=fields)
        log_action("jembatan.account.email_changed", user, user)
    return user
