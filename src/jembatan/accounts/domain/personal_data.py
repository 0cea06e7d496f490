"""What accounts holds about a company: its users (never password hashes or tokens)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from knox.models import AuthToken

from jembatan.accounts.models import Organisation, SecurityEvent, User
from jembatan.core.domain.personal_data import (
    PersonalDataProvider,
    erased_label,
    iso,
    register_provider,
    scrub_audit,
)
from jembatan.core.models import AuditLogEntry


def company_users(company: Any) -> QuerySet[User]:
    return User.objects.filter(organisation__company=company).order_by("pk")


def export(company: Any) -> dict[str, Any]:
    return {
        "users": [
            {
                "username": user.username,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "email": user.email,
                "language": user.language,
                "role": user.role,
                "is_active": user.is_active,
                "date_joined": iso(user.date_joined),
                "last_login": iso(user.last_login),
            }
            for user in company_users(company)
        ]
    }


def erase(company: Any, now: dt.datetime) -> None:
    """Deactivate the company's users and blank their personal fields; the rows stay so that
    what they did (audit entries, profiles they created) still counts, by nobody nameable."""
    users = list(company_users(company))
    usernames = [u.username for u in users]
    for user in users:
        user.username = f"erased-user-{user.pk}"
        user.first_name = user.last_name = user.email = ""
        user.is_active = False
        if user.has_usable_password():
            user.set_unusable_password()
        user.save(
            update_fields=["username", "first_name", "last_name", "email", "is_active", "password"]
        )
    ids = [u.pk for u in users]
    AuthToken.objects.filter(user_id__in=ids).delete()
    SecurityEvent.objects.filter(Q(user_id__in=ids) | Q(username__in=usernames)).delete()
    # Sign them out everywhere: a session stores the user id in its encoded data.
    for session in Session.objects.filter(expire_date__gt=now).iterator():
        if str(session.get_decoded().get("_auth_user_id")) in {str(pk) for pk in ids}:
            session.delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__in=usernames).delete()
    scrub_audit(User, ids)
    AuditLogEntry.objects.filter(actor_id__in=ids).exclude(data={"erased": True}).update(
        data={"erased": True}
    )
    Organisation.objects.filter(company=company).update(name=erased_label(company.pk))


def register() -> None:
    register_provider(
        PersonalDataProvider(key="accounts", export=export, erase=erase, label=_("Users"))
    )
