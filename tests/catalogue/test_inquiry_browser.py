"""A Japanese buyer on a phone (390x844) finds an Indonesian product on the showcase by a
Japanese query and sends an inquiry, in a real Chromium; the inquiry waits for an officer.

Screenshots go to JEMBATAN_SCREENSHOTS (else the test's temporary folder)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.cache import cache

from jembatan.catalogue.domain.search import refresh_products
from jembatan.catalogue.models import Inquiry, InquiryStatus
from tests.catalogue.conftest import make_product, shown, verify
from tests.factories import CompanyFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("JEMBATAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.django_db(transaction=True)
def test_japanese_buyer_on_a_phone_finds_a_product_and_sends_an_inquiry(
    live_server, browser, settings, screenshots
) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_INQUIRY_MIN_SECONDS = 1
    cache.clear()
    company = verify(CompanyFactory(name="PT Kemasan Nusantara", name_kana="ケマサン・ヌサンタラ"))
    box = shown(
        make_product(
            company,
            name="Kotak karton bergelombang",
            description="Kemasan kardus untuk pengiriman makanan ringan dan buah.",
            unit="box",
        )
    )
    gear = shown(
        make_product(
            company,
            name="Roda gigi baja presisi",
            description="Komponen logam hasil permesinan CNC untuk sepeda motor.",
        )
    )
    refresh_products([box.pk, gear.pk])

    context = browser.new_context(
        viewport=PHONE, locale="ja-JP", is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/showcase/")
    assert page.locator("html").get_attribute("lang") == "ja"
    page.get_by_role("searchbox").or_(page.locator("input[name=q]")).first.fill("段ボール箱の包装")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshots / "showcase-search-phone.png"), full_page=True)
    page.get_by_role("link", name="Kotak karton bergelombang").first.click()
    page.wait_for_url("**/showcase/products/**")
    page.get_by_role("link", name="問い合わせる").click()
    page.wait_for_url("**/inquiries/product/**")
    # Nothing is wider than the phone: the form reads without sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_label("貴社名").fill("株式会社さくら商事")
    page.get_by_label("ご担当者名").fill("山田花子")
    page.get_by_label("メール", exact=False).first.fill("hanako@sakura-shoji.example.jp")
    page.get_by_label("お探しの製品・内容").fill("菓子用の段ボール箱")
    page.get_by_label("数量").fill("月5000箱")
    page.get_by_label("メッセージ").fill("見積もりをお願いします。")
    page.screenshot(path=str(screenshots / "inquiry-form-phone.png"), full_page=True)
    page.wait_for_timeout(1200)  # a person takes longer than the minimum form time
    page.get_by_role("button", name="問い合わせを送信する").click()
    page.wait_for_url("**/inquiries/sent/")
    assert "お問い合わせありがとうございます" in page.locator("main").inner_text()
    page.screenshot(path=str(screenshots / "inquiry-sent-phone.png"), full_page=True)
    context.close()

    inquiry = Inquiry.objects.get()
    assert inquiry.product == box
    assert inquiry.status == InquiryStatus.AWAITING_OFFICER
    assert inquiry.quantity == "月5000箱"
    assert inquiry.language == "ja"
