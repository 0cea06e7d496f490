"""Two-factor sign-in (TOTP): enrolment, the code step, throttling, lockout and the API."""

from __future__ import annotations

import re
import time
from base64 import b32decode
from binascii import unhexlify
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.test import Client
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from jembatan.accounts.domain import two_factor
from jembatan.accounts.models import SecurityEvent
from jembatan.core.models import AuditLogEntry
from tests.factories import UserFactory

PASSWORD = "correct horse battery"
LOGIN = "/accounts/login/"
VERIFY = "/accounts/two-factor/verify/"
ENROL = "/accounts/two-factor/"
OFFICER_PAGE = "/accounts/claims/"
TOKEN = "/api/v1/auth/token/"
RECOVERY = "/accounts/two-factor/recovery-codes/"
CODE_ON_PAGE = re.compile(r"<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>")


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
    # Ten recovery codes, shown on the page the enrolment leads to.
    assert response["Location"] == RECOVERY
    shown = CODE_ON_PAGE.findall(client.get(RECOVERY).content.decode())
    assert len(set(shown)) == 10
    assert StaticToken.objects.filter(device__user=officer).count() == 10


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
    assert "Enter the six digits the app shows, or a recovery code." in response.content.decode()


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
    two_factor.generate_recovery_codes(device.user)
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(
        "/admin/accounts/user/",
        {"action": "remove_two_factor", "_selected_action": [device.user_id]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.exists()
    assert not StaticDevice.objects.exists()
    entry = AuditLogEntry.objects.get(action="jembatan.account.two_factor_removed")
    assert entry.actor == admin


def _enrolled_with_codes(client: Client, device: TOTPDevice) -> list[str]:
    """Signed in and verified, with ten fresh recovery codes."""
    sign_in(client)
    client.post(VERIFY, {"code": code_for(device)})
    return two_factor.generate_recovery_codes(device.user)


def test_recovery_code_signs_in_once(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    codes = two_factor.generate_recovery_codes(device.user)
    sign_in(client)
    typed = codes[0].upper().replace("-", " ")  # as read off paper
    response = client.post(VERIFY, {"code": typed, "next": OFFICER_PAGE})
    assert response["Location"] == OFFICER_PAGE
    assert client.get(OFFICER_PAGE).status_code == 200
    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.RECOVERY_CODE_USED)
    assert event.user == device.user
    assert event.detail == "recovery code used, 9 left"
    client.post("/accounts/logout/")

    sign_in(client)
    again = client.post(VERIFY, {"code": codes[0]})
    assert again.status_code == 200
    assert "This recovery code is wrong or was used already." in again.content.decode()
    assert client.get(OFFICER_PAGE).status_code == 302
    StaticDevice.objects.get(user=device.user).throttle_reset()
    assert client.post(VERIFY, {"code": codes[1]}).status_code == 302
    assert two_factor.recovery_codes_left(device.user) == 8


def test_codes_stored_only_as_digests_and_shown_once(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    sign_in(client)
    client.post(VERIFY, {"code": code_for(device)})
    response = client.post(RECOVERY, {"secret": PASSWORD})
    assert response["Location"] == RECOVERY
    page = client.get(RECOVERY)
    html = page.content.decode()
    codes = CODE_ON_PAGE.findall(html)
    assert len(codes) == 10
    assert "no-store" in page["Cache-Control"]
    assert 'download="jembatan-recovery-codes.txt"' in html
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert len(stored) == 10
    for code in codes:
        plain = two_factor.normalise_recovery_code(code)
        assert plain not in stored
        assert code not in stored
        assert two_factor.recovery_digest(code) in stored
    # Not on the page again, nor left in the session.
    later = client.get(RECOVERY).content.decode()
    assert not any(code in later for code in codes)
    assert "Unused recovery codes: 10." in later
    for session in Session.objects.all():
        decoded = str(session.get_decoded())
        assert not any(code in decoded for code in codes)


def test_regenerating_invalidates_old_codes(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    old = _enrolled_with_codes(client, device)
    device.refresh_from_db()
    device.last_t -= 1  # let the current code count once more
    device.save()
    assert client.post(RECOVERY, {"secret": code_for(device)})["Location"] == RECOVERY
    new = CODE_ON_PAGE.findall(client.get(RECOVERY).content.decode())
    assert len(new) == 10
    assert not set(new) & set(old)
    assert AuditLogEntry.objects.filter(
        action="jembatan.account.recovery_codes_regenerated"
    ).exists()
    client.post("/accounts/logout/")
    sign_in(client)
    assert client.post(VERIFY, {"code": old[0]}).status_code == 200
    StaticDevice.objects.get(user=device.user).throttle_reset()
    assert client.post(VERIFY, {"code": new[0]}).status_code == 302


def test_regenerating_needs_code_or_password(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    old = _enrolled_with_codes(client, device)
    response = client.post(RECOVERY, {"secret": "not my password"})
    assert response.status_code == 200
    assert "neither a current code from the app nor your password" in response.content.decode()
    assert two_factor.recovery_codes_left(device.user) == 10
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert stored == {two_factor.recovery_digest(code) for code in old}
    assert AccessAttempt.objects.get(username="officer").failures_since_start == 1


def test_page_warns_when_few_codes_left(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    _enrolled_with_codes(client, device)
    assert "Few recovery codes are left" not in client.get(ENROL).content.decode()
    StaticToken.objects.filter(pk__in=StaticToken.objects.values("pk")[:8]).delete()
    html = client.get(ENROL).content.decode()
    assert "Unused recovery codes: 2." in html
    assert "Few recovery codes are left" in html


def test_wrong_recovery_codes_count_toward_lockout(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    two_factor.generate_recovery_codes(device.user)
    sign_in(client)
    statuses = [client.post(VERIFY, {"code": "aaaaa-bbbbb"}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert "_auth_user_id" not in client.session
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.RECOVERY_CODE_USED).exists()


def test_api_token_accepts_recovery_code_once(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    codes = two_factor.generate_recovery_codes(device.user)
    data = {"username": "officer", "password": PASSWORD, "otp": codes[0]}
    assert client.post(TOKEN, data).status_code == 200
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.RECOVERY_CODE_USED).count() == 1
    again = client.post(TOKEN, data)
    assert again.status_code == 400
    assert list(again.json()) == ["otp"]
    assert AccessAttempt.objects.get(username="officer").failures_since_start == 1


def test_codes_survive_change_of_secret_key(client: Client, device, settings) -> None:  # type: ignore[no-untyped-def]
    codes = two_factor.generate_recovery_codes(device.user)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 50
    sign_in(client)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 302


def test_admin_sign_in_accepts_recovery_code(client: Client, db) -> None:  # type: ignore[no-untyped-def]
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    TOTPDevice.objects.create(user=admin, confirmed=True)
    codes = two_factor.generate_recovery_codes(admin)
    client.post("/admin/login/", {"username": "root", "password": PASSWORD})
    assert client.get("/admin/").status_code == 302
    client.post(VERIFY, {"code": codes[3]})
    assert client.get("/admin/").status_code == 200


def test_turning_off_and_admin_removal_drop_codes(client: Client, device) -> None:  # type: ignore[no-untyped-def]
    codes = _enrolled_with_codes(client, device)
    assert client.post(ENROL, {"code": codes[0]}).status_code == 302  # lost phone: a code
    assert not TOTPDevice.objects.exists()
    assert not StaticDevice.objects.exists()


def test_admin_shows_codes_left_not_digests(client: Client, device, db) -> None:  # type: ignore[no-untyped-def]
    two_factor.generate_recovery_codes(device.user)
    static = StaticDevice.objects.get(user=device.user)
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    listing = client.get("/admin/otp_static/staticdevice/")
    assert listing.status_code == 200
    assert '<td class="field-codes_left">10</td>' in listing.content.decode()
    change = client.get(f"/admin/otp_static/staticdevice/{static.pk}/change/").content.decode()
    assert not any(token in change for token in static.token_set.values_list("token", flat=True))
    assert client.get("/admin/otp_static/staticdevice/add/").status_code == 403


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


def next_step_code(device: TOTPDevice) -> str:
    """The code the app shows in the next 30 s (the current one was used to enrol)."""
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    token.time = time.time() + device.step
    return f"{token.token():06d}"


@pytest.mark.parametrize("required", [False, True])
def test_a_session_signed_in_before_the_device_was_set_up_then_owes_a_code(
    officer, settings, required: bool
) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_REQUIRE_2FA = required
    earlier, later = Client(), Client()
    sign_in(earlier)
    before = earlier.get(OFFICER_PAGE)
    assert (before.status_code, before.get("Location", "")[: len(ENROL)]) == (
        (302, ENROL) if required else (200, "")
    )
    # The officer sets up the app in another browser.
    sign_in(later)
    later.get(ENROL)
    pending = TOTPDevice(user=officer, key=later.session[two_factor.SESSION_NEW_KEY])
    assert later.post(ENROL, {"code": code_for(pending)}).status_code == 302
    device = TOTPDevice.objects.get(user=officer, confirmed=True)

    # Within the minute the earlier session is not looked at again (no query per page).
    assert earlier.get(OFFICER_PAGE).status_code == (302 if required else 200)
    session = earlier.session
    session[two_factor.SESSION_CHECKED] -= two_factor.RECHECK_SECONDS
    session.save()
    response = earlier.get(OFFICER_PAGE)
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Faccounts%2Fclaims%2F"
    # Not the enrolment page, where a session without a code could replace the device.
    assert earlier.get(ENROL)["Location"] == f"{VERIFY}?next=%2Faccounts%2Ftwo-factor%2F"
    assert earlier.post(VERIFY, {"code": next_step_code(device)}).status_code == 302
    assert earlier.get(OFFICER_PAGE).status_code == 200
    # The browser that set it up was verified by its code and is never asked.
    session = later.session
    session[two_factor.SESSION_CHECKED] = 0
    session.save()
    assert later.get(OFFICER_PAGE).status_code == 200
