"""The directory in a real Chromium: sign in, switch to Japanese, search, screenshots.

Screenshots go to the folder named by JEMBATAN_SCREENSHOTS (docs/screenshots to refresh the
ones in the repository), else to the test's temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from jembatan.registry.models import Company
from tests.factories import CompanyFactory, OrganisationFactory, UserFactory
from tests.registry.sample import make_certification, make_regions, make_sectors

pytestmark = pytest.mark.browser


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("JEMBATAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _directory_data() -> Company:
    regions, sectors = make_regions(), make_sectors()
    iso = make_certification()
    rows = [
        (
            "PT Karton Jaya Abadi",
            "ID",
            "ID-JB",
            "Bandung",
            "packaging",
            "verified",
            "Produsen kemasan karton bergelombang untuk makanan ringan dan minuman.",
            "id",
            "",
        ),
        (
            "CV Batik Sekar Jagad",
            "ID",
            "ID-JT",
            "Surakarta",
            "",
            "unverified",
            "Batik tulis dan cap untuk pakaian dan interior, ekspor ke Jepang sejak 2015.",
            "id",
            "",
        ),
        (
            "PT Presisi Logam Nusantara",
            "ID",
            "ID-JB",
            "Bekasi",
            "components",
            "verified",
            "Komponen logam presisi untuk sepeda motor: bubut CNC, stamping, dan perlakuan panas.",
            "id",
            "",
        ),
        (
            "Akashi Seimitsu",
            "JP",
            "JP-28",
            "明石市",
            "components",
            "verified",
            "自動車・二輪車向け精密金属部品の切削加工。インドネシアでの協業先を探しています。",
            "ja",
            "明石精密株式会社",
        ),
        (
            "Toyohashi Pack",
            "JP",
            "JP-23",
            "豊橋市",
            "packaging",
            "unverified",
            "食品用の軽量包装フィルムと成形トレイを製造しています。",
            "ja",
            "豊橋パック株式会社",
        ),
    ]
    akashi = None
    for name, country, region, city, sector, verification, text, lang, alt in rows:
        company = CompanyFactory(
            name=name,
            country=country,
            region=regions[region],
            city=city,
            name_alt=alt,
            verification=verification,
            description=text,
            description_language=lang,
        )
        if sector:
            company.sectors.add(sectors[sector])
        if verification == "verified":
            company.certifications.add(iso)
        if name == "Akashi Seimitsu":
            akashi = company
    assert akashi is not None
    return akashi


def test_directory_in_japanese_finds_company(live_server, browser, screenshots: Path) -> None:  # type: ignore[no-untyped-def]
    akashi = _directory_data()
    home = CompanyFactory(name="PT Maju Bersama", city="Bandung")
    org = OrganisationFactory(kind="company", company=home, name=home.name)
    UserFactory(username="budi", role="company_member", organisation=org, language="id")

    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="id-ID")
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    page.screenshot(path=str(screenshots / "home.png"), full_page=True)
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("budi")
    page.locator("#id_password").fill("correct horse battery")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")

    page.get_by_role("button", name="日本語").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ja"
    assert page.get_by_role("button", name="ログアウト").is_visible()

    page.get_by_role("navigation").get_by_role("link", name="ディレクトリ", exact=True).click()
    page.wait_for_url(f"{live_server.url}/companies/")
    assert page.get_by_role("heading", level=1).inner_text() == "企業ディレクトリ"
    # An Indonesian member's directory starts on the partner country: the two Japanese firms.
    assert page.locator(".company-card").count() == 2
    page.screenshot(path=str(screenshots / "directory.png"))

    page.get_by_role("searchbox", name="検索").fill("akashi")
    page.wait_for_url("**/companies/?q=akashi*")
    # The name matches first; the other Japanese firm follows by meaning (the search path
    # fuses names with descriptions, within the partner country).
    # A locator wait, not wait_for_function: the Content-Security-Policy forbids eval.
    expect(page.locator(".company-card__name").first).to_have_text("Akashi Seimitsu")
    card = page.locator(".company-card").first
    assert "兵庫県" in card.inner_text()
    assert page.locator(".results__count").inner_text() == "2 社が見つかりました"

    # The language switch keeps the search that htmx pushed into the address.
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/companies/?q=akashi*")
    assert page.locator(".results__count").inner_text() == "2 companies found"
    page.get_by_role("button", name="日本語").click()
    page.wait_for_url("**/companies/?q=akashi*")
    card = page.locator(".company-card").first

    card.get_by_role("link", name="Akashi Seimitsu").click()
    page.wait_for_url(f"{live_server.url}/companies/{akashi.pk}/")
    assert "明石精密株式会社" in page.locator("main").inner_text()
    page.screenshot(path=str(screenshots / "company.png"), full_page=True)

    page.get_by_role("navigation").get_by_role("link", name="自社", exact=True).click()
    page.get_by_role("link", name="プロフィールを編集").click()
    page.get_by_label("市区町村").fill("Cimahi")
    page.screenshot(path=str(screenshots / "company-edit.png"), full_page=True)
    page.get_by_role("button", name="保存").click()
    page.wait_for_url(f"{live_server.url}/companies/{home.pk}/")
    assert (
        page.get_by_role("status").inner_text() == "PT Maju Bersamaのプロフィールを保存しました。"
    )

    phone = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        storage_state=context.storage_state(),
    )
    phone_page = phone.new_page()
    phone_page.goto(f"{live_server.url}/companies/")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    phone_page.screenshot(path=str(screenshots / "directory-phone.png"))
    phone.close()
    context.close()
