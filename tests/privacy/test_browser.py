"""Data page and erasure queue in a real Chromium, in each language and at phone width.

Screenshots go to the folder named by JEMBATAN_SCREENSHOTS, else to a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jembatan.accounts.models import User
from jembatan.privacy.models import ErasureRequest, ErasureStatus
from jembatan.registry.models import Company

pytestmark = pytest.mark.browser


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("JEMBATAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sign_in(page, base: str, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("correct horse battery")
    page.locator("#id_password").press("Enter")
    page.wait_for_url(f"{base}/")


def test_member_asks_and_officer_erases(live_server, browser, screenshots, world, officer) -> None:  # type: ignore[no-untyped-def]
    base, company = live_server.url, world.company
    data_url = f"{base}/companies/{company.pk}/data/"
    context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    page = context.new_page()
    _sign_in(page, base, "member")
    for language in ("id", "en", "ja"):
        User.objects.filter(username="member").update(language=language)
        page.goto(data_url)
        page.screenshot(path=str(screenshots / f"data-{language}.png"), full_page=True)
    assert page.locator("h1").inner_text() == "PT Kemasan Budi Santoso について保有するデータ"
    with page.expect_download() as download:
        page.get_by_role("link", name="閲覧用の写し（PDF）").click()
    assert download.value.suggested_filename == f"jembatan-company-{company.pk}.pdf"
    page.get_by_label("消去を申請する理由").fill("事業を終了しました。")
    page.locator("#id_confirm").check()
    page.get_by_role("button", name="消去を申請").click()
    page.wait_for_url(data_url)
    assert "申請をプログラム担当官に送信しました。" in page.content()
    assert ErasureRequest.objects.get().reason == "事業を終了しました。"
    phone = browser.new_context(viewport={"width": 390, "height": 844})
    phone_page = phone.new_page()
    _sign_in(phone_page, base, "teammate")
    phone_page.goto(data_url)
    phone_page.screenshot(path=str(screenshots / "data-phone.png"), full_page=True)

    desk = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
    _sign_in(desk, base, "officer")
    for language in ("en", "ja", "id"):
        User.objects.filter(username="officer").update(language=language)
        desk.goto(f"{base}/privacy/erasure-requests/")
        desk.screenshot(path=str(screenshots / f"queue-{language}.png"), full_page=True)
    officer_phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    _sign_in(officer_phone, base, "officer")
    officer_phone.goto(f"{base}/privacy/erasure-requests/")
    officer_phone.screenshot(path=str(screenshots / "queue-phone.png"), full_page=True)
    desk.locator(f"#reviewed-{ErasureRequest.objects.get().pk}").check()
    desk.get_by_role("button", name="Hapus sekarang").click()
    desk.wait_for_url(f"{base}/privacy/erasure-requests/")
    assert "Data pribadi perusahaan telah dihapus." in desk.content()
    assert ErasureRequest.objects.get().status == ErasureStatus.DONE
    assert Company.objects.get(pk=company.pk).name == f"Erased company #{company.pk}"
    desk.goto(data_url)
    desk.screenshot(path=str(screenshots / "data-erased-id.png"), full_page=True)
    context.close()
