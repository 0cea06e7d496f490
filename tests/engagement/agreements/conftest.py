"""Fixtures for agreements: an introduction between `company` (the member's, Indonesian, the
profile owner) and a Japanese partner company with its own member and teammate; the
outsider's company (`other_company`) is in neither."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

from jembatan.engagement.domain.agreements import AgreementTerms, report_agreement
from jembatan.engagement.models import Agreement, ExchangeRate, Introduction, Stage
from jembatan.registry.models import Company
from tests.factories import CompanyFactory, OrganisationFactory, UserFactory

NOW = dt.datetime(2026, 6, 1, 3, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def english_and_media(settings: Any, tmp_path: Path) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    with translation.override("en"):
        yield


@pytest.fixture
def partner_company(db: Any) -> Company:
    return CompanyFactory(country="JP", name="Sakura Seimitsu KK")  # type: ignore[no-any-return]


@pytest.fixture
def partner(partner_company: Company) -> Any:
    org = OrganisationFactory(kind="company", company=partner_company, name=partner_company.name)
    return UserFactory(username="partner", role="company_member", organisation=org)


@pytest.fixture
def partner_teammate(partner: Any) -> Any:
    return UserFactory(
        username="partner_teammate", role="company_member", organisation=partner.organisation
    )


def make_introduction(a: Company, b: Company, now: dt.datetime = NOW, **extra: Any) -> Introduction:
    introduction = Introduction.objects.create(
        company_a=a,
        company_b=b,
        stage=extra.pop("stage", Stage.INTRODUCED),
        created_at=now,
        stage_changed_at=now,
        last_activity_at=extra.pop("last_activity_at", now),
        **extra,
    )
    introduction.stage_changes.create(from_stage="", to_stage=Stage.INTRODUCED, changed_at=now)
    return introduction


@pytest.fixture
def introduction(
    company: Company, partner_company: Company, member: Any, partner: Any
) -> Introduction:
    return make_introduction(partner_company, company)


def terms(**overrides: Any) -> AgreementTerms:
    values: dict[str, Any] = {
        "type": "supply",
        "signed_on": dt.date(2026, 5, 20),
        "value_amount": 1_500_000_000,
        "value_currency": "IDR",
        "investment_amount": 20_000_000,
        "investment_currency": "JPY",
        "jobs_expected": 12,
    }
    values.update(overrides)
    return AgreementTerms(**values)


@pytest.fixture
def agreement(introduction: Introduction, partner: Any) -> Agreement:
    return report_agreement(partner, terms(), introduction=introduction, now=NOW)


@pytest.fixture
def rates(db: Any) -> ExchangeRate:
    return ExchangeRate.objects.create(
        on=dt.date(2026, 5, 1), idr_per_usd=Decimal("16250.5"), jpy_per_usd=Decimal("151.25")
    )
