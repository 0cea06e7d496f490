"""Teammates invited by e-mail by a member of a company (or an institution).

An invitation lives `INVITATION_LIFETIME`; an organisation has at most `MAX_PENDING` open at
once (invitations are e-mails sent in our name). The link is used once: accepting it is a
conditional UPDATE on `accepted_at IS NULL`, so a second use is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.accounts.domain import tokens
from jembatan.accounts.domain.signup import NewPerson, create_account, email_taken
from jembatan.accounts.models import Invitation, Organisation, Role, User
from jembatan.core.domain.audit import log_action

INVITATION_LIFETIME = dt.timedelta(days=14)
MAX_PENDING = 20

ROLE_FOR_KIND = {
    Organisation.Kind.COMPANY: Role.COMPANY_MEMBER,
    Organisation.Kind.INSTITUTION: Role.INSTITUTION_MEMBER,
}


class InvitationError(Exception):
    """Refused; `field` names the form field the message belongs to (or None)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def inviting_organisation(user: Any) -> Organisation | None:
    """The organisation `user` may invite teammates to, or None."""
    if not user.is_authenticated or not user.is_active or user.organisation_id is None:
        return None
    organisation: Organisation = user.organisation
    if ROLE_FOR_KIND.get(organisation.kind) != user.role:  # type: ignore[call-overload]
        return None
    if organisation.verification != Organisation.Verification.VERIFIED:
        return None  # an institution an officer has not confirmed (or refused) invites nobody
    return organisation


def pending_invitations(organisation: Organisation, now: dt.datetime) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        organisation=organisation, accepted_at=None, revoked_at=None, expires_at__gt=now
    ).select_related("invited_by")


def invite(actor: Any, email: str, language: str, now: dt.datetime | None = None) -> Invitation:
    now = now or timezone.now()
    organisation = inviting_organisation(actor)
    if organisation is None:
        raise PermissionDenied(_("Only members of a company or an institution can invite."))
    email = email.strip().lower()
    with transaction.atomic():
        # One invitation at a time per organisation: the limit holds under concurrent clicks.
        Organisation.objects.select_for_update().get(pk=organisation.pk)
        pending = pending_invitations(organisation, now)
        if pending.filter(email__iexact=email).exists():
            raise InvitationError(_("This address has already been invited."), "email")
        if email_taken(email):
            raise InvitationError(
                _("An account with this address already exists; it cannot be invited."), "email"
            )
        if pending.count() >= MAX_PENDING:
            raise InvitationError(
                _(
                    "%(count)d invitations are already waiting for an answer; revoke one or "
                    "wait until they are accepted or expire."
                )
                % {"count": MAX_PENDING}
            )
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            language=language,
            invited_by=actor,
            created_at=now,
            expires_at=now + INVITATION_LIFETIME,
        )
        log_action("jembatan.invitation.sent", invitation, actor, data={"email": email})
    return invitation


def revoke(actor: Any, invitation: Invitation, now: dt.datetime | None = None) -> None:
    if inviting_organisation(actor) != invitation.organisation:
        raise PermissionDenied
    done = Invitation.objects.filter(pk=invitation.pk, accepted_at=None, revoked_at=None).update(
        revoked_at=now or timezone.now()
    )
    if done:
        log_action("jembatan.invitation.revoked", invitation, actor)


def invitation_for_token(token: str, now: dt.datetime | None = None) -> Invitation:
    """The open invitation of `token`, or InvitationError saying why it cannot be used."""
    now = now or timezone.now()
    try:
        payload = tokens.read(token, tokens.INVITATION_SALT, None)
    except tokens.BadTokenError as error:
        raise InvitationError(_("This invitation link is not valid.")) from error
    invitation = (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(pk=tokens.id_in(payload, "i"))
        .first()
    )
    if invitation is None or invitation.revoked_at is not None:
        raise InvitationError(_("This invitation has been withdrawn."))
    if invitation.accepted_at is not None:
        raise InvitationError(_("This invitation has already been used. Sign in instead."))
    if invitation.expires_at <= now:
        raise InvitationError(
            _("This invitation has expired. Ask your colleague to send a new one.")
        )
    return invitation


def accept(token: str, person: NewPerson, now: dt.datetime | None = None) -> User:
    """Create the invitee's account as a member of the inviting organisation.

    The address is the invited one (the link reached it), so it is confirmed already."""
    now = now or timezone.now()
    with transaction.atomic():
        invitation = invitation_for_token(token, now)
        if email_taken(invitation.email):
            raise InvitationError(_("An account with this address already exists. Sign in."))
        organisation = invitation.organisation
        role = ROLE_FOR_KIND[organisation.kind]  # type: ignore[index]
        user = create_account(
            NewPerson(
                first_name=person.first_name,
                last_name=person.last_name,
                email=invitation.email,
                password=person.password,
                language=person.language,
            ),
            role,
            organisation,
        )
        user.email_confirmed = True
        user.save(update_fields=["email_confirmed"])
        done = Invitation.objects.filter(pk=invitation.pk, accepted_at=None).update(
            accepted_at=now, accepted_user=user
        )
        if not done:
            raise InvitationError(_("This invitation has already been used. Sign in instead."))
        log_action("jembatan.invitation.accepted", invitation, user)
    return user
