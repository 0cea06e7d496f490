"""What notifications hold about a company: the notices and e-mail choices of its users, and
the names of its people and of the company itself inside other users' notices."""

from __future__ import annotations

import datetime as dt
import re
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.personal_data import (
    PersonalDataProvider,
    erased_label,
    iso,
    register_provider,
)
from jembatan.notifications.models import Notification, NotificationPreference

# Shorter strings would match ordinary words in other notices' text.
MIN_NEEDLE = 3


def export(company: Any) -> dict[str, Any]:
    notices = Notification.objects.filter(recipient__organisation__company=company)
    preferences = NotificationPreference.objects.filter(user__organisation__company=company)
    return {
        "notifications": [
            {
                "user": n.recipient.username,
                "kind": n.kind,
                "title": n.title,
                "body": n.body,
                "created_at": iso(n.created_at),
                "read_at": iso(n.read_at),
                "email_state": n.email_state,
            }
            for n in notices.select_related("recipient").order_by("pk")
        ],
        "preferences": [
            {"user": p.user.username, "kind": p.kind, "channel": p.channel}
            for p in preferences.select_related("user").order_by("pk")
        ],
    }


def personal_strings(company: Any) -> list[str]:
    """The company's names and its people's names, e-mails and phones, longest first."""
    values = [
        getattr(company, field, "")
        for field in ("name", "name_alt", "name_kana", "reading_latin", "reading_kana")
    ]
    for user in company.organisation.members.all() if hasattr(company, "organisation") else []:
        values += [user.get_full_name(), user.first_name, user.last_name, user.email]
    for contact in company.contacts.all():
        values += [contact.name, contact.email, contact.phone]
    needles = {value.strip() for value in values if value and len(value.strip()) >= MIN_NEEDLE}
    return sorted(needles, key=len, reverse=True)


def erase(company: Any, now: dt.datetime) -> None:
    """Delete the users' own notices and choices; in other users' notices replace every name
    of the company and its people by the erased label (the notice itself stays)."""
    Notification.objects.filter(recipient__organisation__company=company).delete()
    NotificationPreference.objects.filter(user__organisation__company=company).delete()
    needles = personal_strings(company)
    if not needles:
        return
    label = erased_label(company.pk)
    match = reduce(or_, (Q(title__icontains=n) | Q(body__icontains=n) for n in needles))
    for notice in Notification.objects.filter(match).only("pk", "title", "body"):
        title, body = notice.title, notice.body
        for needle in needles:
            pattern = re.compile(re.escape(needle), re.IGNORECASE)
            title, body = pattern.sub(label, title), pattern.sub(label, body)
        Notification.objects.filter(pk=notice.pk).update(title=title[:255], body=body)


def register() -> None:
    register_provider(
        PersonalDataProvider(
            key="notifications",
            export=export,
            erase=erase,
            label=_("Notifications"),
            order=0,  # before accounts and registry blank the names it looks for
        )
    )
