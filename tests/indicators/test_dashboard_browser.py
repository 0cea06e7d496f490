"""The dashboard in a real Chromium: an officer signs in, filters, downloads both reports;
screenshots of the dashboard and the public page in id/ja/en and at phone width.

Screenshots go to the folder named by JEMBATAN_SCREENSHOTS, else to the test's temporary folder.
"""

from __future__ import annotations

import os
from decimal import Decimal
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps

from jembatan.accounts.models import User
from jembatan.engagement.models import ExchangeRate
from tests.indicators import dataset
from tests.indicators.test_kpi_queries import chain

pytestmark = pytest.mark.browser


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("JEMBATAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def figures(transactional_db):  # type: ignore[no-untyped-def]
    # A live server test empties the tables it used, the seeded statistics included.
    import_module("jembatan.indicators.migrations.0002_seed_headline_figures").seed(apps, None)
    ExchangeRate.objects.create(on="2017-01-02", idr_per_usd=Decimal(13300), jpy_per_usd=117)
    dataset.build()
    for n in range(1, 7):
        chain(n)


def _sign_in(browser, live_server, username: str, width: int = 1280):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("correct horse battery")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/")
    return page


def _charts_drawn(page) -> int:  # type: ignore[no-untyped-def]
    page.wait_for_selector(".ind-chart__plot .main-svg", timeout=20000)
    return page.locator(".ind-chart__plot .main-svg").count()


def test_dashboard_filter_and_download_both_reports(live_server, browser, officer, figures) -> None:  # type: ignore[no-untyped-def]
    page = _sign_in(browser, live_server, "officer")
    page.locator(".site-nav a[href='/indicators/']").click()
    page.wait_for_url(f"{live_server.url}/indicators/")
    page.locator("#id_year").select_option("2017")
    page.locator("#id_granularity").select_option("month")
    page.locator("#id_region").select_option("ID-JB")
    page.locator("#indicator-filters button[type=submit]").click()
    page.wait_for_url("**granularity=month**")
    assert "year=2017" in page.url
    assert "region=ID-JB" in page.url
    assert _charts_drawn(page) > 5
    rows = page.locator("#chart-registry-companies-registered-table tbody tr")
    assert rows.count() == 12
    for label, magic in (("XLSX", b"PK"), ("PDF", b"%PDF")):
        with page.expect_download() as download:
            page.locator(".ind-downloads a", has_text=label).click()
        path = download.value.path()
        assert Path(path).read_bytes()[:4].startswith(magic)
        assert download.value.suggested_filename.endswith(label.lower())


@pytest.mark.parametrize("width", [1280, 390], ids=["wide", "phone"])
def test_dashboard_and_public_screenshots(  # type: ignore[no-untyped-def]
    live_server, browser, officer, figures, screenshots: Path, width: int
) -> None:
    page = _sign_in(browser, live_server, "officer", width)
    languages = ("id", "ja", "en") if width > 400 else ("ja",)
    for language in languages:
        User.objects.filter(username="officer").update(language=language)
        page.goto(f"{live_server.url}/indicators/?year=2017&granularity=quarter")
        assert page.locator("html").get_attribute("lang") == language
        _charts_drawn(page)
        suffix = language if width > 400 else "phone"
        page.screenshot(path=str(screenshots / f"indicators-{suffix}.png"), full_page=True)
    public = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    for language in languages:
        public.context.add_cookies(
            [{"name": "jembatan_language", "value": language, "url": live_server.url}]
        )
        public.goto(f"{live_server.url}/indicators/public/?year=2017")
        assert public.locator("html").get_attribute("lang") == language
        _charts_drawn(public)
        if width > 400:
            assert public.locator("td", has_text="< 5").count() > 0
        suffix = language if width > 400 else "phone"
        public.screenshot(path=str(screenshots / f"indicators-public-{suffix}.png"), full_page=True)
