"""A Japanese profile read in Indonesian, Japanese and English in a real Chromium, with the
original one click away (no script needed), and at phone width. Screenshots go to the folder
named by JEMBATAN_SCREENSHOTS, else to the test's temporary folder."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from jembatan.translations.domain.versions import save_version, source_hash
from jembatan.translations.models import ContentTranslation
from tests.factories import CompanyFactory, OrganisationFactory, UserFactory
from tests.opportunities.factories import published

pytestmark = pytest.mark.browser
NOW = dt.datetime(2026, 11, 2, 3, 0, tzinfo=dt.UTC)


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("JEMBATAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _profile():  # type: ignore[no-untyped-def]
    naniwa = CompanyFactory(
        name="株式会社浪速包装機械",
        name_alt="Naniwa Packaging Machinery Co., Ltd.",
        country="JP",
        description="",
    )
    org = OrganisationFactory(kind="company", company=naniwa, name=naniwa.name)
    poster = UserFactory(username="naniwa", role="company_member", organisation=org)
    profile = published(
        company=naniwa,
        kind="technology",
        cooperation_types=["licensing"],
        title="小型包装機の技術ライセンス",
        summary="食品向け小型包装機の設計と製造技術をインドネシアのパートナーに提供します。",
        description="当社は大阪で50年、包装機を製造してきました。現地生産と保守を担う企業を探しています。",
        brings="設計図、製造ノウハウ、技術者の派遣",
        seeks="金属加工と組立ができる工場",
        language="ja",
        language_detected="ja",
    )
    save_version(
        poster,
        profile,
        "id",
        {
            "title": "Lisensi teknologi mesin pengemas kecil",
            "summary": "Kami menawarkan desain dan teknologi produksi mesin pengemas kecil untuk "
            "makanan kepada mitra di Indonesia.",
            "description": "Kami telah membuat mesin pengemas di Osaka selama 50 tahun. Kami "
            "mencari perusahaan untuk produksi lokal dan perawatan.",
            "brings": "Gambar desain, pengetahuan produksi, pengiriman teknisi",
            "seeks": "Pabrik yang mampu mengerjakan logam dan perakitan",
        },
        NOW,
    )
    ContentTranslation.objects.create(
        content_object=profile,
        language="en",
        texts={
            "title": "Technology licence for small packaging machines",
            "summary": "We offer the design and manufacturing technology of small food "
            "packaging machines to a partner in Indonesia.",
            "description": "We have built packaging machines in Osaka for 50 years. We are "
            "looking for a company for local production and maintenance.",
            "brings": "Drawings, manufacturing know-how, engineers on site",
            "seeks": "A plant that can do metalworking and assembly",
        },
        origin="machine",
        engine="LibreTranslate",
        made_at=NOW,
        source_language="ja",
        source_hash=source_hash(
            {f: getattr(profile, f) for f in ("title", "summary", "description", "brings", "seeks")}
        ),
    )
    return profile


def test_profile_in_the_readers_language_with_the_original_a_click_away(  # type: ignore[no-untyped-def]
    live_server, browser, screenshots: Path
) -> None:
    profile = _profile()
    home = CompanyFactory(name="PT Maju Bersama", country="ID")
    org = OrganisationFactory(kind="company", company=home, name=home.name)
    UserFactory(username="budi", role="company_member", organisation=org, language="id")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("budi")
    page.locator("#id_password").fill("correct horse battery")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
    url = f"{live_server.url}/profiles/{profile.pk}/"

    page.goto(url)
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Lisensi teknologi mesin pengemas kecil"
    assert page.get_by_text("Diterjemahkan oleh pemasang").is_visible()
    original = page.locator(".translation-notice__original")
    assert not original.locator("dd").first.is_visible()
    page.get_by_text("Teks asli (Bahasa Jepang)").click()
    assert original.get_by_text("小型包装機の技術ライセンス").is_visible()
    page.screenshot(path=str(screenshots / "translation-id.png"), full_page=True)

    page.get_by_role("button", name="日本語").click()
    page.wait_for_load_state()
    assert heading.inner_text() == "小型包装機の技術ライセンス"
    assert page.locator(".translation-notice__origin").count() == 0
    assert "Naniwa Packaging Machinery" not in page.locator(".company__titles").inner_text()
    page.screenshot(path=str(screenshots / "translation-ja.png"), full_page=True)

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert heading.inner_text() == "Technology licence for small packaging machines"
    assert page.get_by_text("Machine translation (LibreTranslate)").is_visible()
    assert "(Naniwa Packaging Machinery Co., Ltd.)" in page.locator(".company__titles").inner_text()
    page.screenshot(path=str(screenshots / "translation-en.png"), full_page=True)

    phone = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        storage_state=context.storage_state(),
    )
    phone_page = phone.new_page()
    phone_page.goto(url)
    phone_page.get_by_text("Original (Japanese)").click()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    phone_page.screenshot(path=str(screenshots / "translation-phone.png"), full_page=True)
    phone.close()
    context.close()


def test_officer_works_the_queue_in_each_language(live_server, browser, screenshots: Path) -> None:  # type: ignore[no-untyped-def]
    from jembatan.translations.domain.versions import request_version

    profile = _profile()
    reader = UserFactory(username="reader", role="viewer")
    # A reader asks for English, which has no version yet.
    ContentTranslation.objects.filter(language="en").delete()
    request_version(reader, profile, "en", NOW)
    UserFactory(username="tanaka", role="officer", language="id")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("tanaka")
    page.locator("#id_password").fill("correct horse battery")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
    for language, button in (("id", "Indonesia"), ("ja", "日本語"), ("en", "English")):
        page.goto(f"{live_server.url}/translations/requests/")
        page.get_by_role("button", name=button).click()
        page.wait_for_load_state()
        page.screenshot(path=str(screenshots / f"translation-queue-{language}.png"), full_page=True)
        page.goto(f"{live_server.url}/translations/opportunities.profile/{profile.pk}/en/")
        page.screenshot(path=str(screenshots / f"translation-form-{language}.png"), full_page=True)
    page.get_by_label("Title").fill("Technology licence for small packaging machines")
    page.get_by_role("button", name="Save the translation").click()
    page.wait_for_url(f"{live_server.url}/profiles/{profile.pk}/")
    assert page.get_by_text("Translated by a programme officer").is_visible()

    phone = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        storage_state=context.storage_state(),
    )
    phone_page = phone.new_page()
    phone_page.goto(f"{live_server.url}/translations/opportunities.profile/{profile.pk}/en/")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    phone_page.screenshot(path=str(screenshots / "translation-form-phone.png"), full_page=True)
    phone.close()
    context.close()
