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


def test_signup_through_the_web_hashes_with_argon2(
    settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
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
    user = UserFactory(username="old")
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
