"""programme_totals: what the indicators read, as it stood on a date, with the rate date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from jembatan.engagement.domain.agreements import (
    confirm_agreement,
    report_agreement,
    verify_agreement,
)
from jembatan.engagement.domain.figures import programme_totals
from jembatan.engagement.domain.outcomes import Observation, record_observation
from jembatan.engagement.domain.pipeline import change_stage
from jembatan.engagement.models import Agreement, ExchangeRate, Introduction
from tests.engagement.agreements.conftest import NOW, make_introduction, terms

pytestmark = pytest.mark.django_db


def confirmed(agreement: Agreement, *users: Any) -> Agreement:
    for user in users:
        confirm_agreement(user, agreement, now=NOW)
    agreement.refresh_from_db()
    return agreement


def test_only_confirmed_agreements_count(
    agreement: Agreement, rates: ExchangeRate, partner: Any, member: Any
) -> None:
    before = programme_totals(dt.date(2026, 6, 30), "IDR")
    assert (before.agreements_confirmed, before.agreements_reported) == (0, 1)
    assert before.value is not None
    assert before.value.amount == 0
    confirmed(agreement, partner, member)
    after = programme_totals(dt.date(2026, 6, 30), "IDR")
    assert (after.agreements_confirmed, after.agreements_reported) == (1, 0)
    assert after.jobs_expected == 12
    # 1.5 billion rupiah as they are; the investment, 20 million yen, at 16250.5/151.25.
    assert after.value is not None
    assert after.value.amount == 1_500_000_000
    assert after.investment is not None
    assert after.investment.amount == 2_148_826_446
    assert after.investment.rate_date == dt.date(2026, 5, 1)
    assert after.rate_date == dt.date(2026, 5, 1)
    assert type(after.investment.amount) is int


def test_totals_in_jpy_and_usd_use_the_same_rate(
    agreement: Agreement, rates: ExchangeRate, partner: Any, member: Any
) -> None:
    confirmed(agreement, partner, member)
    in_usd = programme_totals(dt.date(2026, 6, 30), "USD")
    assert in_usd.value is not None
    # 1,500,000,000 / 16250.5 = 92,304.85 dollars, in cents.
    assert in_usd.value.amount == 9_230_485
    in_jpy = programme_totals(dt.date(2026, 6, 30), "JPY")
    assert in_jpy.investment is not None
    assert in_jpy.investment.amount == 20_000_000
    assert in_jpy.investment.rate_date is None


def test_a_later_rate_is_used_for_a_later_date(
    agreement: Agreement, rates: ExchangeRate, partner: Any, member: Any
) -> None:
    confirmed(agreement, partner, member)
    ExchangeRate.objects.create(
        on=dt.date(2026, 7, 1), idr_per_usd=Decimal("16000"), jpy_per_usd=Decimal("160")
    )
    assert programme_totals(dt.date(2026, 6, 30), "IDR").rate_date == dt.date(2026, 5, 1)
    july = programme_totals(dt.date(2026, 7, 2), "IDR")
    assert july.rate_date == dt.date(2026, 7, 1)
    assert july.investment is not None
    assert july.investment.amount == 2_000_000_000


def test_missing_rate_is_a_message_not_a_crash(
    agreement: Agreement, partner: Any, member: Any
) -> None:
    confirmed(agreement, partner, member)
    totals = programme_totals(dt.date(2026, 6, 30), "IDR")
    assert totals.value is not None
    assert totals.value.amount == 1_500_000_000
    assert totals.investment is None
    assert totals.problems == [
        "No exchange rate on or before Tue 30 Jun 2026; officers add rates in the admin or by CSV import."
    ]


def test_introductions_by_stage_as_of_a_date(
    introduction: Introduction, company: Any, other_company: Any, partner: Any
) -> None:
    change_stage(partner, introduction, "met", now=NOW + dt.timedelta(days=3))
    make_introduction(other_company, company, now=NOW + dt.timedelta(days=10))
    assert programme_totals(dt.date(2026, 6, 2)).introductions_by_stage == {
        "introduced": 1,
        "met": 0,
        "negotiating": 0,
        "signed": 0,
        "closed": 0,
    }
    assert programme_totals(dt.date(2026, 6, 30)).introductions_by_stage == {
        "introduced": 1,
        "met": 1,
        "negotiating": 0,
        "signed": 0,
        "closed": 0,
    }


def test_jobs_realised_are_each_partys_latest_answer(
    agreement: Agreement, officer: Any, partner: Any, member: Any
) -> None:
    verify_agreement(officer, agreement, now=NOW)
    record_observation(
        partner,
        agreement,
        Observation(active=True, jobs_created=3),
        now=NOW + dt.timedelta(days=180),
    )
    record_observation(
        partner,
        agreement,
        Observation(active=True, jobs_created=5),
        now=NOW + dt.timedelta(days=365),
    )
    record_observation(
        member,
        agreement,
        Observation(active=True, jobs_created=4),
        now=NOW + dt.timedelta(days=181),
    )
    assert programme_totals(dt.date(2026, 12, 31)).jobs_realised == 3 + 4
    assert programme_totals(dt.date(2027, 6, 30)).jobs_realised == 5 + 4
    assert agreement.observations.count() == 3


def test_an_agreement_signed_after_the_date_does_not_count(
    introduction: Introduction, partner: Any, officer: Any
) -> None:
    later = report_agreement(
        partner, terms(signed_on=dt.date(2026, 5, 30)), introduction=introduction, now=NOW
    )
    verify_agreement(officer, later, now=NOW)
    assert programme_totals(dt.date(2026, 5, 29)).agreements_confirmed == 0
    assert programme_totals(dt.date(2026, 6, 1)).agreements_confirmed == 1
