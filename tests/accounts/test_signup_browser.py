"""Sign-up in a real Chromium: the page in each language and at phone width, then issue 9's
journey: a company signs up, confirms its address from the e-mail, an officer verifies it,
the member posts a partnership profile and finds the verification in the notification list
and in an e-mail.

Screenshots go to the folder named by JEMBATAN_SCREENSHOTS, else to the test's temporary one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from jembatan.notifications.domain.delivery import deliver_pending
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Company
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.browser
PASSWORD = "kemasan-karton-2024"


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("JEMBATAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_signup_page_each_language_and_phone(live_server, browser, screenshots: Path) -> None:  # type: ignore[no-untyped-def]
    headings = {
        "id": "Daftarkan perusahaan Anda",
        "ja": "企業の新規登録",
        "en": "Sign up your company",
    }
    for language, heading in headings.items():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies(
            [{"name": "jembatan_language", "value": language, "url": live_server.url}]
        )
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/signup/")
        assert page.locator("h1").inner_text() == heading
        page.screenshot(path=str(screenshots / f"signup-{language}.png"), full_page=True)
        if language == "ja":
            page.get_by_role("button", name="新規登録").click()
            page.locator(".errorlist").first.wait_for()
            page.screenshot(path=str(screenshots / "signup-ja-errors.png"), full_page=True)
        context.close()
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = phone.new_page()
    page.goto(f"{live_server.url}/accounts/signup/")
    page.screenshot(path=str(screenshots / "signup-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    page.goto(f"{live_server.url}/accounts/login/")
    page.screenshot(path=str(screenshots / "login-phone.png"), full_page=True)
    phone.close()


def _link(body: str) -> str:
    found = re.findall(r"https?://\S+", body)
    assert len(found) == 1, body
    return found[0]


def test_company_signs_up_confirms_is_verified_and_notified(  # type: ignore[no-untyped-def]
    live_server, browser, screenshots: Path, settings
) -> None:
    settings.JEMBATAN_SITE_URL = live_server.url
    # Notification e-mails go out when the test says (deliver_pending), not from a thread.
    settings.JEMBATAN_NOTIFICATIONS_DELIVERY = "cron"
    office = OrganisationFactory(kind="programme_office", office="jetro", name="JETRO Jakarta")
    UserFactory(username="petugas", role="officer", organisation=office, language="en")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.add_cookies([{"name": "jembatan_language", "value": "en", "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Sign up your company or institution").click()
    page.wait_for_url(f"{live_server.url}/accounts/signup/")
    page.locator("#id_country").select_option("ID")
    page.locator("#id_registry_id").fill("8120 0012 3456 7")
    page.locator("#id_legal_name").fill("PT Kemasan Nusantara")
    page.locator("#id_region").select_option("ID-JB")
    page.locator("#id_first_name").fill("Dewi")
    page.locator("#id_last_name").fill("Lestari")
    page.locator("#id_email").fill("dewi@kemasan.co.id")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_language").select_option("en")
    page.get_by_role("button", name="Sign up", exact=True).click()
    page.wait_for_url(f"{live_server.url}/accounts/signup/done/")
    page.screenshot(path=str(screenshots / "signup-done-en.png"), full_page=True)

    # Signing in before confirming is refused, with a way to get a new link.
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("dewi@kemasan.co.id")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert "not confirmed yet" in page.locator(".errorlist").inner_text()
    assert page.get_by_role("button", name="Send the confirmation link again").is_visible()
    page.screenshot(path=str(screenshots / "login-unconfirmed-en.png"), full_page=True)

    (confirmation,) = [m for m in mail.outbox if m.to == ["dewi@kemasan.co.id"]]
    assert confirmation.subject == "Jembatan: confirm your e-mail address"
    page.goto(_link(confirmation.body))
    page.get_by_role("button", name="Confirm my address").click()
    page.wait_for_url(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("dewi@kemasan.co.id")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    company = Company.objects.get(registry_id="8120001234567")
    assert company.verification == "unverified"
    page.get_by_role("link", name="Dewi Lestari").click()
    page.wait_for_url(f"{live_server.url}/accounts/profile/")
    page.screenshot(path=str(screenshots / "profile-en.png"), full_page=True)

    officer = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    officer_page = officer.new_page()
    officer_page.goto(f"{live_server.url}/accounts/login/")
    officer_page.locator("#id_username").fill("petugas")
    officer_page.locator("#id_password").fill("correct horse battery")
    officer_page.get_by_role("button", name="Sign in").click()
    officer_page.wait_for_url(f"{live_server.url}/")
    officer_page.goto(f"{live_server.url}/companies/validation/")
    officer_page.locator(f"#queue-{company.pk}").get_by_role("button", name="Verify").click()
    officer_page.locator(f"#queue-{company.pk}.queue-item--done").wait_for()
    company.refresh_from_db()
    assert company.verification == "verified"

    # The member posts a partnership profile and sends it for validation.
    page.goto(f"{live_server.url}/profiles/new/")
    page.locator("#id_direction").select_option("offer")
    page.locator("#id_kind").select_option("business")
    page.locator("#id_title").fill("Corrugated carton packaging for snack makers")
    page.locator("#id_summary").fill(
        "We make printed corrugated cartons and offer supply to Japanese food companies."
    )
    page.get_by_role("button", name="Save draft").click()
    page.get_by_role("button", name="Submit for validation").click()
    profile = PartnershipProfile.objects.get(company=company)
    assert profile.status == "submitted"

    # The notification: in the list (the bell counts it) and, once delivered, by e-mail.
    page.goto(f"{live_server.url}/")
    assert page.locator(".bell__count").inner_text().startswith("1")
    page.locator(".bell").click()
    page.wait_for_url(f"{live_server.url}/notifications/")
    item = page.locator(".notification").first
    assert item.locator(".notification__title").inner_text() == "PT Kemasan Nusantara is verified"
    page.screenshot(path=str(screenshots / "notifications-after-signup-en.png"), full_page=True)
    assert deliver_pending(now=timezone.now()) == 1
    subject = "Jembatan: PT Kemasan Nusantara is verified"
    (notice,) = [m for m in mail.outbox if m.subject == subject]
    assert notice.to == ["dewi@kemasan.co.id"]
    assert f"{live_server.url}/companies/{company.pk}/" in notice.body


def test_account_pages_each_language_and_phone(live_server, browser, screenshots: Path) -> None:  # type: ignore[no-untyped-def]
    """Every accounts page in id, ja, en and at phone width: it renders, in its language,
    never wider than the screen."""
    from jembatan.accounts.domain import tokens
    from jembatan.accounts.domain.invitations import invite
    from jembatan.accounts.domain.signup import NewPerson, sign_up_company, sign_up_institution
    from jembatan.registry.models import Region
    from tests.factories import CompanyFactory

    imported = CompanyFactory(country="ID", registry_id="8120001234567", name="PT Impor")
    person = NewPerson("Dewi", "Lestari", "dewi@kemasan.co.id", PASSWORD, "id")
    sign_up_company(
        country="ID",
        registry_id=imported.registry_id,
        legal_name="PT Kemasan Nusantara",
        region=Region.objects.get(code="ID-JB"),
        person=person,
    )
    sign_up_institution(
        name="SMK Negeri 2 Bandung",
        institution_type="smk",
        country="ID",
        region=Region.objects.get(code="ID-JB"),
        person=NewPerson("Agus", "Salim", "agus@smkn2bdg.sch.id", PASSWORD, "id"),
    )
    company_org = OrganisationFactory(kind="company", company=imported, name=imported.name)
    member = UserFactory(username="budi", role="company_member", organisation=company_org)
    invitation = invite(member, "rina@kemasan.co.id", "id")
    office = OrganisationFactory(kind="programme_office", office="kemenperin", name="Kemenperin")
    UserFactory(username="petugas", role="officer", organisation=office)

    anonymous = {
        "signup-institution": "/accounts/signup/institution/",
        "password-reset": "/accounts/password/reset/",
        "accept-invitation": f"/accounts/invitations/accept/{tokens.invitation_token(invitation)}/",
    }
    as_member = {
        "profile": "/accounts/profile/",
        "email-change": "/accounts/email/",
        "invitations": "/accounts/invitations/",
    }
    as_officer = {"claims": "/accounts/claims/", "institutions": "/accounts/institutions/"}
    sizes = {"id": 1280, "ja": 1280, "en": 1280, "phone": 390}
    for label, width in sizes.items():
        language = "id" if label == "phone" else label
        for who, pages in (("", anonymous), ("budi", as_member), ("petugas", as_officer)):
            context = browser.new_context(viewport={"width": width, "height": 900})
            context.add_cookies(
                [{"name": "jembatan_language", "value": language, "url": live_server.url}]
            )
            page = context.new_page()
            if who:
                page.goto(f"{live_server.url}/accounts/login/")
                page.locator("#id_username").fill(who)
                page.locator("#id_password").fill("correct horse battery")
                page.locator("form.form button[type=submit]").first.click()
                page.wait_for_url(f"{live_server.url}/")
                page.evaluate(
                    "lang => fetch('/language/', {method: 'POST', headers: {'X-CSRFToken': "
                    "document.querySelector('[name=csrfmiddlewaretoken]').value, "
                    "'Content-Type': 'application/x-www-form-urlencoded'}, "
                    "body: 'language=' + lang})",
                    language,
                )
            for name, path in pages.items():
                page.goto(f"{live_server.url}{path}")
                assert page.locator("html").get_attribute("lang") == language, (name, label)
                page.screenshot(path=str(screenshots / f"{name}-{label}.png"), full_page=True)
                scroll = page.evaluate("document.documentElement.scrollWidth")
                assert scroll <= width, (name, label, scroll)
            context.close()
