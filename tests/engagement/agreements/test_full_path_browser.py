"""Issue 10's full path in a real Chromium, with no JavaScript needed:

a Japanese SME (interface in Japanese) finds an anonymous Indonesian offer through a
Japanese search and expresses interest; the Indonesian owner (interface in Indonesian)
accepts; both see each other's names and contacts; they exchange a message; they record a
meeting and an agreement; both confirm; the figures the indicators read change.

Screenshots of the board, the table and the agreement form in id, ja and en, and at phone
width, go to JEMBATAN_SCREENSHOTS (else the test's temporary folder).
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from jembatan.engagement.domain.figures import programme_totals
from jembatan.engagement.models import Agreement, ExchangeRate, ExpressionOfInterest
from jembatan.matching.domain import embeddings
from jembatan.registry.models import ProgrammeSector
from tests.factories import ContactFactory
from tests.matching.conftest import corpus, matching_settings  # noqa: F401 - fixtures by name
from tests.opportunities.factories import published

pytestmark = pytest.mark.browser

OFFER_TITLE = "Standing pouch cetak untuk produk makanan ekspor ke Jepang"


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


def speak(user: Any, language: str) -> None:
    user.language = language
    user.save(update_fields=["language"])


def shoot(page: Any, user: Any, url: str, name: str, folder: Path, phone: Any = None) -> None:
    for language in ("id", "ja", "en"):
        speak(user, language)
        page.goto(url)
        page.screenshot(path=str(folder / f"{name}-{language}.png"), full_page=True)
    if phone is not None:
        phone.goto(url)
        phone.screenshot(path=str(folder / f"{name}-phone.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_full_path_from_search_to_confirmed_agreement(
    live_server: Any,
    browser: Any,
    screenshots: Path,
    corpus: Any,  # noqa: F811
    company: Any,
    other_company: Any,
    member: Any,
    outsider: Any,
    officer: Any,
) -> None:
    japanese, indonesian = outsider, member  # other_company (JP) and company (ID)
    owner_contact = ContactFactory(
        company=company, name="Dewi Lestari", email="dewi@kemas-rapi.co.id", phone="+62317770001"
    )
    ContactFactory(
        company=other_company, name="田中 博", email="tanaka@naniwa-hoso.jp", phone="+81661234567"
    )
    offer = published(
        company=company,
        kind="business",
        direction="offer",
        cooperation_types=["supply"],
        title=OFFER_TITLE,
        summary="Kami memproduksi standing pouch cetak berlapis aluminium untuk makanan ringan dan kopi.",
        description="Kapasitas 200.000 kemasan per bulan, bersertifikat halal dan ISO 22000.",
        language="id",
        sector=ProgrammeSector.objects.get(slug="packaging"),
        is_anonymous=True,
        target_countries=["JP"],
    )
    embeddings.refresh_profile(offer.pk)
    ExchangeRate.objects.create(
        on=timezone.localdate() - dt.timedelta(days=30),
        idr_per_usd=Decimal("16250.5"),
        jpy_per_usd=Decimal("151.25"),
    )
    before = programme_totals(timezone.localdate(), "IDR")

    # 1. The Japanese SME searches in Japanese and finds the anonymous Indonesian offer.
    speak(japanese, "ja")
    page = signed_in(browser, live_server, japanese)
    page.goto(
        f"{live_server.url}/matching/search/?q=食品用の印刷スタンドパウチの供給元&type=profile"
    )
    main = page.locator("main").inner_text()
    assert OFFER_TITLE in main
    assert "PT Kemas Rapi Sidoarjo" not in main  # anonymous: the poster stays hidden
    page.goto(f"{live_server.url}/interests/new/{offer.pk}/")
    page.locator("#id_message").fill(
        "弊社は大阪の包装機械メーカーです。貴社のスタンドパウチを日本向け食品に採用したいと考えています。"
    )
    page.get_by_label("田中 博", exact=False).check()
    page.get_by_role("button", name="送信").click()
    interest = ExpressionOfInterest.objects.get()
    page.wait_for_url(f"{live_server.url}/interests/{interest.pk}/")
    assert "PT Kemas Rapi Sidoarjo" not in page.locator("main").inner_text()

    # 2. The Indonesian owner accepts, in Indonesian.
    speak(indonesian, "id")
    owner = signed_in(browser, live_server, indonesian)
    owner.goto(f"{live_server.url}/interests/{interest.pk}/")
    owner.get_by_label(owner_contact.name, exact=False).check()
    owner.get_by_role("button", name="Terima dan perkenalkan kami").click()
    interest.refresh_from_db()
    introduction = interest.introduction
    intro_url = f"{live_server.url}/interests/introductions/{introduction.pk}/"
    owner.wait_for_url(intro_url)
    main = owner.locator("main").inner_text()
    assert "株式会社浪速包装機械" in main
    assert "tanaka@naniwa-hoso.jp" in main

    # 3. Both see names and contacts; they exchange a message.
    owner.locator("#id_body").fill("Terima kasih. Kami siap mengirim sampel ke Osaka.")
    owner.get_by_role("button", name="Kirim").click()
    owner.wait_for_url(intro_url)
    page.goto(intro_url)
    main = page.locator("main").inner_text()
    assert "PT Kemas Rapi Sidoarjo" in main
    assert "dewi@kemas-rapi.co.id" in main
    assert "Terima kasih. Kami siap mengirim sampel ke Osaka." in main
    page.locator("#id_body").fill(
        "サンプルをお待ちしております。来月ジャカルタで打ち合わせをしましょう。"
    )
    page.get_by_role("button", name="送信").click()
    page.wait_for_url(intro_url)

    # 4. They record the meeting (stage) and the agreement.
    page.get_by_role("button", name="初回商談済み").click()
    page.wait_for_url(intro_url)
    page.get_by_role("link", name="契約を記録する").click()
    form_url = f"{live_server.url}/interests/introductions/{introduction.pk}/agreement/"
    page.wait_for_url(form_url)
    page.locator("#id_type").select_option("supply")
    page.locator("#id_signed_on").fill((timezone.localdate() - dt.timedelta(days=2)).isoformat())
    page.locator("#id_value_amount").fill("2.400.000.000")
    page.locator("#id_value_currency").select_option("IDR")
    page.locator("#id_investment_amount").fill("30,000,000")
    page.locator("#id_investment_currency").select_option("JPY")
    page.locator("#id_jobs_expected").fill("15")
    page.get_by_role("button", name="契約を記録する").click()
    agreement = Agreement.objects.get()
    detail = f"{live_server.url}/interests/agreements/{agreement.pk}/"
    page.wait_for_url(detail)
    assert agreement.status == "reported"
    introduction.refresh_from_db()
    assert introduction.stage == "signed"

    # 5. Both confirm; the figures change.
    page.get_by_role("button", name="自社として確認する").click()
    page.wait_for_url(detail)
    owner.goto(detail)
    owner.get_by_role("button", name="Konfirmasi atas nama perusahaan saya").click()
    owner.wait_for_url(detail)
    agreement.refresh_from_db()
    assert agreement.status == "confirmed"
    assert "Dikonfirmasi" in owner.locator("main").inner_text()
    after = programme_totals(timezone.localdate(), "IDR")
    assert (before.agreements_confirmed, after.agreements_confirmed) == (0, 1)
    assert after.value is not None
    assert after.value.amount == 2_400_000_000
    assert after.investment is not None
    assert after.investment.amount == 3_223_239_669  # 30 million yen at 16250.5 / 151.25
    assert after.jobs_expected == 15
    assert after.introductions_by_stage["signed"] == before.introductions_by_stage["signed"] + 1

    # Screenshots: the officers' board and table, the agreement form, in each language.
    speak(japanese, "ja")
    phone_page = signed_in(browser, live_server, japanese, width=390)
    shoot(page, japanese, form_url, "agreement-form", screenshots, phone_page)
    shoot(page, japanese, detail, "agreement-detail", screenshots, phone_page)
    desk = signed_in(browser, live_server, officer)
    officer_phone = signed_in(browser, live_server, officer, width=390)
    shoot(
        desk,
        officer,
        f"{live_server.url}/interests/pipeline/",
        "pipeline-board",
        screenshots,
        officer_phone,
    )
    shoot(
        desk,
        officer,
        f"{live_server.url}/interests/pipeline/table/",
        "pipeline-table",
        screenshots,
        officer_phone,
    )
    shoot(
        desk,
        officer,
        f"{live_server.url}/interests/agreements/",
        "agreement-list",
        screenshots,
        officer_phone,
    )
