"""Two-factor sign-in (TOTP): enrolment, the code step, throttling, lockout and the API."""

from __future__ import annotations

import re
import time
from base64 import b32decode
from binascii import unhexlify
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from jembatan.accounts.domain import two_factor
from jembatan.core.models import AuditLogEntry
from tests.factories import UserFactory

PASSWORD = "correct horse battery"
LOGIN = "/accounts/login/"
VERIFY = "/accounts/two-factor/verify/"
ENROL = "/accounts/two-factor/"
OFFICER_PAGE = "/accounts/claims/"
TOKEN = "/api/v1/auth/token/"


@pytest.fixture(autouse=True)
def _limits(settings):  # type: ignore[no-untyped-def]
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    settings.JEMBATAN_REQUIRE_2FA = False


def code_for(device: TOTPDevice) -> str:
    number = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{number:06d}"


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(code_for(device)) + 500_000) % 1_000_000:06d}"


@pytest.fixture
def device(officer) -> TOTPDevice:  # type: ignore[no-untyped-def]
    return TOTPDevice.objects.create(user=officer, name="Jembatan", confirmed=True)


def sign_in(client: Client, username: str = "officer") -> object:
    return client.post(LOGIN, {"username": username, "password": PASSWORD})


def test_enrolment_with_real_code_confirms_device(client: Client, officer) -> None:  # type: ignore[no-untyped-def]
    sign_in(client)
    page = client.get(ENROL)
    html = page.content.decode()
    assert page.status_code == 200
    assert re.search(r'<img src="data:image/svg\+xml;charset=utf-8,%3Csvg[^"]+"', html)
    assert "<script" not in html.split('<section class="card')[1].split("</section>")[0]
    key = client.session[two_factor.SESSION_NEW_KEY]
    pending = TOTPDevice(user=officer, key=key)
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', html)
    assert secret is not None
    assert secret.group(1).replace(" ", "") in pending.config_url
    assert client.post(ENROL, {"code": wrong_code(pending)}).status_code == 200
    assert not TOTPDevice.objects.filter(user=officer).exists()

    code = code_for(pending)
    response = client.post(ENROL, {"code": code})

    assert response.status_code == 302
    saved = TOTPDevice.objects.get(user=officer)
    assert saved.confirmed is True
    assert unhexlify(saved.key) == pending.bin_key
    assert client.session["otp_device_id"] == saved.persistent_id
    assert AuditLogEntry.objects.filter(action="jembatan.account.two_factor_enabled").count() == 1
    # The code used to enrol cannot sign in again (replay).
    assert saved.verify_token(code) is False


def test_sign_in_with_device_requires_code(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    response = sign_in(client)
    assert response["Location"] == f"{VERIFY}?next=%2F"
    followed = client.get(OFFICER_PAGE)
    assert followed.status_code == 302
    assert followed["Location"] == f"{VERIFY}?next=%2Faccounts%2Fclaims%2F"
    assert client.get("/admin/").status_code == 302
    assert client.get("/api/v1/companies/").status_code == 403

    verified = client.post(VERIFY, {"code": code_for(device), "next": OFFICER_PAGE})

    assert verified["Location"] == OFFICER_PAGE
    assert client.get(OFFICER_PAGE).status_code == 200
    assert two_factor.SESSION_PENDING not in client.session


def test_wrong_codes_refused_throttled_and_counted(client: Client, device, settings) -> None:  # type: ignore[no-untyped-def]
    settings.OTP_TOTP_THROTTLE_FACTOR = 600  # the wait cannot run out during the test
    sign_in(client)
    for _ in range(3):
        response = client.post(VERIFY, {"code": wrong_code(device)})
        assert response.status_code == 200
    device.refresh_from_db()
    # Checked once; the next two came within the wait the first failure set, so were refused
    # without being checked (and without doubling the wait again).
    assert device.throttling_failure_count == 1
    assert device.verify_is_allowed()[0] is False
    assert AccessAttempt.objects.get(username="officer").failures_since_start == 3
    # The right code is not checked while throttled: still refused.
    assert client.post(VERIFY, {"code": code_for(device)}).status_code == 200
    assert client.get(OFFICER_PAGE).status_code == 302


def test_wrong_codes_lock_out_like_passwords(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    sign_in(client)
    statuses = [client.post(VERIFY, {"code": wrong_code(device)}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert "_auth_user_id" not in client.session
    assert sign_in(client).status_code == 429


def test_malformed_code_names_field(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    sign_in(client)
    response = client.post(VERIFY, {"code": "abc"})
    assert response.status_code == 200
    assert "Enter the six digits the app shows." in response.content.decode()


def test_require_2fa_sends_officer_to_enrolment(client: Client, officer, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_REQUIRE_2FA = True
    sign_in(client)
    response = client.get(OFFICER_PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(ENROL + "?next=")
    assert client.get(ENROL).status_code == 200


def test_require_2fa_leaves_company_members_alone(client: Client, member, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_REQUIRE_2FA = True
    sign_in(client, "member")
    assert client.get("/accounts/profile/").status_code == 200
    assert client.get(ENROL).status_code == 403


def test_superuser_admin_needs_code(client: Client, db) -> None:  # type: ignore[no-untyped-def]
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    device = TOTPDevice.objects.create(user=admin, confirmed=True)
    client.post("/admin/login/", {"username": "root", "password": PASSWORD})
    assert client.get("/admin/").status_code == 302
    client.post(VERIFY, {"code": code_for(device)})
    assert client.get("/admin/").status_code == 200


def test_disable_with_current_code(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    sign_in(client)
    client.post(VERIFY, {"code": code_for(device)})
    device.refresh_from_db()
    device.last_t -= 1  # the next code in the same time step: let the same one count once more
    device.save()
    assert client.post(ENROL, {"code": wrong_code(device)}).status_code == 200
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    device.refresh_from_db()
    device.throttle_reset()
    assert client.post(ENROL, {"code": code_for(device)}).status_code == 302
    assert not TOTPDevice.objects.exists()


def test_api_token_requires_otp_for_device(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    data = {"username": "officer", "password": PASSWORD}
    missing = client.post(TOKEN, data, HTTP_ACCEPT_LANGUAGE="en")
    assert missing.status_code == 400
    assert list(missing.json()) == ["otp"]
    wrong = client.post(TOKEN, {**data, "otp": wrong_code(device)})
    assert wrong.status_code == 400
    device.throttle_reset()
    right = client.post(TOKEN, {**data, "otp": code_for(device)})
    assert right.status_code == 200


def test_api_token_without_device_unchanged(client: Client, member) -> None:  # type: ignore[no-untyped-def]
    response = client.post(TOKEN, {"username": "member", "password": PASSWORD})
    assert response.status_code == 200


def test_non_officers_unaffected(client: Client, member) -> None:  # type: ignore[no-untyped-def]
    sign_in(client, "member")
    assert two_factor.SESSION_PENDING not in client.session
    profile = client.get("/accounts/profile/").content.decode()
    assert ENROL not in profile
    assert client.get(ENROL).status_code == 403


def test_admin_action_removes_device(client: Client, device, db) -> None:  # type: ignore[no-untyped-def]
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(
        "/admin/accounts/user/",
        {"action": "remove_two_factor", "_selected_action": [device.user_id]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.exists()
    entry = AuditLogEntry.objects.get(action="jembatan.account.two_factor_removed")
    assert entry.actor == admin


@pytest.mark.parametrize(
    ("language", "text"),
    [("ja", "二要素認証"), ("id", "Verifikasi dua langkah")],
)
def test_code_page_translated(client: Client, device, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    device.user.language = language
    device.user.save()
    sign_in(client)
    assert text in client.get(VERIFY).content.decode()


@pytest.mark.browser
def test_enrol_and_sign_in_in_browser(live_server, browser, officer) -> None:  # type: ignore[no-untyped-def]
    """An officer sets it up by reading the key off the page, then signs in with a code."""
    context = browser.new_context()
    page = context.new_page()
    _password_step(page, live_server.url)
    page.goto(f"{live_server.url}{ENROL}")
    assert page.locator("img").first.evaluate("img => img.naturalWidth") > 0
    secret = page.locator("code.secret").inner_text().replace(" ", "")
    key = b32decode(secret)
    page.fill("input[name=code]", _code(key, steps_ahead=0))
    page.get_by_role("button", name="Turn two-factor sign-in on").click()
    page.get_by_text("Two-factor sign-in is on.").wait_for()
    context.close()

    context = browser.new_context()
    page = context.new_page()
    _password_step(page, live_server.url)
    page.goto(f"{live_server.url}{OFFICER_PAGE}")
    assert page.url.startswith(f"{live_server.url}{VERIFY}")
    page.fill("input[name=code]", _code(key, steps_ahead=1))  # the enrolment code is spent
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}{OFFICER_PAGE}")
    context.close()


def _password_step(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{url}{LOGIN}")
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_load_state()


def _code(key: bytes, steps_ahead: int) -> str:
    generator = TOTP(key)
    generator.time = time.time() + 30 * steps_ahead
    return f"{generator.token():06d}"
