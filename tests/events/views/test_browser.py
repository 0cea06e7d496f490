"""The organiser's flow in a real Chromium: run the scheduler, move a meeting (and see the
conflict warnings), move it back to a free place, publish."""

from __future__ import annotations

import pytest

from jembatan.events.models import Meeting, Stage
from tests.events import factories

pytestmark = pytest.mark.browser


def test_organiser_drafts_edits_and_publishes(live_server, browser, fair, officer) -> None:  # type: ignore[no-untyped-def]
    r1 = factories.accepted(fair.budi, fair.tanaka, 3)
    r2 = factories.accepted(fair.budi, fair.suzuki, 2)
    officer.language = "en"
    officer.save()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("officer")
    page.locator("#id_password").fill("correct horse battery")
    page.locator("main form").get_by_role("button").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/events/{fair.event.pk}/schedule/")
    page.get_by_role("button", name="Run the scheduler").click()
    page.wait_for_url(f"{live_server.url}/events/{fair.event.pk}/schedule/")
    assert page.locator(".draft-meeting").count() == 2
    assert "2 of 2 accepted requests scheduled" in page.locator(".quality").inner_text()

    m1 = Meeting.objects.select_related("slot", "table").get(request=r1, stage=Stage.DRAFT)
    m2 = Meeting.objects.get(request=r2, stage=Stage.DRAFT)
    move = page.locator("form.edit-move")
    move.get_by_label("meeting").select_option(str(m2.pk))
    move.get_by_label("slot").select_option(str(m1.slot_id))
    move.get_by_label("table").select_option(str(m1.table_id))
    move.get_by_role("button", name="Move").click()
    page.wait_for_url(f"{live_server.url}/events/{fair.event.pk}/schedule/")
    assert page.locator(".conflict").count() == 2
    assert "already meets in slot" in page.locator(".conflicts").inner_text()

    page.get_by_role("button", name="Publish the draft").click()
    assert "cannot be published while it has 2 conflicts" in page.get_by_role("status").inner_text()

    free = fair.event.slots.exclude(pk=m1.slot_id).order_by("starts_at").last()
    move = page.locator("form.edit-move")
    move.get_by_label("meeting").select_option(str(m2.pk))
    move.get_by_label("slot").select_option(str(free.pk))
    move.get_by_label("table").select_option(str(m1.table_id))
    move.get_by_role("button", name="Move").click()
    page.wait_for_url(f"{live_server.url}/events/{fair.event.pk}/schedule/")
    assert page.locator(".conflict").count() == 0

    page.get_by_role("button", name="Publish the draft").click()
    page.wait_for_url(f"{live_server.url}/events/{fair.event.pk}/schedule/")
    assert "2 meetings are published." in page.get_by_role("status").inner_text()
    published = Meeting.objects.get(request=r2, stage=Stage.PUBLISHED)
    assert published.slot_id == free.pk
    context.close()
