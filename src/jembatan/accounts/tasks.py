"""Thin task wrappers for account e-mails: they take ids and call accounts/domain/mail.py.

`after_commit` queues one when the transaction commits: on a Celery worker when a broker is
configured, inline (after the commit, never in the middle of it) when none is. A mail server
that is down is retried (with a broker: with backoff); if it stays down the failure is logged
and the page still answers: the account exists, and the person can ask for the link again.
"""

from __future__ import annotations

import smtplib
from typing import Any

from celery import shared_task
from django.db import transaction

from jembatan.accounts.domain import api_tokens, mail, security_log
from jembatan.accounts.models import CompanyClaim, Invitation, Organisation, User

MAIL_ERRORS = (OSError, smtplib.SMTPException)
account_mail = shared_task(autoretry_for=MAIL_ERRORS, retry_backoff=True, max_retries=5)


def after_commit(task: Any, *args: Any) -> None:
    # robust: a failure is logged by Django, not raised into the response after the commit.
    transaction.on_commit(lambda: task.delay(*args), robust=True)


@account_mail
def task_send_confirmation(user_id: int) -> bool:
    user = User.objects.filter(pk=user_id).first()
    return user is not None and mail.send_confirmation(user)


@account_mail
def task_send_password_reset(user_id: int) -> bool:
    user = User.objects.filter(pk=user_id).first()
    return user is not None and mail.send_password_reset(user)


@account_mail
def task_send_email_change(user_id: int, new_email: str) -> bool:
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return False
    mail.send_email_change(user, new_email)
    return True


@account_mail
def task_send_invitation(invitation_id: int) -> bool:
    invitation = (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(pk=invitation_id)
        .first()
    )
    return invitation is not None and mail.send_invitation(invitation)


@account_mail
def task_send_claim_decision(claim_id: int) -> bool:
    claim = CompanyClaim.objects.select_related("user", "company").filter(pk=claim_id).first()
    if claim is None:
        return False
    mail.send_claim_decision(claim)
    return True


@account_mail
def task_send_institution_decision(organisation_id: int) -> bool:
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        return False
    mail.send_institution_decision(organisation)
    return True


@shared_task
def task_prune_security_log() -> int:
    """The security log's old entries, and expired API tokens."""
    api_tokens.prune_expired()
    return security_log.prune()
