"""Saved searches: a user names the search they ran and may run it again; with an alert,
a daily task tells them about newly published profiles that match it.

An alert only ever names profiles the user may see (published, through public_view), and a
directory search (which matches company names) never brings up an anonymous profile, whose
poster's name must not find it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from jembatan.matching.domain.search import company_ranking, search_profile_objects
from jembatan.matching.models import ObjectType, SavedSearch, SearchScope
from jembatan.opportunities.domain.presentation import public_view
from jembatan.opportunities.domain.queries.profiles import (
    for_display,
    published_profiles,
    visible_profiles,
)
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.domain.queries.companies import CompanySearch, filter_companies

NOTIFICATION_KIND = "matching.saved_search_match"
ALERT_SIZE = 10
SEARCH_DEPTH = 50
SAVED_SEARCHES_PER_USER = 50

# The query-string parameters each page understands; anything else is dropped on save.
PARAMS = {
    SearchScope.SEARCH: ("q", "type", "country"),
    SearchScope.DIRECTORY: (
        "q",
        "country",
        "sector",
        "region",
        "size_class",
        "certification",
        "verification",
    ),
}
URL_NAMES = {SearchScope.SEARCH: "matching:search", SearchScope.DIRECTORY: "registry:company_list"}


class SavedSearchError(Exception):
    """Why a search cannot be saved (said to the user)."""


def clean_params(scope: str, params: dict[str, Any]) -> dict[str, str]:
    """The page's own parameters, as strings; the empty ones kept (an empty country is a
    choice: any country)."""
    return {key: str(params[key])[:500] for key in PARAMS[SearchScope(scope)] if key in params}


def save_search(
    user: Any, name: str, scope: str, params: dict[str, Any], alert: bool = False
) -> SavedSearch:
    if not getattr(user, "is_authenticated", False):
        raise SavedSearchError("not signed in")
    if SavedSearch.objects.filter(user=user).count() >= SAVED_SEARCHES_PER_USER:
        raise SavedSearchError("too many")
    return SavedSearch.objects.create(
        user=user,
        name=name.strip()[:100],
        scope=scope,
        params=clean_params(scope, params),
        alert=alert,
        last_checked_at=timezone.now(),
    )


def saved_searches_of(user: Any) -> QuerySet[SavedSearch]:
    if not getattr(user, "is_authenticated", False):
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(user=user)


def delete_saved_search(user: Any, saved: SavedSearch) -> None:
    if saved.user_id != user.pk:
        raise SavedSearchError("not yours")
    saved.delete()


def search_url(saved: SavedSearch) -> str:
    url = reverse(URL_NAMES[SearchScope(saved.scope)])
    return f"{url}?{urlencode(saved.params)}" if saved.params else url


def can_alert(scope: str, params: dict[str, Any]) -> bool:
    """Whether the search can find profiles (a company search in "Find partners" cannot)."""
    if scope == SearchScope.SEARCH:
        return bool(str(params.get("q", "")).strip()) and params.get("type", "") in (
            "",
            ObjectType.PROFILE,
        )
    return scope == SearchScope.DIRECTORY


def new_matches(
    saved: SavedSearch, since: dt.datetime, now: dt.datetime
) -> list[PartnershipProfile]:
    """Profiles published after `since` (and by `now`) that the search finds for its owner."""
    user = saved.user
    params = saved.params
    if not user.is_active or not can_alert(saved.scope, params):
        return []
    if saved.scope == SearchScope.SEARCH:
        hits = search_profile_objects(user, params["q"], SEARCH_DEPTH, params.get("country", ""))
        found = [profile for _hit, profile in hits]
    else:
        found = list(_directory_profiles(user, params, now))
    fresh = [p for p in found if p.published_at is not None and since < p.published_at <= now]
    return fresh[:ALERT_SIZE]


def _directory_profiles(
    user: Any, params: dict[str, str], now: dt.datetime
) -> QuerySet[PartnershipProfile]:
    search = CompanySearch(
        text=params.get("q", ""),
        country=params.get("country", ""),
        sector=params.get("sector", ""),
        region=params.get("region", ""),
        size_class=params.get("size_class", ""),
        certification=params.get("certification", ""),
        verification=params.get("verification", ""),
    )
    companies = filter_companies(search)
    company_ids: Any = companies.values("pk")
    if search.text.strip():
        company_ids = [hit.key for hit in company_ranking(search.text, companies)]
    profiles = published_profiles(visible_profiles(user), now=now).filter(
        company_id__in=company_ids, is_anonymous=False
    )
    own = getattr(user, "company_id_or_none", None)
    if own is not None:
        profiles = profiles.exclude(company_id=own)
    return for_display(profiles).order_by("-published_at", "id")


def send_alert(saved: SavedSearch, now: dt.datetime) -> bool:
    """Notify the owner of the profiles new since the last check; returns whether it did."""
    from jembatan.notifications.domain.notify import notify

    since = saved.last_checked_at or saved.created_at
    matches = new_matches(saved, since, now)
    if matches:
        profiles = [public_view(profile, saved.user) for profile in matches]
        context = {"search": saved, "profiles": profiles, "count": len(profiles)}
        notify(saved.user, NOTIFICATION_KIND, saved, context, link=search_url(saved), now=now)
    saved.last_checked_at = now
    saved.save(update_fields=["last_checked_at"])
    return bool(matches)


def send_saved_search_alerts(now: dt.datetime | None = None) -> int:
    """Run every saved search that asks for an alert; returns how many users were told."""
    now = now or timezone.now()
    searches = SavedSearch.objects.filter(alert=True, user__is_active=True).select_related(
        "user__organisation"
    )
    return sum(send_alert(saved, now) for saved in searches)
