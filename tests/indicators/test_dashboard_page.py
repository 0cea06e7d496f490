"""The dashboard page: figures in the reader's language, a table beside every chart, the
chart data in a JSON block (no inline script), filters in the address, Plotly served locally."""

from __future__ import annotations

import gzip
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.engagement.models import ExchangeRate
from jembatan.indicators.views.assets import plotly_version
from tests.indicators import dataset
from tests.indicators.test_kpi_queries import chain

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():  # type: ignore[no-untyped-def]
    ExchangeRate.objects.create(on="2017-01-02", idr_per_usd=Decimal(13300), jpy_per_usd=117)
    return dataset.build()


def _page(client, url: str) -> str:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _specs(page: str) -> list[dict]:  # type: ignore[type-arg]
    block = re.search(r'<script id="indicator-charts" type="application/json">(.*?)</script>', page)
    assert block is not None
    return json.loads(block.group(1))


@pytest.mark.parametrize(
    ("language", "figures"),
    [
        ("id", ["Rp520 triliun", "3,85 juta", "Target 2017: 4,03 juta", "Indikator"]),
        ("ja", ["520兆ルピア", "385万", "2017年の目標：403万", "前年比+18.3%"]),
        ("en", ["IDR 520 trillion", "3.85 million", "Target 2017: 4.03 million", "+18.3%"]),
    ],
)
def test_dashboard_headlines_in_each_language(as_user, officer, data, language, figures) -> None:
    officer.language = language
    officer.save(update_fields=["language"])
    page = _page(as_user("officer"), "/indicators/?year=2017")
    for figure in figures:
        assert figure in page


def test_dashboard_every_chart_has_a_table_and_a_spec(as_user, data) -> None:
    page = _page(as_user("officer"), "/indicators/?year=2017&granularity=quarter")
    specs = _specs(page)
    ids = {spec["id"] for spec in specs}
    for chart_id in ids:
        assert f'id="{chart_id}"' in page
        assert f'id="{chart_id}-table"' in page
    codes = {spec["id"] for spec in specs}
    for expected in (
        "chart-statistics-ikm-value-added",
        "chart-engagement-funnel",
        "chart-engagement-agreements-by-sector",
        "chart-engagement-agreements-by-region",
        "chart-events-meetings",
        "chart-events-meetings-by-event",
        "chart-registry-companies-registered",
    ):
        assert expected in codes
    funnel = next(s for s in specs if s["id"] == "chart-engagement-funnel")
    assert funnel["kind"] == "funnel"
    assert all(isinstance(v, int) for v in funnel["series"][0]["values"])


def test_dashboard_has_no_inline_script(as_user, data) -> None:
    page = _page(as_user("viewer"), "/indicators/")
    for tag in re.findall(r"<script[^>]*>", page):
        assert 'type="application/json"' in tag or "src=" in tag
    assert f"/indicators/assets/plotly-{plotly_version()}.min.js" in page
    assert "cdn" not in page.lower()


def test_dashboard_filters_stay_in_the_address(as_user, data) -> None:
    url = "/indicators/?year=2017&granularity=month&sector=textiles&region=ID-JB&currency=JPY"
    page = _page(as_user("officer"), url)
    assert 'value="month" selected' in page
    assert 'value="ID-JB" selected' in page
    registered = next(s for s in _specs(page) if s["id"] == "chart-registry-companies-registered")
    assert len(registered["categories"]) == 12
    assert (
        "/indicators/report.pdf?year=2017&amp;granularity=month&amp;sector=textiles"
        "&amp;region=ID-JB&amp;currency=JPY"
    ) in page


def test_dashboard_bad_filter_is_ignored(as_user, data) -> None:
    page = _page(as_user("officer"), "/indicators/?year=1900&granularity=decade&region=XX")
    assert "chart-registry-companies-registered" in page


def test_dashboard_queries_constant_with_one_and_three_chains(as_user) -> None:
    ExchangeRate.objects.create(on="2017-01-02", idr_per_usd=Decimal(13300), jpy_per_usd=117)
    client = as_user("officer")
    client.get("/indicators/?year=2017")  # warm caches (sessions, content types)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/indicators/?year=2017").status_code == 200
        return len(queries.captured_queries)

    chain(1)
    one = count()
    chain(2)
    chain(3)
    assert count() == one


def test_plotly_script_served_from_the_package_with_long_cache(client) -> None:
    url = f"/indicators/assets/plotly-{plotly_version()}.min.js"
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript"
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]
    assert "max-age=31536000" in response["Cache-Control"]
    assert b"plotly.js" in gzip.decompress(response.content)[:2000]
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.get("/indicators/assets/plotly-0.0.1.min.js").status_code == 404
