"""Notices for applications, certificates and follow-ups (jembatan.notifications).

A participant with an account is told directly; the members of the participant's
institution are always told (students often have no account, and minors' schools act for
them); the host's members are told of new applications. Each in the recipient's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jembatan.notifications.domain.kinds import NotificationKind, register_kind
from jembatan.notifications.domain.notify import notify_users
from jembatan.vocational.models import Application

KINDS: dict[str, Any] = {
    "vocational.application_received": _("A new application to a programme you host"),
    "vocational.application_status": _("An application changed status"),
    "vocational.certificate_issued": _("A certificate was issued"),
    "vocational.follow_up_asked": _("A follow-up question about a programme"),
}


def register_kinds() -> None:
    for key, label in KINDS.items():
        register_kind(NotificationKind(key=key, label=label, default="immediate"))


def institution_members(institution_id: int | None) -> QuerySet[Any]:
    users = get_user_model().objects.filter(role="institution_member", is_active=True)
    if institution_id is None:
        return users.none()
    return users.filter(organisation__institution__pk=institution_id).order_by("pk")


def application_link(application: Application) -> str:
    return reverse("vocational:application_detail", args=[application.pk])


def participant_side(application: Application) -> list[Any]:
    people: list[Any] = list(institution_members(application.person.institution_id))
    user = application.person.user
    if user is not None and user.is_active and all(user.pk != p.pk for p in people):
        people.append(user)
    return people


def tell(users: Iterable[Any], kind: str, application: Application, actor: Any = None) -> None:
    context = {
        "programme": application.programme.title,
        "person": application.person.full_name,
        "status": application.status,
        "application": application,
    }
    exclude = [actor] if actor is not None and getattr(actor, "pk", None) else []
    notify_users(
        users, kind, application, context, link=application_link(application), exclude=exclude
    )


def tell_participant_side(application: Application, kind: str, actor: Any = None) -> None:
    tell(participant_side(application), kind, application, actor)


def tell_host(application: Application, kind: str, actor: Any = None) -> None:
    tell(institution_members(application.programme.host_id), kind, application, actor)
