"""The weekly notice of new matches, for users who asked for it (opt-in).

Each subscriber of a company gets the recommendations for the company's published profiles
that were published since the last digest, as a notification of kind
"matching.weekly_matches" rendered in the subscriber's language, each profile shown through
public_view (an anonymous poster stays hidden in the e-mail as on the site). The opt-in is
the user's notification preference for that kind (off by default; an e-mail immediately or
in the daily digest); the notification facility sends the e-mail.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from jembatan.matching.domain.notices import WEEKLY_MATCHES
from jembatan.matching.domain.recommend import Recommendation, recommend_profiles_for_company
from jembatan.matching.models import DigestSubscription
from jembatan.notifications.domain.notify import notify
from jembatan.notifications.domain.preferences import channel_for, set_channel
from jembatan.notifications.models import NotificationPreference
from jembatan.registry.models import Company

FIRST_DIGEST_LOOKBACK = dt.timedelta(days=7)
DIGEST_SIZE = 10


def set_subscription(user: Any, active: bool) -> DigestSubscription:
    """Opt in (an e-mail as soon as the digest is made) or out; the old subscription row
    keeps when the last digest was made and mirrors the choice for the admin."""
    set_channel(user, WEEKLY_MATCHES, "immediate" if active else "off")
    subscription, _created = DigestSubscription.objects.update_or_create(
        user=user, defaults={"is_active": active}
    )
    return subscription


def is_subscribed(user: Any) -> bool:
    return channel_for(user, WEEKLY_MATCHES) != "off"


def new_matches(
    user: Any, company: Company, since: dt.datetime, now: dt.datetime
) -> list[Recommendation]:
    recommendations = recommend_profiles_for_company(company, user, limit=50, now=now)
    fresh = [
        r
        for r in recommendations
        if r.profile is not None and r.profile.published_at and r.profile.published_at > since
    ]
    return fresh[:DIGEST_SIZE]


def send_digest(user: Any, now: dt.datetime) -> bool:
    """Notify one subscriber of their new matches, if any; returns whether they were told."""
    company_id = user.company_id_or_none
    if company_id is None:
        return False
    company = Company.objects.get(pk=company_id)
    subscription, _created = DigestSubscription.objects.get_or_create(user=user)
    since = subscription.last_sent_at or now - FIRST_DIGEST_LOOKBACK
    matches = new_matches(user, company, since, now)
    told = bool(matches) and (
        notify(
            user,
            WEEKLY_MATCHES,
            company,
            {"matches": matches, "since": since, "company": company},
            link=reverse("matching:company", args=[company.pk]),
            now=now,
        )
        is not None
    )
    subscription.last_sent_at = now
    subscription.save(update_fields=["last_sent_at"])
    return told


def subscribers() -> Any:
    opted_in = NotificationPreference.objects.filter(kind=WEEKLY_MATCHES).exclude(channel="off")
    return (
        get_user_model()
        .objects.filter(pk__in=opted_in.values("user_id"), is_active=True, role="company_member")
        .select_related("organisation")
        .order_by("pk")
    )


def send_weekly_digests(now: dt.datetime | None = None) -> int:
    """Notify every subscriber of their new matches; returns how many were told (their
    e-mails leave through the notification delivery, after commit)."""
    now = now or timezone.now()
    return sum(send_digest(user, now) for user in subscribers())
