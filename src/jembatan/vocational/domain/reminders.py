"""Reminders 90 and 30 days before an MoU expires, to its parties and the officers.

Run daily (Celery beat `vocational-mou-reminders`, or `jembatan vocational remind` from
cron). Idempotent: a MouReminder row per MoU, lead time and end date is taken before anyone
is told, so a second run the same day (or a retried task) sends nothing twice; an MoU whose
end date moves (extended) is reminded again for the new date. A run that missed days still
sends the reminder whose date has passed, as long as the MoU has not expired; when both are
due (a 90-day reminder missed until 30 days before), only the nearer one goes out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from jembatan.vocational.models import Mou, MouReminder

LEAD_DAYS: tuple[int, ...] = (90, 30)
KIND = "vocational.mou_expiring"


def due_reminders(today: dt.date) -> list[tuple[Mou, int]]:
    """(MoU, lead days) for each reminder due on `today` and not yet sent."""
    latest = today + dt.timedelta(days=max(LEAD_DAYS))
    rows = (
        Mou.objects.filter(
            signed_on__isnull=False,
            ends_on__isnull=False,
            ends_on__gte=today,
            ends_on__lte=latest,
        )
        .exclude(terminated_on__isnull=False, terminated_on__lte=today)
        .order_by("ends_on", "pk")
    )
    sent = set(
        MouReminder.objects.filter(mou__in=rows).values_list("mou_id", "days_before", "ends_on")
    )
    due: list[tuple[Mou, int]] = []
    for mou in rows:
        assert mou.ends_on is not None
        left = (mou.ends_on - today).days
        reached = [days for days in LEAD_DAYS if left <= days]
        if not reached:
            continue
        nearest = min(reached)
        if any((mou.pk, days, mou.ends_on) in sent for days in LEAD_DAYS if days <= nearest):
            continue
        due.append((mou, nearest))
    return due


def party_members(mou: Mou) -> QuerySet[Any]:
    """Active members of the party institutions and companies."""
    from django.db.models import Q

    institutions = [p.institution.organisation_id for p in mou.parties.all() if p.institution]
    companies = [p.company_id for p in mou.parties.all() if p.company_id]
    return (
        get_user_model()
        .objects.filter(
            Q(organisation_id__in=institutions, role="institution_member")
            | Q(organisation__company_id__in=companies, role="company_member"),
            is_active=True,
        )
        .order_by("pk")
    )


def send_expiry_reminders(now: dt.datetime | None = None) -> int:
    """The daily task: returns how many reminders (MoU and lead time) were sent."""
    from jembatan.notifications.domain.notify import notify_users, officers

    now = now or timezone.now()
    today = timezone.localdate(now)
    count = 0
    for mou, days in due_reminders(today):
        assert mou.ends_on is not None
        try:
            with transaction.atomic():
                MouReminder.objects.create(
                    mou=mou, days_before=days, ends_on=mou.ends_on, sent_at=now
                )
                context = {
                    "mou": mou,
                    "days": (mou.ends_on - today).days,
                    "ends_on": mou.ends_on,
                    "automatic": mou.renewal == "automatic",
                }
                link = reverse("vocational:mou_detail", args=[mou.pk])
                recipients = {user.pk: user for user in party_members(mou)}
                recipients.update({user.pk: user for user in officers()})
                notify_users(recipients.values(), KIND, mou, context, link=link, now=now)
        except IntegrityError:
            continue  # another run took this reminder a moment ago
        count += 1
    return count
