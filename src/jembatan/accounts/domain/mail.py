"""Account e-mails (confirmation, password reset, invitation, e-mail change, claim decision).

These are not optional notifications: they go straight through Django's mail backend, from a
task (accounts/tasks.py) run after the transaction commits, in the recipient's language.
Templates: accounts/email/<name>.txt, the first line the subject, a blank line, the body.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from jembatan.accounts.domain import tokens
from jembatan.accounts.models import CompanyClaim, Invitation, Organisation, User
from jembatan.core.domain.links import absolute_url


def send_account_email(template: str, to: str, language: str, context: dict[str, Any]) -> None:
    """Render accounts/email/<template>.txt in `language` and send it to `to`."""
    with translation.override(language or settings.LANGUAGE_CODE):
        text = render_to_string(f"accounts/email/{template}.txt", context).lstrip()
    subject, _blank, body = text.partition("\n\n")
    send_mail(subject.strip(), body.strip() + "\n", settings.DEFAULT_FROM_EMAIL, [to])


def send_confirmation(user: User, now: dt.datetime | None = None) -> bool:
    """The link that confirms a new account's address; False if nothing is left to confirm."""
    if user.email_confirmed or not user.email:
        return False
    path = reverse("accounts:confirm_email", args=[tokens.confirmation_token(user)])
    context = {"user": user, "link": absolute_url(path), "days": tokens.CONFIRM_MAX_AGE.days}
    send_account_email("confirm_email", user.email, user.language, context)
    User.objects.filter(pk=user.pk).update(confirmation_sent_at=now or timezone.now())
    return True


def send_password_reset(user: User) -> bool:
    if not user.is_active or not user.has_usable_password() or not user.email:
        return False
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse(
        "accounts:password_reset_confirm", args=[uid, default_token_generator.make_token(user)]
    )
    context = {"user": user, "link": absolute_url(path)}
    send_account_email("password_reset", user.email, user.language, context)
    return True


def send_email_change(user: User, new_email: str) -> None:
    """The confirmation link to the new address; a notice (no link) to the old one."""
    path = reverse(
        "accounts:confirm_email_change", args=[tokens.email_change_token(user, new_email)]
    )
    context = {
        "user": user,
        "link": absolute_url(path),
        "new_email": new_email,
        "days": tokens.EMAIL_CHANGE_MAX_AGE.days,
    }
    send_account_email("email_change", new_email, user.language, context)
    if user.email:
        send_account_email("email_change_notice", user.email, user.language, context)


def send_invitation(invitation: Invitation) -> bool:
    if invitation.accepted_at or invitation.revoked_at:
        return False
    path = reverse("accounts:accept_invitation", args=[tokens.invitation_token(invitation)])
    inviter = invitation.invited_by
    context = {
        "invitation": invitation,
        "organisation": invitation.organisation,
        "inviter": inviter.get_full_name() or inviter.username if inviter else "",
        "link": absolute_url(path),
    }
    send_account_email("invitation", invitation.email, invitation.language, context)
    return True


def send_claim_decision(claim: CompanyClaim) -> None:
    context = {"claim": claim, "link": absolute_url(reverse("home"))}
    send_account_email("claim_decision", claim.user.email, claim.user.language, context)


def send_institution_decision(organisation: Organisation) -> None:
    context = {"organisation": organisation, "link": absolute_url(reverse("home"))}
    for member in organisation.members.filter(is_active=True).exclude(email=""):
        context["user"] = member
        send_account_email("institution_decision", member.email, member.language, context)
