"""An institution member records an MoU in a real Chromium, at phone width, in Japanese:
the date error names the end date, the corrected MoU shows as active, and no page of the
way is wider than the phone. Screenshots go to JEMBATAN_SCREENSHOTS (else a temporary
folder)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from jembatan.vocational.models import Mou

pytestmark = pytest.mark.browser
PHONE = 390


def signed_in(browser: Any, live_server: Any, user: Any) -> Any:
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": PHONE, "height": 800})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context.new_page()


def fits(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


@pytest.mark.django_db(transaction=True)
def test_member_records_mou_on_a_phone_in_japanese(
    live_server: Any, browser: Any, tmp_path: Path, school_member: Any, school: Any, host: Any
) -> None:
    folder = Path(os.environ.get("JEMBATAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    school_member.language = "ja"
    school_member.save(update_fields=["language"])
    page = signed_in(browser, live_server, school_member)
    page.goto(f"{live_server.url}/vocational/mous/new/")
    page.get_by_label("タイトル").fill("MoU SMTI Yogyakarta – Akashi College")
    page.get_by_label("当事者となる教育機関").select_option([str(school.pk), str(host.pk)])
    page.get_by_label("署名日").fill("2016-07-27")
    page.get_by_label("開始日").fill("2016-07-27")
    page.get_by_label("終了日").fill("2016-07-01")
    page.get_by_role("checkbox", name="教員交流").check()
    page.get_by_role("button", name="保存").click()
    assert "終了日（2016-07-01）が開始日（2016-07-27）より前です。" in page.inner_text("main")
    assert fits(page)
    page.screenshot(path=str(folder / "vocational-mou-form-ja.png"), full_page=True)
    page.get_by_label("終了日").fill("2036-07-26")
    page.get_by_role("button", name="保存").click()
    page.wait_for_url(f"{live_server.url}/vocational/mous/*/")
    mou = Mou.objects.get()
    assert "有効" in page.inner_text("h1")
    assert list(mou.scope_items.values_list("kind", flat=True)) == ["teacher_exchange"]
    assert fits(page)
    page.goto(f"{live_server.url}/vocational/mous/")
    assert fits(page)
    page.screenshot(path=str(folder / "vocational-mou-list-ja.png"), full_page=True)
