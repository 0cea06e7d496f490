"""A participant opens the event-day page on a phone (390 px wide) in Chromium: the next
meeting first, with its time, table, partner and interpreter; screenshots in id, ja, en
(into $JEMBATAN_SCREENSHOTS, e.g. docs/screenshots, when it is set)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jembatan.events.models import Meeting, Stage
from tests.events import factories

pytestmark = pytest.mark.browser

NEXT = {"id": "Pertemuan berikutnya", "ja": "次の商談", "en": "Next meeting"}
SIGN_IN = {"id": "Masuk", "ja": "ログイン", "en": "Sign in"}


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("JEMBATAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _published(fair, sender, receiver, code: str, table: int, **kwargs) -> None:  # type: ignore[no-untyped-def]
    Meeting.objects.create(
        event=fair.event,
        request=factories.accepted(sender, receiver),
        stage=Stage.PUBLISHED,
        slot=factories.slot(fair.event, code),
        table=fair.event.tables.get(number=table),
        **kwargs,
    )


@pytest.mark.parametrize("language", ["id", "ja", "en"])
def test_participant_opens_the_event_day_page_on_a_phone(  # type: ignore[no-untyped-def]
    live_server, browser, fair, member, other_company, clock, screenshots: Path, language: str
) -> None:
    other_company.name_kana = "アカシセイミツ"
    other_company.save()
    _published(fair, fair.budi, fair.suzuki, "d1-0900", 1)
    _published(fair, fair.budi, fair.tanaka, "d1-1000", 2, interpreter=fair.rina)
    _published(fair, fair.dewi, fair.budi, "d1-1330", 3)
    clock.set("2026-03-10 09:40")  # the first meeting is over, the second comes next
    member.language = language
    member.save()
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("member")
    page.locator("#id_password").fill("correct horse battery")
    page.locator("main form").get_by_role("button").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/events/{fair.event.pk}/participants/{fair.budi.pk}/day/")
    card = page.locator(".ev-day__card--next")
    assert card.locator("h2").inner_text().strip().lower() == NEXT[language].lower()
    text = card.inner_text()
    assert ("10.00–10.30" if language == "id" else "10:00–10:30") in text  # Jakarta time
    assert "Tanaka Hiroshi" in text
    assert "Akashi Seimitsu" in text
    assert "Rina Wijaya" in text  # the interpreter
    assert page.locator(".ev-day__list li").count() == 2  # later today, and one over
    # Nothing is wider than the phone: no sideways scrolling.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    page.locator(".ev-day__earlier summary").click()
    assert "Suzuki Yuki" in page.locator(".ev-day__earlier").inner_text()
    page.screenshot(path=str(screenshots / f"event-day-phone-{language}.png"), full_page=True)
    context.close()
