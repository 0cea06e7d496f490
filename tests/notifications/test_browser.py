"""The notification pages in a real Chromium, in each language and at phone width."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from jembatan.notifications.domain.preferences import channel_for
from jembatan.notifications.models import Notification
from jembatan.opportunities.domain import lifecycle
from jembatan.opportunities.models import Status
from jembatan.registry.domain.verification import return_company, verify_company
from tests.factories import CompanyFactory, OrganisationFactory, UserFactory
from tests.opportunities.factories import ProfileFactory

pytestmark = pytest.mark.browser

SIGN_IN = {"id": "Masuk", "ja": "ログイン", "en": "Sign in"}
MARK_READ = {"id": "Tandai sudah dibaca", "ja": "既読にする", "en": "Mark as read"}
SAVE = {"id": "Simpan", "ja": "保存", "en": "Save"}


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("JEMBATAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _member(language: str):  # type: ignore[no-untyped-def]
    company = CompanyFactory(name=f"PT Karton Jaya Abadi {language.upper()}", country="ID")
    org = OrganisationFactory(kind="company", company=company, name=company.name)
    user = UserFactory(
        username=f"budi_{language}", role="company_member", organisation=org, language=language
    )
    officer_org = OrganisationFactory(kind="programme_office", office="kemenperin", name="K")
    officer = UserFactory(username=f"officer_{language}", role="officer", organisation=officer_org)
    return_company(company, officer, "Alamat pabrik belum lengkap.")
    verify_company(company, officer)
    profile = ProfileFactory(company=company, status=Status.SUBMITTED, title="Kemasan karton")
    lifecycle.validate(profile, officer)
    return user


@pytest.mark.parametrize("language", ["id", "ja", "en"])
def test_notifications_pages(live_server, browser, screenshots: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    user = _member(language)
    locale = {"id": "id-ID", "ja": "ja-JP", "en": "en-US"}[language]
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale=locale)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill("correct horse battery")
    page.get_by_role("button", name=SIGN_IN[language]).click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(".bell__count").inner_text().startswith("3")

    page.locator("a.bell").click()
    page.wait_for_url(f"{live_server.url}/notifications/")
    assert page.locator(".notification--unread").count() == 3
    page.screenshot(path=str(screenshots / f"notifications-{language}.png"), full_page=True)

    # htmx swaps the item in place: the first (newest) is read, the others stay unread.
    page.locator(".notification").first.get_by_role("button", name=MARK_READ[language]).click()
    # Locator waits, not wait_for_function: the page's Content-Security-Policy forbids eval.
    expect(page.locator(".notification--unread")).to_have_count(2)
    expect(page.locator(".bell__count")).to_have_text(re.compile(r"^\s*2"))
    newest = Notification.objects.filter(recipient=user).order_by("-created_at", "-id").first()
    assert newest is not None
    assert newest.read_at is not None

    page.goto(f"{live_server.url}/notifications/settings/")
    page.locator('input[name="registry.company_verified"][value="digest"]').check()
    page.screenshot(path=str(screenshots / f"notification-settings-{language}.png"), full_page=True)
    page.get_by_role("button", name=SAVE[language]).click()
    page.wait_for_url(f"{live_server.url}/notifications/settings/")
    assert channel_for(user, "registry.company_verified") == "digest"

    if language == "id":
        phone = browser.new_context(
            viewport={"width": 390, "height": 844},
            device_scale_factor=2,
            is_mobile=True,
            storage_state=context.storage_state(),
        )
        for url, name in (
            ("/notifications/", "notifications"),
            ("/notifications/settings/", "notification-settings"),
        ):
            phone_page = phone.new_page()
            phone_page.goto(f"{live_server.url}{url}")
            phone_page.screenshot(path=str(screenshots / f"{name}-phone.png"), full_page=True)
            assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
        phone.close()
    context.close()
