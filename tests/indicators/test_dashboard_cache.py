from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import caches
from django.utils import translation

from jembatan.core.domain.kpis import KpiQuery
from jembatan.indicators.domain.dashboard_cache import (
    CACHE_ALIAS,
    current_dashboard,
    default_queries,
    warm_dashboards,
)
from tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 12, 2, 3, 0, tzinfo=dt.UTC)
YEAR = KpiQuery(dt.date(2026, 1, 1), dt.date(2027, 1, 1), period="quarter")


@pytest.fixture(autouse=True)
def _empty_cache(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.CACHES = {
        **settings.CACHES,
        CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        },
    }
    caches[CACHE_ALIAS].clear()
    yield
    caches[CACHE_ALIAS].clear()


def _registered(data) -> int:  # type: ignore[no-untyped-def]
    return int(data.kpi("registry.companies_registered").total() or 0)


def test_current_dashboard_serves_the_figures_it_computed_until_refreshed(
    django_assert_num_queries,
) -> None:  # type: ignore[no-untyped-def]
    CompanyFactory()
    with translation.override("en"):
        first = current_dashboard(YEAR, now=NOW)
        CompanyFactory()
        with django_assert_num_queries(0):
            again = current_dashboard(YEAR, now=NOW + dt.timedelta(minutes=1))
        assert again.computed_at == NOW
        assert _registered(again.data) == _registered(first.data)
        fresh = current_dashboard(YEAR, refresh=True, now=NOW + dt.timedelta(minutes=2))
    assert _registered(fresh.data) == _registered(first.data) + 1
    assert fresh.computed_at == NOW + dt.timedelta(minutes=2)


def test_current_dashboard_keeps_each_language_apart() -> None:
    with translation.override("ja"):
        japanese = current_dashboard(YEAR, now=NOW)
    with translation.override("id"):
        indonesian = current_dashboard(YEAR, now=NOW)
    names = (japanese.data.kpi("registry.companies_registered").name,
             indonesian.data.kpi("registry.companies_registered").name)  # fmt: skip
    assert names[0] != names[1]


def test_current_dashboard_recomputes_after_its_lifetime(settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_DASHBOARD_CACHE_SECONDS = 0  # Django: 0 means "do not keep"
    with translation.override("en"):
        current_dashboard(YEAR, now=NOW)
        later = current_dashboard(YEAR, now=NOW + dt.timedelta(hours=1))
    assert later.computed_at == NOW + dt.timedelta(hours=1)


def test_warm_dashboards_stores_every_default_view_in_every_language(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LANGUAGES = [("ja", "日本語"), ("en", "English")]
    queries = default_queries(dt.date(2026, 12, 2))
    assert [(q.start.year, q.period) for q in queries] == [
        (2026, "month"), (2026, "quarter"), (2026, "year"),
        (2025, "month"), (2025, "quarter"), (2025, "year"),
    ]  # fmt: skip
    assert warm_dashboards(NOW) == len(queries) * len(settings.LANGUAGES)
    with translation.override("ja"):
        assert current_dashboard(queries[0]).computed_at == NOW
