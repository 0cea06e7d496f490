"""Which profiles a user may see, and how to load them for display in few queries.

"Published" always means *effectively* published: status published and not past the expiry
date. The daily task that flips such profiles to expired may not have run (no broker, cron
missed a day), so no page, API response, search, recommendation, digest or count may trust
the status column alone: they all go through `published_condition`/`published_profiles`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from jembatan.opportunities.models import PartnershipProfile, Status
from jembatan.registry.models import Country

TARGET_COUNTRIES = tuple(Country.values)


def published_condition(now: dt.datetime | None = None) -> Q:
    """Published and still within its publication period at `now` (default: the present)."""
    return Q(status=Status.PUBLISHED, expires_at__gt=now or timezone.now())


def expired_condition(now: dt.datetime | None = None) -> Q:
    """Expired, or published but past its expiry date (the expiry task has not run yet)."""
    return Q(status=Status.EXPIRED) | Q(
        status=Status.PUBLISHED, expires_at__lte=now or timezone.now()
    )


def published_profiles(
    profiles: QuerySet[PartnershipProfile] | None = None, now: dt.datetime | None = None
) -> QuerySet[PartnershipProfile]:
    """The effectively published ones among `profiles` (default: all profiles)."""
    base = PartnershipProfile.objects.all() if profiles is None else profiles
    return base.filter(published_condition(now))


def with_effective_status(
    profiles: QuerySet[PartnershipProfile], status: str, now: dt.datetime | None = None
) -> QuerySet[PartnershipProfile]:
    """Filter on the status as shown: `published` excludes, `expired` includes, profiles
    whose expiry date is past."""
    if status == Status.PUBLISHED:
        return profiles.filter(published_condition(now))
    if status == Status.EXPIRED:
        return profiles.filter(expired_condition(now))
    return profiles.filter(status=status)


def visible_profiles(user: Any) -> QuerySet[PartnershipProfile]:
    """Published profiles; plus every one of the user's own company; all of them for officers."""
    profiles = PartnershipProfile.objects.all()
    if not user.is_authenticated:
        return profiles.none()
    if user.is_officer:
        return profiles
    company_id = user.company_id_or_none
    if company_id is None:
        return profiles.filter(published_condition())
    return profiles.filter(published_condition() | Q(company_id=company_id))


def for_display(profiles: QuerySet[PartnershipProfile]) -> QuerySet[PartnershipProfile]:
    """Everything `public_view` reads, fetched up front."""
    return profiles.select_related("company__region", "sector").prefetch_related(
        "attachments", "classifications", "translations"
    )


def search(profiles: QuerySet[PartnershipProfile], text: str) -> QuerySet[PartnershipProfile]:
    """Profiles whose text matches; company names match only where the poster is not hidden,
    or a search by name would reveal who posted an anonymous profile."""
    text = text.strip()
    if not text:
        return profiles
    named = Q(company__name__icontains=text) | Q(company__name_alt__icontains=text)
    return profiles.filter(
        Q(title__icontains=text)
        | Q(summary__icontains=text)
        | Q(description__icontains=text)
        | Q(keywords__icontains=text)
        | (named & (Q(is_anonymous=False) | Q(disclosed_at__isnull=False)))
    )


def targeting(profiles: QuerySet[PartnershipProfile], country: str) -> QuerySet[PartnershipProfile]:
    """Profiles aimed at `country`, or at no country in particular.

    Target lists are stored sorted (see editing.save_profile) and hold at most ID and JP, so
    exact matches work alike on SQLite and PostgreSQL, which share no JSON containment.
    """
    wanted = [[], [country], sorted({country, *TARGET_COUNTRIES})]
    condition = Q()
    for value in wanted:
        condition |= Q(target_countries=value)
    return profiles.filter(condition)


def validation_queue() -> QuerySet[PartnershipProfile]:
    return PartnershipProfile.objects.filter(status=Status.SUBMITTED).order_by("submitted_at", "id")
