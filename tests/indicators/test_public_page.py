"""The public page: aggregates only, nothing private, no cell small enough to point at a firm."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from jembatan.engagement.models import ExchangeRate
from jembatan.indicators.domain.public import public_overview
from jembatan.registry.models import Company, ProgrammeSector
from tests.factories import CompanyFactory, ContactFactory, OrganisationFactory, UserFactory
from tests.indicators.test_kpi_queries import chain

pytestmark = pytest.mark.django_db

SECRET_NAMES = ["PT Rahasia Zebrakarton", "株式会社秘密ゼブラ工業"]
SECRET_EMAILS = ["direktur.zebra@rahasia.co.id", "himitsu@zebra-kogyo.jp"]
WHEN = dt.datetime(2017, 5, 10, 9, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.fixture
def firms(db):  # type: ignore[no-untyped-def]
    """Seven packaging firms in West Java, two in Central Java, one in Osaka: distinctive
    names and e-mail addresses that must never reach the public page."""
    packaging = ProgrammeSector.objects.get(slug="packaging")
    made = []
    for _index in range(7):
        made.append(CompanyFactory(country="ID", region_id="ID-JB"))
    made.append(CompanyFactory(name=SECRET_NAMES[0], country="ID", region_id="ID-JT"))
    made.append(CompanyFactory(country="ID", region_id="ID-JT"))
    made.append(CompanyFactory(name=SECRET_NAMES[1], country="JP", region_id="JP-27"))
    for company in made:
        company.sectors.add(packaging)
    ContactFactory(company=made[7], email=SECRET_EMAILS[0], name="Bapak Zebra Rahasia")
    org = OrganisationFactory(kind="company", company=made[9], name=SECRET_NAMES[1])
    UserFactory(username="zebra-user", email=SECRET_EMAILS[1], organisation=org)
    Company.objects.filter(pk__in=[c.pk for c in made]).update(created_at=WHEN)
    return made


@pytest.mark.parametrize("language", ["id", "ja", "en"])
def test_public_page_never_shows_names_or_emails(as_user, firms, language: str) -> None:
    client = as_user("anonymous")
    client.cookies["jembatan_language"] = language
    page = client.get("/indicators/public/?year=2017").content.decode()
    assert "PT Maju Bersama" not in page
    for secret in [*SECRET_NAMES, *SECRET_EMAILS, "Zebra", "zebra", "ゼブラ", "Rahasia"]:
        assert secret not in page
    assert re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", page) is None  # no e-mail address at all


def _chart(code: str):  # type: ignore[no-untyped-def]
    content = public_overview(2017)
    return next(c for c in content.charts() if c.code == code)


def test_public_small_region_cells_are_suppressed(firms) -> None:
    with translation.override("en"):
        chart = _chart("registry.companies_registered_by_region")
    cells = dict(zip(chart.categories, chart.series[0].values, strict=True))
    texts = {category: chart.text(0, index) for index, category in enumerate(chart.categories)}
    assert cells["West Java"] == 7
    assert texts["West Java"] == "7"
    assert cells["Central Java"] is None
    assert texts["Central Java"] == "< 5"
    assert texts["Osaka"] == "< 5"
    assert chart.suppressed_below == 5


def test_public_page_shows_suppressed_cells_as_less_than_five(as_user, firms) -> None:
    client = as_user("anonymous")
    client.cookies["jembatan_language"] = "en"
    page = client.get("/indicators/public/?year=2017").content.decode()
    assert "<td>&lt; 5</td>" in page
    assert "<td>7</td>" in page
    assert "IDR 520 trillion" in page  # the ministry's statistics are public


def test_public_threshold_follows_the_setting(firms, settings) -> None:
    settings.JEMBATAN_PUBLIC_MIN_CELL = 8
    with translation.override("en"):
        chart = _chart("registry.companies_registered_by_region")
    assert all(value is None or value >= 8 for value in chart.series[0].values)
    assert chart.text(0, 0) == "< 8"


def test_public_page_has_only_counts(firms) -> None:
    content = public_overview(2017)
    kpi_units = {c.unit for t in content.topics if t.code != "statistics" for c in t.charts}
    assert kpi_units <= {"count", "persons"}


def test_public_page_queries_constant_with_one_and_three_chains(as_user) -> None:
    ExchangeRate.objects.create(on="2017-01-02", idr_per_usd=Decimal(13300), jpy_per_usd=117)
    client = as_user("anonymous")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/indicators/public/?year=2017").status_code == 200
        return len(queries.captured_queries)

    chain(1)
    one = count()
    chain(2)
    chain(3)
    assert count() == one
