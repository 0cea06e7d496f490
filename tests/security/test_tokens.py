"""API tokens: hashed, expiring, the owner's alone; the token endpoint's contract kept."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.utils import timezone
from knox.crypto import hash_token
from knox.models import AuthToken
from rest_framework.test import APIClient

from jembatan.accounts.domain import api_tokens
from jembatan.accounts.models import ApiToken, SecurityEvent

PASSWORD = "correct horse battery"
TOKEN_URL = "/api/v1/auth/token/"
READ_URL = "/api/v1/companies/"
PAGE = "/accounts/api-tokens/"


def _client(key: str, address: str = "127.0.0.1") -> APIClient:
    client = APIClient(REMOTE_ADDR=address)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def _make(user: Any, name: str = "nightly export", days: int = 90) -> tuple[ApiToken, str]:
    return api_tokens.create_token(user, name=name, days=days, address="127.0.0.1")


def test_token_key_is_not_stored_only_its_digest(member: Any) -> None:
    token, key = _make(member)
    assert len(key) == 64
    assert token.auth_token.digest == hash_token(key)
    with connection.cursor() as cursor:
        for table in ("knox_authtoken", "accounts_apitoken", "accounts_apitokenaddress"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608
            assert all(key not in str(value) for row in cursor.fetchall() for value in row)


def test_token_authenticates_with_token_prefix(member: Any) -> None:
    _token, key = _make(member)
    response = _client(key).get(READ_URL)
    assert response.status_code == 200


@pytest.mark.parametrize("days", [30, 90, 365])
def test_token_expiry_is_the_chosen_lifetime(member: Any, days: int) -> None:
    before = timezone.now()
    token, _key = _make(member, days=days)
    expiry = token.auth_token.expiry
    assert before + dt.timedelta(days=days) <= expiry <= timezone.now() + dt.timedelta(days=days)


def test_token_expired_is_refused(member: Any) -> None:
    token, key = _make(member, days=30)
    AuthToken.objects.filter(pk=token.auth_token.pk).update(
        expiry=timezone.now() - dt.timedelta(seconds=1)
    )
    response = _client(key).get(READ_URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response.json() == {
        "detail": "This token has expired. Create a new one on the API tokens page."
    }
    assert list(api_tokens.list_tokens(member, member)) == []


def test_token_wrong_key_is_refused(member: Any) -> None:
    _token, key = _make(member)
    assert _client(key[:-1] + ("0" if key[-1] != "0" else "1")).get(READ_URL).status_code == 401


def test_token_revoked_no_longer_works(member: Any) -> None:
    token, key = _make(member)
    api_tokens.revoke_token(member, token.pk)
    assert _client(key).get(READ_URL).status_code == 401
    assert not AuthToken.objects.filter(user=member).exists()
    assert SecurityEvent.objects.filter(kind="token_revoked", user=member).count() == 1


@pytest.mark.parametrize("role", ["teammate", "outsider", "officer"])
def test_token_list_refused_for_others(
    request: pytest.FixtureRequest, member: Any, role: str
) -> None:
    _make(member)
    other = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        api_tokens.list_tokens(other, member)


@pytest.mark.parametrize("role", ["teammate", "outsider", "officer"])
def test_token_revoke_refused_for_others(
    request: pytest.FixtureRequest, member: Any, role: str
) -> None:
    token, key = _make(member)
    other = request.getfixturevalue(role)
    with pytest.raises(api_tokens.TokenNotFoundError):
        api_tokens.revoke_token(other, token.pk)
    client = Client()
    client.force_login(other)
    assert client.get(f"{PAGE}{token.pk}/revoke/").status_code == 404
    assert client.post(f"{PAGE}{token.pk}/revoke/").status_code == 404
    assert _client(key).get(READ_URL).status_code == 200


@pytest.mark.parametrize("role", ["teammate", "outsider", "officer"])
def test_token_page_lists_only_own_tokens(
    request: pytest.FixtureRequest, member: Any, role: str
) -> None:
    _make(member, name="member's export")
    client = Client()
    client.force_login(request.getfixturevalue(role))
    html = client.get(PAGE).content.decode()
    assert "member&#x27;s export" not in html
    assert "You have no API token." in html


def test_token_page_shows_new_key_once(member: Any) -> None:
    client = Client()
    client.force_login(member)
    response = client.post(PAGE, {"name": "ERP sync", "days": "30"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get(auth_token__user=member)
    assert token.name == "ERP sync"
    html = response.content.decode()
    start = html.index('id="new-token-key">') + len('id="new-token-key">')
    key = html[start : start + 64]
    assert hash_token(key) == token.auth_token.digest
    again = client.get(PAGE).content.decode()
    assert key not in again
    assert "ERP sync" in again


def test_token_page_refuses_unknown_lifetime_naming_the_field(member: Any) -> None:
    client = Client()
    client.force_login(member)
    response = client.post(PAGE, {"name": "x", "days": "1000"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "days": ["Select a valid choice. 1000 is not one of the available choices."]
    }
    assert not ApiToken.objects.exists()


def test_token_page_revoke_asks_then_revokes(member: Any) -> None:
    token, key = _make(member, name="old script")
    client = Client()
    client.force_login(member)
    confirm = client.get(f"{PAGE}{token.pk}/revoke/")
    assert "Revoke “old script”?" in confirm.content.decode()
    assert _client(key).get(READ_URL).status_code == 200
    response = client.post(f"{PAGE}{token.pk}/revoke/")
    assert response.status_code == 302
    assert _client(key).get(READ_URL).status_code == 401


def test_token_endpoint_returns_a_new_token_each_sign_in(member: Any) -> None:
    first = APIClient().post(TOKEN_URL, {"username": "member", "password": PASSWORD}, format="json")
    second = APIClient().post(TOKEN_URL, {"username": "member", "password": PASSWORD})
    assert first.status_code == second.status_code == 200
    assert first.json()["token"] != second.json()["token"]
    assert set(first.json()) == {"token", "expiry"}
    assert AuthToken.objects.filter(user=member).count() == 2
    assert _client(first.json()["token"]).get(READ_URL).status_code == 200


def test_token_endpoint_still_locked_out_after_failures(member: Any, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 5
    client = APIClient()
    wrong = {"username": "member", "password": "wrong"}
    codes = [client.post(TOKEN_URL, wrong, format="json").status_code for _ in range(5)]
    assert codes == [400, 400, 400, 400, 429]
    right = client.post(TOKEN_URL, {"username": "member", "password": PASSWORD}, format="json")
    assert right.status_code == 429
    assert not AuthToken.objects.filter(user=member).exists()


def test_token_use_records_last_use_and_address(member: Any) -> None:
    token, key = _make(member)
    before = timezone.now()
    _client(key, "198.51.100.7").get(READ_URL)
    token.refresh_from_db()
    assert token.last_address == "198.51.100.7"
    assert token.last_used_at is not None
    assert token.last_used_at >= before


def test_token_use_from_new_address_is_logged_once(member: Any) -> None:
    _token, key = _make(member)  # made from 127.0.0.1
    _client(key, "127.0.0.1").get(READ_URL)
    assert not SecurityEvent.objects.filter(kind="token_new_address").exists()
    _client(key, "198.51.100.7").get(READ_URL)
    _client(key, "198.51.100.7").get(READ_URL)
    _client(key, "127.0.0.1").get(READ_URL)
    events = SecurityEvent.objects.filter(kind="token_new_address")
    assert [(e.user, e.address, e.detail, e.path) for e in events] == [
        (member, "198.51.100.7", "nightly export", READ_URL)
    ]


def test_token_prune_deletes_expired(member: Any) -> None:
    _live, _ = _make(member, name="live")
    dead, _ = _make(member, name="dead")
    AuthToken.objects.filter(pk=dead.auth_token.pk).update(expiry=timezone.now())
    assert api_tokens.prune_expired() == 3  # knox token, its details, its address
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["live"]


def test_plain_drf_tokens_are_hashed_by_the_migration(member: Any, settings: Any) -> None:
    from importlib import import_module

    from django.apps import apps

    migration = import_module("jembatan.accounts.migrations.0005_hash_plain_api_tokens")
    key = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id integer, "
            "created timestamp with time zone)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token VALUES (%s, %s, %s)", [key, member.pk, timezone.now()]
        )
    try:
        # The function reads only the editor's connection (a real editor cannot be opened
        # inside the test's transaction on SQLite).
        migration.hash_plain_tokens(apps, SimpleNamespace(connection=connection))
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM authtoken_token")
            assert cursor.fetchone()[0] == 0
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE authtoken_token")
    assert _client(key).get(READ_URL).status_code == 200
    expiry = AuthToken.objects.get(user=member).expiry
    assert expiry.date() == (timezone.now() + dt.timedelta(days=90)).date()
