"""The weekly e-mail of new matches, for users who asked for it (opt-in).

Each subscriber of a company gets the recommendations for the company's published profiles
that were published since the last digest, in the subscriber's language, each shown through
public_view (an anonymous poster stays hidden in the e-mail as on the site).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jembatan.matching.domain.recommend import Recommendation, recommend_profiles_for_company
from jembatan.matching.models import DigestSubscription
from jembatan.registry.models import Company

FIRST_DIGEST_LOOKBACK = dt.timedelta(days=7)
DIGEST_SIZE = 10


def set_subscription(user: Any, active: bool) -> DigestSubscription:
    subscription, _created = DigestSubscription.objects.update_or_create(
        user=user, defaults={"is_active": active}
    )
    return subscription


def is_subscribed(user: Any) -> bool:
    return DigestSubscription.objects.filter(user=user, is_active=True).exists()


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


def send_digest(subscription: DigestSubscription, now: dt.datetime) -> bool:
    """Send one subscriber's digest if there is anything new; returns whether it was sent."""
    user = subscription.user
    company_id = user.company_id_or_none
    if company_id is None or not user.email:
        return False
    company = Company.objects.get(pk=company_id)
    since = subscription.last_sent_at or now - FIRST_DIGEST_LOOKBACK
    with translation.override(user.language or settings.LANGUAGE_CODE):
        matches = new_matches(user, company, since, now)
        if matches:
            context = {"user": user, "matches": matches, "since": since}
            subject = _("Jembatan: %(count)d new partner matches") % {"count": len(matches)}
            body = render_to_string("matching/email/digest.txt", context)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    subscription.last_sent_at = now
    subscription.save(update_fields=["last_sent_at"])
    return bool(matches)


def send_weekly_digests(now: dt.datetime | None = None) -> int:
    """Send every active subscriber's digest; returns how many e-mails went out."""
    now = now or timezone.now()
    subscriptions = DigestSubscription.objects.filter(is_active=True).select_related(
        "user__organisation"
    )
    return sum(send_digest(subscription, now) for subscription in subscriptions)
