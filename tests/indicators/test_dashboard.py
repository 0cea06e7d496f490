from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from jembatan.core.domain.kpis import KpiQuery
from jembatan.indicators.domain.dashboard import dashboard_data
from jembatan.indicators.domain.targets import attainment
from jembatan.indicators.models import Indicator, Observation, Target
from tests.indicators import dataset

pytestmark = pytest.mark.django_db

YEAR = KpiQuery(start=dt.date(2017, 1, 1), end=dt.date(2018, 1, 1))


def test_dashboard_gathers_funnel_partnerships_events_and_statistics() -> None:
    dataset.build()
    with translation.override("en"):
        data = dashboard_data(YEAR)
    assert data.periods == ["2017"]
    assert [(s.key, s.value) for s in data.funnel] == [
        ("companies_registered", 4),
        ("interests_sent", 7),
        ("interests_accepted", 2),
        ("introductions", 4),
        ("met", 3),
        ("negotiating", 2),
        ("signed", 1),
        ("agreements_confirmed", 3),
    ]
    assert data.funnel[0].conversion is None
    assert data.funnel[2].conversion == Decimal("28.57")
    assert [(r.key, r.value) for r in data.partnerships_by_region] == [
        ("JP-23", 2),  # by count, then by name (Aichi, West Java)
        ("ID-JB", 2),
        ("ID-JT", 1),
        ("JP-13", 1),
    ]
    assert data.partnerships_by_region[1].label == "West Java"
    sectors = {r.key: r.value for r in data.partnerships_by_sector}
    assert sectors == {"automotive-parts": 2, "textiles": 2, "packaging": 1, "": 1}
    assert [(e.name, e.meetings, e.first_day) for e in data.events] == [
        ("Temu Bisnis 2017", 2, dt.date(2017, 5, 10))
    ]
    assert data.meetings is not None
    assert (data.meetings.held, data.meetings.no_show_rate) == (2, Decimal("33.33"))
    assert (data.meetings.rated, data.meetings.worth_continuing, data.meetings.both_sides) == (
        2,
        2,
        1,
    )
    assert {"registry", "profiles", "engagement", "events"} <= set(data.topics())
    value = data.kpi("engagement.contract_value")
    assert value is not None
    assert value.total(key="total") == 1_675_000_000
    units = next(s for s in data.statistics if s.code == "ikm_units")
    assert units.target_for("2017") is not None


def test_dashboard_says_which_filters_a_kpi_ignores() -> None:
    data = dashboard_data(KpiQuery(start=YEAR.start, end=YEAR.end, region="ID-JB"))
    assert all(k.ignored_filters == () for k in data.kpis)


def test_attainment_of_a_statistic_target() -> None:
    units = Indicator.objects.get(code="ikm_units")
    Observation.objects.create(indicator=units, period_start="2017-01-01", value=3_990_000)
    query = KpiQuery(start=dt.date(2016, 1, 1), end=dt.date(2018, 1, 1))
    [result] = attainment("ikm_units", query)
    assert (result.period, result.target, result.actual) == ("2017", 4_030_000, 3_990_000)
    assert result.percent == Decimal("99.01")
    assert result.derived


def test_attainment_of_a_kpi_target_by_key_and_region() -> None:
    dataset.build()
    indicator = Indicator.objects.create(
        code="supply_agreements",
        name_id="Kontrak pasokan",
        name_ja="供給契約",
        name_en="Supply agreements",
        unit="count",
        kpi_code="engagement.agreements_confirmed",
        kpi_key="supply",
    )
    Target.objects.create(indicator=indicator, period_start="2017-01-01", value=4)
    Target.objects.create(
        indicator=indicator, period_start="2017-01-01", value=2, region_id="JP-23"
    )
    [national] = attainment("engagement.agreements_confirmed", YEAR)
    assert (national.target, national.actual, national.percent) == (4, 1, Decimal("25.00"))
    aichi = KpiQuery(start=YEAR.start, end=YEAR.end, region="JP-23")
    [regional] = attainment(indicator, aichi)
    assert (regional.target, regional.actual, regional.percent) == (2, 1, Decimal("50.00"))
    assert attainment(indicator, KpiQuery(start=YEAR.start, end=YEAR.end, region="JP")) == []
