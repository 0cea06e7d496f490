"""Thin task wrappers for account e-mails: they take ids and call accounts/domain/mail.py.

`after_commit` queues one when the transaction commits: on a Celery worker when a broker is
configured, inline (after the commit, never in the middle of it) when none is.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.db import transaction

from jembatan.accounts.domain import mail
from jembatan.accounts.models import CompanyClaim, Invitation, Organisation, User


def after_commit(task: Any, *args: Any) -> None:
    transaction.on_commit(lambda: task.delay(*args))


@shared_task
def task_send_confirmation(user_id: int) -> bool:
    user = User.objects.filter(pk=user_id).first()
    return user is not None and mail.send_confirmation(user)


@shared_task
def task_send_password_reset(user_id: int) -> bool:
    user = User.objects.filter(pk=user_id).first()
    return user is not None and mail.send_password_reset(user)


@shared_task
def task_send_email_change(user_id: int, new_email: str) -> bool:
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return False
    mail.send_email_change(user, new_email)
    return True


@shared_task
def task_send_invitation(invitation_id: int) -> bool:
    invitation = (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(pk=invitation_id)
        .first()
    )
    return invitation is not None and mail.send_invitation(invitation)


@shared_task
def task_send_claim_decision(claim_id: int) -> bool:
    claim = CompanyClaim.objects.select_related("user", "company").filter(pk=claim_id).first()
    if claim is None:
        return False
    mail.send_claim_decision(claim)
    return True


@shared_task
def task_send_institution_decision(organisation_id: int) -> bool:
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        return False
    mail.send_institution_decision(organisation)
    return True
