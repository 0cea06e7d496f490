"""The officers' board in Chromium: a card dragged onto a column moves (board.js), and with
JavaScript off the card's own form moves it."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from jembatan.engagement.models import Introduction

pytestmark = pytest.mark.browser


def officer_page(browser: Any, live_server: Any, officer: Any, javascript: bool) -> Any:
    client = Client()
    client.force_login(officer)
    context = browser.new_context(java_script_enabled=javascript)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context.new_page()


@pytest.mark.django_db(transaction=True)
def test_dragging_a_card_moves_the_introduction(
    live_server: Any, browser: Any, officer: Any, introduction: Introduction
) -> None:
    officer.language = "en"
    officer.save(update_fields=["language"])
    page = officer_page(browser, live_server, officer, javascript=True)
    page.goto(f"{live_server.url}/interests/pipeline/")
    with page.expect_navigation(timeout=10_000):
        # Grabbed by its edge: the middle of the card is its stage menu.
        page.drag_and_drop(
            "[data-card]", '[data-stage="negotiating"]', source_position={"x": 4, "y": 4}
        )
    introduction.refresh_from_db()
    assert introduction.stage == "negotiating"
    assert "Moved to “Negotiating”." in page.locator("main").inner_text()


@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_move_button_works(
    live_server: Any, browser: Any, officer: Any, introduction: Introduction
) -> None:
    officer.language = "en"
    officer.save(update_fields=["language"])
    page = officer_page(browser, live_server, officer, javascript=False)
    page.goto(f"{live_server.url}/interests/pipeline/")
    page.locator("[data-stage-select]").select_option("closed")
    page.locator("[data-reason-select]").select_option("timing")
    page.get_by_role("button", name="Move").click()
    page.wait_for_url(f"{live_server.url}/interests/pipeline/")
    introduction.refresh_from_db()
    assert (introduction.stage, introduction.close_reason) == ("closed", "timing")
