"""Every KPI against figures computed by hand from tests/indicators/dataset.py."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from jembatan.core.domain.kpis import KpiQuery, kpi, registered_kpis
from tests.indicators import dataset

pytestmark = pytest.mark.django_db

YEAR = KpiQuery(start=dt.date(2017, 1, 1), end=dt.date(2018, 1, 1))
QUARTERS = KpiQuery(start=dt.date(2017, 1, 1), end=dt.date(2018, 1, 1), period="quarter")


@pytest.fixture
def data() -> dict[str, Any]:
    return dataset.build()


def figures(code: str, query: KpiQuery = YEAR) -> dict[tuple[str, str], Any]:
    found = kpi(code)
    assert found is not None, code
    return {(v.period, v.key): v.value for v in found.compute(query)}


def keyed(code: str, query: KpiQuery = YEAR, period: str = "2017") -> dict[str, Any]:
    return {key: value for (p, key), value in figures(code, query).items() if p == period}


def test_kpis_registered_for_every_source_app() -> None:
    topics = {k.topic for k in registered_kpis()}
    assert {"registry", "profiles", "engagement", "events"} <= topics


def test_kpi_companies_registered_by_country_and_quarter(data) -> None:  # type: ignore[no-untyped-def]
    assert keyed("registry.companies_registered") == {"ID": 3, "JP": 1}
    assert figures("registry.companies_registered", QUARTERS) == {
        ("2017-Q1", "ID"): 2, ("2017-Q1", "JP"): 0,
        ("2017-Q2", "ID"): 0, ("2017-Q2", "JP"): 1,
        ("2017-Q3", "ID"): 0, ("2017-Q3", "JP"): 0,
        ("2017-Q4", "ID"): 1, ("2017-Q4", "JP"): 0,
    }  # fmt: skip


def test_kpi_companies_verified_by_country(data) -> None:  # type: ignore[no-untyped-def]
    # c4 was verified in 2016, c1 was returned: c2 (ID) and c3 (JP).
    assert keyed("registry.companies_verified") == {"ID": 1, "JP": 1}


def test_kpi_companies_by_sector_region_and_size(data) -> None:  # type: ignore[no-untyped-def]
    assert keyed("registry.companies_registered_by_sector") == {
        "automotive-parts": 1, "packaging": 1, "textiles": 3,
    }  # fmt: skip
    assert keyed("registry.companies_verified_by_sector") == {
        "automotive-parts": 1, "packaging": 1, "textiles": 1,
    }  # fmt: skip
    assert keyed("registry.companies_registered_by_region") == {
        "": 1, "ID-JB": 1, "ID-JT": 1, "JP-23": 1,
    }  # fmt: skip
    assert keyed("registry.companies_verified_by_region") == {"ID-JT": 1, "JP-23": 1}
    assert keyed("registry.companies_registered_by_size") == {"medium": 1, "small": 2, "sme": 1}
    assert keyed("registry.companies_verified_by_size") == {"medium": 1, "sme": 1}


def test_kpi_companies_filtered_by_region_and_sector(data) -> None:  # type: ignore[no-untyped-def]
    japan = KpiQuery(start=YEAR.start, end=YEAR.end, region="JP")
    assert keyed("registry.companies_registered", japan) == {"JP": 1}
    textiles = KpiQuery(start=YEAR.start, end=YEAR.end, sector="textiles")
    assert keyed("registry.companies_registered", textiles) == {"ID": 2, "JP": 1}
    west_java = KpiQuery(start=YEAR.start, end=YEAR.end, region="ID-JB")
    assert keyed("registry.companies_registered_by_size", west_java) == {"small": 1}


def test_kpi_profiles_published_by_kind(data) -> None:  # type: ignore[no-untyped-def]
    assert keyed("profiles.published") == {
        "business": 1, "technology": 1, "investment": 0,
        "subcontracting": 0, "research": 0, "vocational": 0,
    }  # fmt: skip


def test_kpi_interests_by_status(data) -> None:  # type: ignore[no-untyped-def]
    assert keyed("engagement.interests") == {
        "pending": 1, "awaiting_officer": 1, "accepted": 2,
        "declined": 1, "withdrawn": 1, "expired": 1,
    }  # fmt: skip
    q1 = keyed("engagement.interests", QUARTERS, "2017-Q1")
    assert (q1["pending"], q1["awaiting_officer"], q1["accepted"]) == (1, 1, 1)


def test_kpi_interest_response_days_is_the_median_of_answers(data) -> None:  # type: ignore[no-untyped-def]
    # accepted after 2 and 6 days, declined after 4; the expired one had no answer
    assert keyed("engagement.interest_response_days") == {"": Decimal("4.00")}
    assert figures("engagement.interest_response_days", QUARTERS) == {
        ("2017-Q1", ""): Decimal("2.00"),
        ("2017-Q2", ""): Decimal("4.00"),
        ("2017-Q3", ""): Decimal("6.00"),
        ("2017-Q4", ""): None,
    }


def test_kpi_introductions_by_stage(data) -> None:  # type: ignore[no-untyped-def]
    assert keyed("engagement.introductions") == {
        "introduced": 1, "met": 0, "negotiating": 1, "signed": 1, "closed": 1,
    }  # fmt: skip


def test_kpi_funnel_and_conversion(data) -> None:  # type: ignore[no-untyped-def]
    assert keyed("engagement.funnel") == {
        "companies_registered": 4,
        "interests_sent": 7,
        "interests_accepted": 2,
        "introductions": 4,
        "met": 3,  # signed, closed after meeting, negotiating (skipped the meeting stage)
        "negotiating": 2,
        "signed": 1,
        "agreements_confirmed": 3,
    }
    assert keyed("engagement.funnel_conversion") == {
        "interests_sent": Decimal("175.00"),
        "interests_accepted": Decimal("28.57"),
        "introductions": Decimal("200.00"),
        "met": Decimal("75.00"),
        "negotiating": Decimal("66.67"),
        "signed": Decimal("50.00"),
        "agreements_confirmed": Decimal("300.00"),
    }


def test_kpi_agreements_confirmed_by_type_sector_region(data) -> None:  # type: ignore[no-untyped-def]
    assert keyed("engagement.agreements_confirmed") == {
        "supply": 1, "subcontracting": 0, "distribution": 0, "licence": 1,
        "joint_venture": 1, "investment": 0, "mou": 0,
    }  # fmt: skip
    assert keyed("engagement.agreements_by_sector") == {
        "": 1, "automotive-parts": 2, "packaging": 1, "textiles": 2,
    }  # fmt: skip
    assert keyed("engagement.agreements_by_region") == {
        "ID-JB": 2, "ID-JT": 1, "JP-13": 1, "JP-23": 2,
    }  # fmt: skip
    aichi = KpiQuery(start=YEAR.start, end=YEAR.end, region="JP-23")
    assert sum(keyed("engagement.agreements_confirmed", aichi).values()) == 2


def test_kpi_contract_value_per_currency_and_converted(data) -> None:  # type: ignore[no-untyped-def]
    found = kpi("engagement.contract_value")
    assert found is not None
    year = {v.key: v for v in found.compute(YEAR)}
    assert (year["IDR"].value, year["IDR"].currency) == (1_000_000_000, "IDR")
    assert (year["USD"].value, year["USD"].currency) == (5_000_000, "USD")
    # US$50,000 at 13,500 rupiah (the rate of 29 December 2017) + Rp1,000,000,000
    assert year["total"].value == 1_675_000_000
    assert year["total"].rate_date == dt.date(2017, 12, 29)
    quarters = {(v.period, v.key): v for v in found.compute(QUARTERS)}
    assert quarters[("2017-Q1", "total")].value == 1_000_000_000
    assert quarters[("2017-Q1", "total")].rate_date is None  # nothing to convert
    assert quarters[("2017-Q2", "total")].value == 665_000_000  # 50,000 x 13,300
    assert quarters[("2017-Q2", "total")].rate_date == dt.date(2017, 6, 30)


def test_kpi_investment_committed_converted_to_yen(data) -> None:  # type: ignore[no-untyped-def]
    assert keyed("engagement.investment_committed")["total"] == 3_194_690_265
    in_yen = KpiQuery(start=YEAR.start, end=YEAR.end, currency="JPY")
    # Rp2,000,000,000 at 13,500 per dollar and 113 yen per dollar, + ¥10,000,000
    assert keyed("engagement.investment_committed", in_yen)["total"] == 10_000_000 + 16_740_741


def test_kpi_contract_value_without_a_rate_says_so(data) -> None:  # type: ignore[no-untyped-def]
    early = KpiQuery(start=dt.date(2017, 5, 1), end=dt.date(2017, 6, 1), period="month")
    from jembatan.engagement.models import ExchangeRate

    ExchangeRate.objects.filter(on__lt="2017-06-01").delete()
    found = kpi("engagement.contract_value")
    assert found is not None
    total = next(v for v in found.compute(early) if v.key == "total")
    assert total.value is None
    assert total.note


def test_kpi_jobs_expected_and_created(data) -> None:  # type: ignore[no-untyped-def]
    assert keyed("engagement.jobs_expected") == {"": 35}  # 12 + 3 + 20; the reported one not
    assert figures("engagement.jobs_created", QUARTERS) == {
        ("2017-Q1", ""): 0,
        ("2017-Q2", ""): 5,
        ("2017-Q3", ""): 7,
        ("2017-Q4", ""): 20,
    }


def test_kpi_meetings_held_no_show_and_ratings(data) -> None:  # type: ignore[no-untyped-def]
    # published and not freed; the draft does not count
    assert keyed("events.meetings_held") == {"": 2}
    assert list(keyed("events.meetings_by_event").values()) == [2]
    # Budi did not show up; Ayu and Kenji checked in; Dewi was never marked
    assert keyed("events.no_show_rate") == {"": Decimal("33.33")}
    assert keyed("events.meetings_rated") == {"rated": 2, "worth_continuing": 2, "both_sides": 1}


def test_kpi_meetings_filtered_by_region(data) -> None:  # type: ignore[no-untyped-def]
    west_java = KpiQuery(start=YEAR.start, end=YEAR.end, region="ID-JB")
    assert keyed("events.meetings_held", west_java) == {"": 1}  # Ayu's meeting with Kenji
