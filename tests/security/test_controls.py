"""Security controls: the CSP and other headers on pages and the API, cookie flags, Argon2
hashes for new passwords, the password validators in the user's language, idle sessions
ending, CSRF on HTMX and session-authenticated API posts, and no CSP violation in a browser."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from jembatan.accounts.middleware import LAST_ACTIVITY_KEY
from jembatan.accounts.models import User
from jembatan.notifications.models import Notification
from tests.accounts.helpers import STRONG_PASSWORD, company_form
from tests.factories import UserFactory
from tests.indicators.test_dashboard_browser import figures as figures  # a fixture

pytestmark = pytest.mark.django_db

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"
)


def _directives(header: str) -> set[str]:
    return {part.strip() for part in header.split(";")}


def _assert_security_headers(response) -> None:  # type: ignore[no-untyped-def]
    assert _directives(response["Content-Security-Policy"]) == _directives(CSP)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_headers_on_home_page() -> None:
    response = Client().get("/")
    assert response.status_code == 200
    _assert_security_headers(response)


def test_headers_on_api(as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("member").get("/api/v1/notifications/")
    assert response.status_code == 200
    _assert_security_headers(response)


def test_headers_with_debug_on(settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = True
    _assert_security_headers(Client().get("/"))


def test_csp_report_only_sends_the_policy_unenforced(settings) -> None:  # type: ignore[no-untyped-def]
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None
    response = Client().get("/")
    assert "Content-Security-Policy" not in response
    assert _directives(response["Content-Security-Policy-Report-Only"]) == _directives(CSP)


def test_redoc_alone_may_inline_styles() -> None:
    response = Client().get("/api/redoc/")
    assert response.status_code == 200
    assert "style-src 'self' 'unsafe-inline'" in response["Content-Security-Policy"]
    assert "<script>" not in response.content.decode()


def test_cookies_httponly_and_lax(member) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.get("/accounts/login/")
    response = client.post(
        "/accounts/login/", {"username": "member", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert (session["httponly"], session["samesite"]) == (True, "Lax")
    assert client.cookies["csrftoken"]["samesite"] == "Lax"
    language = client.post("/language/", {"language": "ja", "next": "/"}).cookies
    assert language["jembatan_language"]["samesite"] == "Lax"


def test_signup_through_the_web_hashes_with_argon2(  # type: ignore[no-untyped-def]
    settings, django_capture_on_commit_callbacks
) -> None:
    from jembatan import settings as project

    settings.PASSWORD_HASHERS = project.PASSWORD_HASHERS
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/accounts/signup/", company_form(), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    user = User.objects.get(email="dewi@kemasan.co.id")
    assert user.password.startswith("argon2$")
    assert user.check_password(STRONG_PASSWORD)


def test_old_pbkdf2_hash_verifies_and_is_upgraded(settings) -> None:  # type: ignore[no-untyped-def]
    from jembatan import settings as project

    settings.PASSWORD_HASHERS = project.PASSWORD_HASHERS[1:]
    UserFactory(username="old")
    user = User.objects.get(username="old")
    assert user.password.startswith("pbkdf2_sha256$")
    settings.PASSWORD_HASHERS = project.PASSWORD_HASHERS
    assert Client().login(username="old", password="correct horse battery")
    user.refresh_from_db()
    assert user.password.startswith("argon2$")


@pytest.mark.parametrize(
    ("language", "password", "expected"),
    [
        ("en", "short-pw1", "This password is too short. It must contain at least 12 characters."),
        ("id", "1234567890123", "Kata sandi ini seluruhnya terdiri dari angka."),
        ("ja", "1qaz2wsx3edc", "このパスワードは一般的すぎます。"),
    ],
)
def test_validators_refuse_in_the_users_language(language, password, expected) -> None:  # type: ignore[no-untyped-def]
    with translation.override(language), pytest.raises(ValidationError) as caught:
        validate_password(password)
    assert expected in caught.value.messages


def test_signup_shows_validator_message_in_japanese() -> None:
    response = Client().post(
        "/accounts/signup/", company_form(password="short-pw1"), HTTP_ACCEPT_LANGUAGE="ja"
    )
    assert response.status_code == 200
    assert "このパスワードは短すぎます。最低 12 文字以上必要です。" in response.content.decode()


def test_password_change_shows_validator_message_in_indonesian(member) -> None:  # type: ignore[no-untyped-def]
    member.language = "id"
    member.save(update_fields=["language"])
    client = Client()
    client.force_login(member)
    response = client.post(
        "/accounts/password/",
        {
            "old_password": "correct horse battery",
            "new_password1": "short-pw1",
            "new_password2": "short-pw1",
        },
    )
    assert response.status_code == 200
    assert (
        "Kata sandi terlalu pendek. Harus mengandung setidaknya 12 karakter."
        in response.content.decode()
    )


def _age_session(client: Client, seconds: int) -> None:
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds
    session.save()


def test_idle_member_signed_out_after_two_hours(as_user) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    _age_session(client, 119 * 60)
    assert client.get("/").wsgi_request.user.is_authenticated
    _age_session(client, 121 * 60)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert not response.wsgi_request.user.is_authenticated
    assert "You were signed out after a period of inactivity." in response.content.decode()


def test_idle_officer_signed_out_after_thirty_minutes(as_user) -> None:  # type: ignore[no-untyped-def]
    client = as_user("officer")
    client.get("/")
    _age_session(client, 29 * 60)
    assert client.get("/").wsgi_request.user.is_authenticated
    _age_session(client, 31 * 60)
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_idle_limit_follows_settings(as_user, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_SESSION_IDLE_MINUTES = 5
    client = as_user("viewer")
    client.get("/")
    _age_session(client, 6 * 60)
    assert not client.get("/").wsgi_request.user.is_authenticated


def _notification(user: User) -> Notification:
    return Notification.objects.create(
        recipient=user, kind="test", title="t", body="b", language="en"
    )


def test_api_post_with_session_needs_csrf(member) -> None:  # type: ignore[no-untyped-def]
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    notification = _notification(member)
    url = f"/api/v1/notifications/{notification.pk}/read/"
    assert client.post(url).status_code == 403
    client.get("/")
    token = client.cookies["csrftoken"].value
    assert client.post(url, HTTP_X_CSRFTOKEN=token).status_code == 200


def test_htmx_post_needs_csrf_header(member) -> None:  # type: ignore[no-untyped-def]
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    page = client.get("/").content.decode()
    assert 'hx-headers=\'{"X-CSRFToken": "' in page
    notification = _notification(member)
    url = f"/notifications/{notification.pk}/read/"
    assert client.post(url, HTTP_HX_REQUEST="true").status_code == 403
    token = client.cookies["csrftoken"].value
    response = client.post(url, HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200


# Every violation of the policy, and every console error, on the pages a user sees.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`
  );
});
"""


def _watched(browser, live_server, username: str | None):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    if username:
        page.goto(f"{live_server.url}/accounts/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill("correct horse battery")
        page.locator("form button[type=submit]").last.click()
        page.wait_for_url(f"{live_server.url}/")
    return page, errors


def _visit(page, url: str) -> list[str]:  # type: ignore[no-untyped-def]
    response = page.goto(url)
    assert response is not None
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")
    if "/indicators/" in url:
        page.wait_for_selector(".ind-chart__plot .main-svg", timeout=20000)
        page.locator(".ind-chart__plot").first.hover()
    return [f"{url}: {v}" for v in page.evaluate("window.__violations")]


@pytest.mark.browser
def test_no_csp_violation_on_main_pages(live_server, browser, officer, member, figures) -> None:  # type: ignore[no-untyped-def]
    from jembatan.opportunities.models import PartnershipProfile
    from jembatan.registry.models import Company

    base = live_server.url
    company = Company.objects.exclude(pk=member.organisation.company_id).first()
    profile = PartnershipProfile.objects.filter(status="published").first()
    assert company is not None
    assert profile is not None
    violations: list[str] = []
    page, errors = _watched(browser, live_server, "officer")
    for path in (
        "/",
        "/companies/",
        f"/companies/{company.pk}/",
        "/profiles/",
        f"/profiles/{profile.pk}/",
        f"/matching/profiles/{profile.pk}/",
        f"/matching/companies/{company.pk}/",
        "/events/",
        "/indicators/?year=2017",
        "/indicators/public/?year=2017",
        "/accounts/profile/",
    ):
        violations += _visit(page, base + path)
    page, member_errors = _watched(browser, live_server, "member")
    own = member.organisation.company_id
    for path in ("/", "/profiles/new/", f"/matching/companies/{own}/", "/accounts/profile/"):
        violations += _visit(page, base + path)
    page, anonymous_errors = _watched(browser, live_server, None)
    for path in (
        "/admin/login/",
        "/accounts/login/",
        "/accounts/signup/",
        "/api/docs/",
        "/api/redoc/",
    ):
        violations += _visit(page, base + path)
    # Redoc's footer links its maker's logo from a CDN: blocked, as it should be.
    violations = [v for v in violations if "https://cdn.redoc.ly/" not in v]
    assert violations == [], "\n".join(violations)
    anonymous_errors = [e for e in anonymous_errors if "https://cdn.redoc.ly/" not in e]
    assert errors + member_errors + anonymous_errors == []
