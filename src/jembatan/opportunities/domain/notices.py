"""Partnership profiles' notification kinds, told to every member of the posting company
(less the one who acted): validated, returned, published, expiring in 14 days, expired."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jembatan.notifications.domain.inbox import already_notified
from jembatan.notifications.domain.kinds import NotificationKind, register_kind
from jembatan.notifications.domain.notify import notify_company
from jembatan.opportunities.models import PartnershipProfile, Status

PROFILE_VALIDATED = "opportunities.profile_validated"
PROFILE_RETURNED = "opportunities.profile_returned"
PROFILE_PUBLISHED = "opportunities.profile_published"
PROFILE_EXPIRING = "opportunities.profile_expiring"
PROFILE_EXPIRED = "opportunities.profile_expired"
EXPIRY_WARNING = dt.timedelta(days=14)


def register_kinds() -> None:
    for key, label, description in (
        (
            PROFILE_VALIDATED,
            _("Profile validated"),
            _("An officer validated a partnership profile of your company."),
        ),
        (
            PROFILE_RETURNED,
            _("Profile returned"),
            _("An officer returned a partnership profile with a reason to correct."),
        ),
        (
            PROFILE_PUBLISHED,
            _("Profile published"),
            _("A partnership profile of your company is now published."),
        ),
        (
            PROFILE_EXPIRING,
            _("Profile expiring soon"),
            _("A published profile expires in 14 days unless it is extended."),
        ),
        (
            PROFILE_EXPIRED,
            _("Profile expired"),
            _("A published profile reached the end of its publication period."),
        ),
    ):
        register_kind(NotificationKind(key=key, label=label, description=description))


def tell_company(
    profile: PartnershipProfile, kind: str, actor: Any = None, now: dt.datetime | None = None
) -> None:
    notify_company(
        profile.company,
        kind,
        profile,
        {"profile": profile},
        link=reverse("opportunities:detail", args=[profile.pk]),
        now=now,
        exclude=[actor] if actor is not None else [],
    )


def warn_expiring(now: dt.datetime) -> int:
    """Tell each company, once per publication period, that a profile expires within 14 days
    (a daily check: safe to rerun); returns how many profiles were announced."""
    soon = PartnershipProfile.objects.filter(
        status=Status.PUBLISHED, expires_at__gt=now, expires_at__lte=now + EXPIRY_WARNING
    ).select_related("company")
    told = 0
    for profile in soon:
        assert profile.expires_at is not None  # a published profile always has one
        # Since the start of this profile's warning window: an extension moves the window.
        if already_notified(PROFILE_EXPIRING, profile, since=profile.expires_at - EXPIRY_WARNING):
            continue
        tell_company(profile, PROFILE_EXPIRING, now=now)
        told += 1
    return told
