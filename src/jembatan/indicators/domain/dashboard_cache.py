"""The dashboard as its readers get it: computed once, then served from a shared cache.

A year of programme data on 100,000 companies takes seconds to add up (docs/benchmarks.md),
and the figures change slowly (registrations, agreements confirmed). So the dashboard and
the public page read `current_dashboard(query)`: the figures computed at most
JEMBATAN_DASHBOARD_CACHE_SECONDS ago (10 minutes by default), with the time they were
computed, which the page shows. A periodic task (`warm_dashboards`) recomputes the views
most readers open (the current and last year, by month and by quarter) before they expire,
so those answer from the cache; an officer may ask for a recomputation at once.

The cache is the "indicators" alias in settings: files under JEMBATAN_VAR_DIR by default,
shared by every web process and worker on the machine; Redis when JEMBATAN_CACHE_URL says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone, translation

from jembatan.core.domain.kpis import KpiQuery
from jembatan.indicators.domain.dashboard import DashboardData, dashboard_data

CACHE_ALIAS = "indicators"
VERSION = 1  # bump when DashboardData changes shape: older entries are then ignored


@dataclass(frozen=True)
class CachedDashboard:
    data: DashboardData
    computed_at: dt.datetime


def cache_key(query: KpiQuery, language: str) -> str:
    return ":".join(
        (
            "dashboard",
            language,
            query.start.isoformat(),
            query.end.isoformat(),
            query.period,
            query.sector or "-",
            query.region or "-",
            query.currency,
        )
    )


def lifetime() -> int:
    return int(getattr(settings, "JEMBATAN_DASHBOARD_CACHE_SECONDS", 600))


def current_dashboard(
    query: KpiQuery, *, refresh: bool = False, now: dt.datetime | None = None
) -> CachedDashboard:
    """The dashboard for `query` in the active language: from the cache unless it is
    missing, expired or `refresh` is asked; otherwise computed now and stored."""
    cache = caches[CACHE_ALIAS]
    key = cache_key(query, translation.get_language() or settings.LANGUAGE_CODE)
    if not refresh:
        found = cache.get(key, version=VERSION)
        if isinstance(found, CachedDashboard):
            return found
    computed = CachedDashboard(dashboard_data(query), now or timezone.now())
    cache.set(key, computed, timeout=lifetime(), version=VERSION)
    return computed


def default_queries(today: dt.date) -> list[KpiQuery]:
    """What most readers open: this year and last year, by month and by quarter."""
    queries = []
    for year in (today.year, today.year - 1):
        start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
        queries += [KpiQuery(start, end, period=p) for p in ("month", "quarter", "year")]
    return queries


def warm_dashboards(now: dt.datetime | None = None) -> int:
    """Recompute the default views in every language; returns how many were stored."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    stored = 0
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for query in default_queries(today):
                current_dashboard(query, refresh=True, now=now)
                stored += 1
    return stored
