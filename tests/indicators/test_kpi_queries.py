"""Every KPI, the attainment helper and the dashboard run the same number of queries with
one record of each kind as with three."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.core.domain.kpis import KpiQuery, kpi, registered_kpis
from jembatan.indicators.domain.dashboard import dashboard_data
from jembatan.indicators.domain.targets import attainment
from jembatan.indicators.models import Indicator, Target
from tests.indicators import dataset
from tests.indicators.dataset import at

pytestmark = pytest.mark.django_db

QUERY = KpiQuery(start=dt.date(2017, 1, 1), end=dt.date(2018, 1, 1), period="quarter")
FILTERED = KpiQuery(
    start=dt.date(2017, 1, 1), end=dt.date(2018, 1, 1), region="ID-JB", sector="textiles"
)
CODES = [k.code for k in registered_kpis()]


def chain(n: int) -> None:
    """One record of every kind the KPIs read, all in West Java / Aichi and textiles."""
    a = dataset.company("ID", "ID-JB", ["textiles"], at(2017, 1, 5 + n), "verified", at(2017, 2, 1))
    b = dataset.company("JP", "JP-23", ["textiles"], at(2017, 1, 5 + n), size="sme")
    offer = dataset.profile(b, "business", "textiles", at(2017, 2, 1))
    asked = dataset.interest(a, offer, "accepted", at(2017, 2, 2), at(2017, 2, 5))
    intro = dataset.introduction(
        a, b, at(2017, 2, 5), "signed", [("introduced", "met", at(2017, 3, 1))], asked, offer
    )
    deal = dataset.agreement(
        "supply",
        [a, b],
        dt.date(2017, 4, 1),
        at(2017, 4, 2),
        intro,
        value_amount=1000,
        value_currency="USD",
        investment_amount=5000,
        investment_currency="JPY",
        jobs_expected=2,
    )
    dataset.report(deal, a, dt.date(2017, 6, 1), 1)
    dataset.event_meetings(a, b, a, b)


@pytest.fixture
def rates() -> None:
    from decimal import Decimal

    from jembatan.engagement.models import ExchangeRate

    ExchangeRate.objects.create(on="2017-01-02", idr_per_usd=Decimal(13300), jpy_per_usd=117)


def _count(action) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries.captured_queries)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("query", [QUERY, FILTERED], ids=["all", "filtered"])
def test_kpi_queries_constant_with_one_and_three_rows(code: str, query: KpiQuery, rates) -> None:  # type: ignore[no-untyped-def]
    found = kpi(code)
    assert found is not None
    chain(0)
    one = _count(lambda: found.compute(query))
    chain(1)
    chain(2)
    three = _count(lambda: found.compute(query))
    assert one == three


def test_attainment_queries_constant_with_one_and_three_rows(rates) -> None:  # type: ignore[no-untyped-def]
    indicator = Indicator.objects.create(
        code="agreements", name_id="x", name_ja="x", name_en="x", unit="count",
        kpi_code="engagement.agreements_confirmed",
    )  # fmt: skip
    Target.objects.create(indicator=indicator, period_start="2017-04-01", granularity="quarter",
                          value=4)  # fmt: skip
    chain(0)
    one = _count(lambda: attainment("engagement.agreements_confirmed", QUERY))
    chain(1)
    chain(2)
    three = _count(lambda: attainment("engagement.agreements_confirmed", QUERY))
    assert one == three
    assert [(a.period, a.actual, a.percent) for a in attainment("agreements", QUERY)] == [
        ("2017-Q2", 3, 75)
    ]


def test_dashboard_queries_constant_with_one_and_three_rows(rates) -> None:  # type: ignore[no-untyped-def]
    chain(0)
    one = _count(lambda: dashboard_data(QUERY))
    chain(1)
    chain(2)
    three = _count(lambda: dashboard_data(QUERY))
    assert one == three
