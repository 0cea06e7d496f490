"""Password guessing: one lockout for the web sign-in, the admin's and the API token endpoint."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client
from django.utils import timezone

from jembatan.accounts.domain.addresses import client_address

PASSWORD = "correct horse battery"
LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
TOKEN = "/api/v1/auth/token/"


@pytest.fixture(autouse=True)
def _limits(settings):  # type: ignore[no-untyped-def]
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    settings.JEMBATAN_PROXY_COUNT = 0


def _fail(client: Client, url: str, username: str, times: int, **extra: str) -> list[int]:
    data = {"username": username, "password": "wrong"}
    return [client.post(url, data, **extra).status_code for _ in range(times)]


def test_web_login_locks_after_limit(client: Client, member) -> None:  # type: ignore[no-untyped-def]
    assert _fail(client, LOGIN, "member", 4) == [200, 200, 200, 200]
    locked = client.post(LOGIN, {"username": "member", "password": "wrong"})
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    # Even the right password is refused while locked.
    right = client.post(LOGIN, {"username": "member", "password": PASSWORD})
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_locked_out_page_is_styled_in_users_language(client: Client, member) -> None:  # type: ignore[no-untyped-def]
    client.cookies["jembatan_language"] = "ja"
    _fail(client, LOGIN, "member", 5)
    response = client.post(LOGIN, {"username": "member", "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 429
    assert '<html lang="ja">' in html
    assert '<h1 id="error-title">ログインを一時停止しています</h1>' in html
    assert "15分間" in html
    assert 'href="/static/web/site.css"' in html


def test_web_login_locks_account_from_any_address(member) -> None:  # type: ignore[no-untyped-def]
    for n in range(5):
        Client(REMOTE_ADDR=f"198.51.100.{n}").post(LOGIN, {"username": "member", "password": "x"})
    fresh = Client(REMOTE_ADDR="203.0.113.9")
    assert fresh.post(LOGIN, {"username": "member", "password": PASSWORD}).status_code == 429


def test_web_login_locks_address_across_accounts(member, teammate) -> None:  # type: ignore[no-untyped-def]
    client = Client(REMOTE_ADDR="198.51.100.7")
    for n in range(5):
        client.post(LOGIN, {"username": f"guess{n}", "password": "x"})
    assert client.post(LOGIN, {"username": "teammate", "password": PASSWORD}).status_code == 429
    # Another address may still sign in as the teammate.
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post(LOGIN, {"username": "teammate", "password": PASSWORD}).status_code == 302


def test_forwarded_for_ignored_without_proxy_count(member) -> None:  # type: ignore[no-untyped-def]
    client = Client(REMOTE_ADDR="198.51.100.7")
    for n in range(5):
        client.post(
            LOGIN, {"username": f"guess{n}", "password": "x"}, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}"
        )
    response = client.post(
        LOGIN, {"username": "member", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="10.9.9.9"
    )
    assert response.status_code == 429
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True).distinct()) == [
        "198.51.100.7"
    ]


def test_forwarded_for_used_behind_one_proxy(settings, member) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    # The client made up the left entry; the proxy appended the address it saw.
    for n in range(5):
        proxy.post(
            LOGIN,
            {"username": f"guess{n}", "password": "x"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.7",
        )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True).distinct()) == [
        "198.51.100.7"
    ]
    locked = proxy.post(
        LOGIN, {"username": "member", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert locked.status_code == 429
    # Someone else behind the same proxy is not locked out.
    other = proxy.post(
        LOGIN, {"username": "member", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.1.1.1", "10.0.0.1"),
        (1, "", "10.0.0.1"),
        (1, "1.1.1.1, 2.2.2.2", "2.2.2.2"),
        (2, "1.1.1.1, 2.2.2.2, 3.3.3.3", "2.2.2.2"),
        (3, "2.2.2.2", "2.2.2.2"),
        (1, " , ", "10.0.0.1"),
    ],
)
def test_client_address_by_proxy_count(settings, rf, proxies, forwarded, expected) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_token_endpoint_locks(client: Client, member) -> None:  # type: ignore[no-untyped-def]
    statuses = [
        client.post(
            TOKEN, {"username": "member", "password": "wrong"}, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}"
        ).status_code
        for n in range(5)
    ]
    # The fifth failure reaches the limit and is answered as locked, as on the web.
    assert statuses == [400, 400, 400, 400, 429]
    locked = client.post(
        TOKEN, {"username": "member", "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert locked.status_code == 429
    assert locked.json() == {
        "detail": "Too many failed sign-ins for this account or from this address. Signing in "
        "is paused for 15 minutes; try again after that, or ask a programme officer to unlock "
        "the account."
    }


def test_token_endpoint_and_web_share_the_count(client: Client, member) -> None:  # type: ignore[no-untyped-def]
    _fail(client, TOKEN, "member", 3)
    _fail(client, LOGIN, "member", 2)
    assert client.post(ADMIN_LOGIN, {"username": "member", "password": PASSWORD}).status_code == 429


def test_admin_login_locks(client: Client, officer) -> None:  # type: ignore[no-untyped-def]
    officer.is_staff = True
    officer.save()
    assert _fail(client, ADMIN_LOGIN, "officer", 5) == [200, 200, 200, 200, 429]
    response = client.post(ADMIN_LOGIN, {"username": "officer", "password": PASSWORD})
    assert response.status_code == 429


def test_login_succeeds_after_cooloff(client: Client, member) -> None:  # type: ignore[no-untyped-def]
    _fail(client, LOGIN, "member", 5)
    assert client.post(LOGIN, {"username": "member", "password": PASSWORD}).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = client.post(LOGIN, {"username": "member", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_success_resets_the_count(client: Client, member) -> None:  # type: ignore[no-untyped-def]
    _fail(client, LOGIN, "member", 4)
    assert client.post(LOGIN, {"username": "member", "password": PASSWORD}).status_code == 302
    client.post("/accounts/logout/")
    assert _fail(client, LOGIN, "member", 4) == [200, 200, 200, 200]


def test_failed_login_is_logged(client: Client, member, caplog) -> None:  # type: ignore[no-untyped-def]
    with caplog.at_level(logging.WARNING, logger="axes"):
        client.post(LOGIN, {"username": "member", "password": "wrong"}, REMOTE_ADDR="198.51.100.7")
    warnings = [r.getMessage() for r in caplog.records if r.name.startswith("axes")]
    assert len(warnings) == 1
    assert warnings[0].startswith("AXES: New login failure by ")
    failure = AccessFailureLog.objects.get()
    assert (failure.username, failure.ip_address, failure.path_info) == (
        "member",
        "198.51.100.7",
        LOGIN,
    )


def test_login_without_request_is_not_counted(member) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    assert client.login(username="member", password="wrong") is False
    assert client.login(username="member", password=PASSWORD) is True
    assert AccessAttempt.objects.count() == 0


def test_token_throttle_ignores_forwarded_for(rf) -> None:  # type: ignore[no-untyped-def]
    from jembatan.core.api import TokenThrottle

    request = rf.post(TOKEN, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="10.1.2.3")
    assert TokenThrottle().get_ident(request) == "198.51.100.7"


def test_lockout_in_shared_redis_cache(settings, client: Client, member) -> None:  # type: ignore[no-untyped-def]
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/3"
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    settings.CACHES = {
        **settings.CACHES,
        "axes": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url},
    }
    settings.AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
    from django.core.cache import caches

    caches["axes"].clear()
    try:
        assert _fail(client, LOGIN, "member", 5) == [200, 200, 200, 200, 429]
        # The account's count is in Redis (not in the database), so any web process sees it.
        elsewhere = Client(REMOTE_ADDR="203.0.113.9")
        response = elsewhere.post(LOGIN, {"username": "member", "password": PASSWORD})
        assert response.status_code == 429
        assert AccessAttempt.objects.count() == 0
    finally:
        caches["axes"].clear()
