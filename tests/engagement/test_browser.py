"""Expressing interest and being introduced in a real Chromium, without JavaScript needs:
a Japanese member finds an anonymous Indonesian profile and expresses interest; the
Indonesian owner accepts; both see each other's names and contacts and exchange a message.

Screenshots of the form, my interests and the introduction page in id, ja and en, and at
phone width, go to JEMBATAN_SCREENSHOTS (else the test's temporary folder).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from jembatan.engagement.models import ExpressionOfInterest
from tests.engagement.conftest import OWNER_CONTACT, OWNER_NAME, REQUESTER_CONTACT, REQUESTER_NAME

pytestmark = pytest.mark.browser


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("JEMBATAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def signed_in(browser: Any, live_server: Any, user: Any, width: int = 1280) -> Any:
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": width, "height": 900})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context.new_page()


def shoot(page: Any, user: Any, url: str, name: str, folder: Path) -> None:
    for language in ("id", "ja", "en"):
        user.language = language
        user.save(update_fields=["language"])
        page.goto(url)
        page.screenshot(path=str(folder / f"{name}-{language}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_interest_to_introduction(
    live_server, browser, screenshots, profile, requester, requester_contact, member, owner_contact
) -> None:  # type: ignore[no-untyped-def]
    requester.language = "ja"
    requester.save(update_fields=["language"])
    page = signed_in(browser, live_server, requester)
    page.goto(f"{live_server.url}/profiles/{profile.pk}/")
    assert OWNER_NAME not in page.locator("main").inner_text()
    page.get_by_role("link", name="関心を表明する").click()
    page.locator("#id_message").fill(
        "弊社は繊維製品の輸入商社です。貴社の織物を日本の百貨店向けに扱いたいと考えています。"
    )
    page.get_by_label(REQUESTER_CONTACT["name"], exact=False).check()
    shoot(page, requester, page.url, "interest-form", screenshots)
    requester.language = "ja"
    requester.save(update_fields=["language"])
    page.goto(f"{live_server.url}/interests/new/{profile.pk}/")
    page.locator("#id_message").fill(
        "弊社は繊維製品の輸入商社です。貴社の織物を日本の百貨店向けに扱いたいと考えています。"
    )
    page.get_by_label(REQUESTER_CONTACT["name"], exact=False).check()
    page.get_by_role("button", name="送信").click()
    interest = ExpressionOfInterest.objects.get()
    page.wait_for_url(f"{live_server.url}/interests/{interest.pk}/")
    assert interest.message_language == "ja"
    assert OWNER_NAME not in page.locator("main").inner_text()
    shoot(
        page, requester, f"{live_server.url}/interests/?box=sent", "my-interests-sent", screenshots
    )

    owner = signed_in(browser, live_server, member)
    owner.goto(f"{live_server.url}/interests/?box=received")
    main = owner.locator("main").inner_text()
    assert REQUESTER_NAME in main
    assert REQUESTER_CONTACT["email"] not in main
    shoot(owner, member, owner.url, "my-interests-received", screenshots)
    member.language = "id"
    member.save(update_fields=["language"])
    owner.goto(f"{live_server.url}/interests/{interest.pk}/")
    owner.get_by_label(OWNER_CONTACT["name"], exact=False).check()
    owner.get_by_role("button", name="Terima dan perkenalkan kami").click()
    interest.refresh_from_db()
    url = f"{live_server.url}/interests/introductions/{interest.introduction.pk}/"
    owner.wait_for_url(url)
    assert REQUESTER_CONTACT["email"] in owner.locator("main").inner_text()
    owner.locator("#id_body").fill("Terima kasih, kami senang bisa berkenalan.")
    owner.get_by_role("button", name="Kirim").click()
    owner.wait_for_url(url)

    requester.language = "ja"
    requester.save(update_fields=["language"])
    page.goto(url)
    main = page.locator("main").inner_text()
    assert OWNER_NAME in main
    assert OWNER_CONTACT["email"] in main
    assert OWNER_CONTACT["phone"] in main
    assert "Terima kasih, kami senang bisa berkenalan." in main
    page.get_by_role("button", name="初回商談済み").click()
    page.wait_for_url(url)
    shoot(page, requester, url, "introduction", screenshots)

    phone = signed_in(browser, live_server, requester, width=390)
    for name, target in (
        ("introduction", url),
        ("my-interests", f"{live_server.url}/interests/?box=sent"),
        ("interest-form", f"{live_server.url}/interests/new/{profile.pk}/"),
    ):
        phone.goto(target)
        phone.screenshot(path=str(screenshots / f"{name}-phone.png"), full_page=True)
