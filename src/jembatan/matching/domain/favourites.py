"""Favourites: a user stars partnership profiles and companies they may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction

from jembatan.matching.models import Favourite
from jembatan.opportunities.domain.presentation import ProfileView, public_view
from jembatan.opportunities.domain.queries.profiles import for_display, visible_profiles
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Company


class FavouriteNotAllowedError(Exception):
    """The user may not keep favourites (not signed in) or may not see the target."""


def may_keep_favourites(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def set_profile_favourite(user: Any, profile: PartnershipProfile, starred: bool) -> bool:
    """Star or unstar `profile` for `user`; returns whether it is starred now."""
    if not may_keep_favourites(user):
        raise FavouriteNotAllowedError
    if starred and not visible_profiles(user).filter(pk=profile.pk).exists():
        raise FavouriteNotAllowedError
    return _set(user, starred, profile=profile)


def set_company_favourite(user: Any, company: Company, starred: bool) -> bool:
    """Star or unstar `company` for `user`; returns whether it is starred now."""
    if not may_keep_favourites(user) or not user.has_perm("registry.view_company", company):
        raise FavouriteNotAllowedError
    return _set(user, starred, company=company)


def _set(user: Any, starred: bool, **target: Any) -> bool:
    if not starred:
        Favourite.objects.filter(user=user, **target).delete()
        return False
    try:
        with transaction.atomic():
            Favourite.objects.get_or_create(user=user, **target)
    except IntegrityError:  # a double click raced the first one: it is starred either way
        pass
    return True


def starred_profile_ids(user: Any) -> set[int]:
    """Ids of the profiles `user` starred (one query; for marking cards)."""
    if not may_keep_favourites(user):
        return set()
    ids = Favourite.objects.filter(user=user, profile__isnull=False).values_list(
        "profile_id", flat=True
    )
    return {pk for pk in ids if pk is not None}


def starred_company_ids(user: Any) -> set[int]:
    if not may_keep_favourites(user):
        return set()
    ids = Favourite.objects.filter(user=user, company__isnull=False).values_list(
        "company_id", flat=True
    )
    return {pk for pk in ids if pk is not None}


@dataclass(frozen=True)
class FavouriteLists:
    profiles: list[ProfileView]
    companies: list[Company]


def favourites_of(user: Any) -> FavouriteLists:
    """The user's starred profiles (those they may still see, through public_view) and
    companies, most recently starred first, in a constant number of queries."""
    if not may_keep_favourites(user):
        return FavouriteLists([], [])
    rows = list(Favourite.objects.filter(user=user).values_list("profile_id", "company_id"))
    profile_ids = [p for p, _c in rows if p is not None]
    company_ids = [c for _p, c in rows if c is not None]
    profiles = for_display(visible_profiles(user).filter(pk__in=profile_ids)).in_bulk()
    companies = (
        Company.objects.filter(pk__in=company_ids)
        .select_related("region")
        .prefetch_related("sectors")
        .in_bulk()
    )
    return FavouriteLists(
        profiles=[public_view(profiles[pk], user) for pk in profile_ids if pk in profiles],
        companies=[companies[pk] for pk in company_ids if pk in companies],
    )
