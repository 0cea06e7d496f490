"""The security log: failed and locked sign-ins, API refusals, read by officers only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from jembatan.accounts.domain import api_tokens, security_log
from jembatan.accounts.models import SecurityEvent
from tests.factories import UserFactory

LOGIN = "/accounts/login/"
TOKEN_URL = "/api/v1/auth/token/"
PAGE = "/accounts/security-log/"
MASKED = "********************"


@pytest.fixture(autouse=True)
def _limits(settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 5
    settings.JEMBATAN_PROXY_COUNT = 0


def _rows() -> list[tuple[str, str, str, str]]:
    return [
        (e.kind, e.username, e.address, e.path)
        for e in SecurityEvent.objects.order_by("created", "pk")
    ]


def test_failed_web_sign_in_is_logged_with_account(member: Any) -> None:
    client = Client(REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT="curl/8.5")
    client.post(LOGIN, {"username": "member", "password": "wrong"})
    event = SecurityEvent.objects.get()
    assert (event.kind, event.user, event.username) == ("login_failed", member, "member")
    assert (event.address, event.user_agent, event.path) == ("198.51.100.7", "curl/8.5", LOGIN)


def test_failed_sign_in_with_unknown_name_is_masked(db: None) -> None:
    Client().post(LOGIN, {"username": "hunter2-my-password", "password": "wrong"})
    event = SecurityEvent.objects.get()
    assert (event.kind, event.user, event.username) == ("login_failed", None, MASKED)


def test_lockout_is_logged_at_the_limit(member: Any) -> None:
    client = APIClient()
    for _ in range(5):
        client.post(TOKEN_URL, {"username": "member", "password": "wrong"}, format="json")
    failed = ("login_failed", "member", "127.0.0.1", TOKEN_URL)
    # django-axes locks inside its own receiver of the fifth failure, before ours logs it.
    assert _rows() == [failed] * 4 + [("locked_out", "member", "127.0.0.1", TOKEN_URL), failed]


def test_sign_in_without_request_is_not_logged(member: Any) -> None:
    assert not Client().login(username="member", password="wrong")
    assert not SecurityEvent.objects.exists()


def test_api_permission_refusal_is_logged(member: Any) -> None:
    _token, key = api_tokens.create_token(member, name="cli", days=30, address="127.0.0.1")
    SecurityEvent.objects.all().delete()
    client = APIClient(HTTP_USER_AGENT="jembatan-cli/1.0")
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.post("/api/v1/companies/", {}, format="json")
    assert response.status_code == 403
    event = SecurityEvent.objects.get()
    assert (event.kind, event.user, event.path) == ("api_denied", member, "/api/v1/companies/")
    assert (event.detail, event.user_agent) == ("POST PermissionDenied", "jembatan-cli/1.0")


def test_api_success_and_unauthenticated_are_not_logged_as_refusals(member: Any) -> None:
    APIClient().get("/api/v1/companies/")  # 401: no credentials, not a refusal
    assert not SecurityEvent.objects.filter(kind="api_denied").exists()


@pytest.mark.parametrize("role", ["officer", "superuser"])
def test_security_log_page_shows_entries_to_officers(
    request: pytest.FixtureRequest, member: Any, role: str
) -> None:
    user = (
        UserFactory(username="root", is_superuser=True, role="viewer")
        if role == "superuser"
        else request.getfixturevalue(role)
    )
    Client(REMOTE_ADDR="198.51.100.7").post(LOGIN, {"username": "member", "password": "x"})
    client = Client()
    client.force_login(user)
    response = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert [(e.kind, e.address) for e in response.context["page"]] == [
        ("login_failed", "198.51.100.7")
    ]
    home = client.get("/accounts/profile/").content.decode()
    assert f'href="{PAGE}"' in home


@pytest.mark.parametrize("role", ["member", "teammate", "outsider", "viewer"])
def test_security_log_page_refused_to_others(request: pytest.FixtureRequest, role: str) -> None:
    client = Client()
    client.force_login(request.getfixturevalue(role))
    assert client.get(PAGE).status_code == 403
    assert f'href="{PAGE}"' not in client.get("/accounts/profile/").content.decode()


def test_security_log_page_anonymous_is_sent_to_sign_in(db: None) -> None:
    response = Client().get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_security_log_filters_by_kind_user_and_date(officer: Any, member: Any) -> None:
    old = security_log.record("login_failed", user=member, address="192.0.2.1")
    SecurityEvent.objects.filter(pk=old.pk).update(created=timezone.now() - dt.timedelta(days=10))
    security_log.record("api_denied", user=member, address="192.0.2.2")
    security_log.record("login_failed", username=MASKED, address="192.0.2.3")
    client = Client()
    client.force_login(officer)

    def addresses(query: str) -> list[str]:
        return [e.address for e in client.get(f"{PAGE}?{query}").context["page"]]

    assert addresses("") == ["192.0.2.3", "192.0.2.2", "192.0.2.1"]
    assert addresses("kind=login_failed") == ["192.0.2.3", "192.0.2.1"]
    assert addresses("user=MEMBER") == ["192.0.2.2", "192.0.2.1"]
    since = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    assert addresses(f"since={since}&user=member") == ["192.0.2.2"]
    until = (timezone.localdate() - dt.timedelta(days=5)).isoformat()
    assert addresses(f"until={until}") == ["192.0.2.1"]


def test_security_log_bad_filter_names_the_field(officer: Any) -> None:
    client = Client()
    client.force_login(officer)
    response = client.get(f"{PAGE}?since=yesterday&kind=nope", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "kind": ["Select a valid choice. nope is not one of the available choices."],
        "since": ["Enter a valid date."],
    }


def test_security_log_is_paginated(officer: Any) -> None:
    SecurityEvent.objects.bulk_create(
        SecurityEvent(kind="login_failed", address=f"192.0.2.{n}") for n in range(51)
    )
    client = Client()
    client.force_login(officer)
    first = client.get(f"{PAGE}?kind=login_failed")
    assert len(first.context["page"].object_list) == 50
    assert "kind=login_failed&amp;page=2" in first.content.decode()
    assert len(client.get(f"{PAGE}?kind=login_failed&page=2").context["page"].object_list) == 1


@pytest.mark.parametrize("count", [1, 3])
def test_security_log_page_query_count(
    officer: Any, member: Any, django_assert_num_queries: Any, count: int
) -> None:
    for n in range(count):
        security_log.record("api_denied", user=member, address=f"192.0.2.{n}")
    client = Client()
    client.force_login(officer)
    client.get(PAGE)
    with django_assert_num_queries(6):  # the same for 1 and 3 entries: no query per row
        client.get(PAGE)


def test_prune_deletes_entries_past_retention(settings: Any, db: None) -> None:
    settings.JEMBATAN_SECURITY_LOG_DAYS = 365
    now = timezone.now()
    kept = security_log.record("login_failed", address="192.0.2.1")
    gone = security_log.record("login_failed", address="192.0.2.2")
    SecurityEvent.objects.filter(pk=kept.pk).update(created=now - dt.timedelta(days=364))
    SecurityEvent.objects.filter(pk=gone.pk).update(created=now - dt.timedelta(days=366))
    call_command("security", "prune", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(SecurityEvent.objects.values_list("address", flat=True)) == ["192.0.2.1"]


def test_erasing_a_company_deletes_its_users_tokens_and_log_entries(
    member: Any, outsider: Any
) -> None:
    from jembatan.accounts.domain import personal_data

    api_tokens.create_token(member, name="cli", days=30, address="192.0.2.1")
    api_tokens.create_token(outsider, name="cli", days=30, address="192.0.2.2")
    security_log.record("login_failed", user=member, address="192.0.2.1")
    personal_data.erase(member.organisation.company, timezone.now())
    assert [(e.user, e.address) for e in SecurityEvent.objects.all()] == [(outsider, "192.0.2.2")]
    assert list(api_tokens.list_tokens(outsider, outsider).values_list("name", flat=True)) == [
        "cli"
    ]
    member.refresh_from_db()
    assert not member.auth_token_set.exists()
