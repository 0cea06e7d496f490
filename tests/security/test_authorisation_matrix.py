"""Every web route and API operation, requested as each of eight roles, against one table.

The world (tests/security/world.py) is built once; each request runs in a savepoint that is
rolled back, so a POST never changes the world for the next. Two things are checked at once
for every answer: that it matches tests/security/expectations.py (allowed: 2xx, a redirect
not to the sign-in page, or for a change a 400 naming what is wrong; refused: to the
sign-in page (web) or 401/403 (API) without signing in, 403 or 404 for a signed-in user),
and that no private marker the role may not see appears in the body (pages, API, error
pages, PDF text, XLSX XML, ICS, CSV) or in an e-mail a POST sends to one of the roles.
Every route without an expectation and every mismatch is listed in one failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client, TestCase
from drf_spectacular.generators import SchemaGenerator

from tests.security import expectations as table
from tests.security.expectations import ROLES
from tests.security.walk import Route, api_operations, body_text, fill, web_routes
from tests.security.world import HIDDEN_MARKERS, MARKERS, World, build_world

# Set to a file name to record every answer (a help when writing expectations for new routes).
OBSERVING = os.environ.get("JEMBATAN_MATRIX_OBSERVED", "")
# Comma-separated parts of route keys (e.g. "catalogue:,/api/v1/products"): walk only the
# routes whose key contains one of them (while writing expectations; the full walk is CI's).
ONLY = tuple(part for part in os.environ.get("JEMBATAN_MATRIX_ONLY", "").split(",") if part)
SKIP = {"logout"}  # would end the session the walk runs in; its own tests cover it


@dataclass
class Walk:
    world: World
    clients: dict[str, Client]
    unlisted: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    observed: dict[tuple[str, str, str], str] = field(default_factory=dict)
    requests: int = 0
    emails: int = 0
    media: Path | None = None  # the world's files, and a copy to put back what a POST deletes
    media_copy: Path | None = None


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Walk]:  # type: ignore[no-untyped-def]
    from django.conf import settings

    old_media = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        media_copy = tmp_path_factory.mktemp("media-copy") / "files"
        shutil.copytree(settings.MEDIA_ROOT, media_copy)
        clients = {"anonymous": Client(raise_request_exception=False)}
        for role in ROLES[1:]:
            clients[role] = Client(raise_request_exception=False)
            clients[role].force_login(world.users[role])
        yield Walk(world, clients, media=Path(settings.MEDIA_ROOT), media_copy=media_copy)
        transaction.set_rollback(True)
    settings.MEDIA_ROOT = old_media


def outcome(response: Any, api: bool) -> str:
    status = response.status_code
    if status >= 500:
        return "500"
    if 300 <= status < 400:
        location = response.get("Location", "")
        if location.startswith("/admin/login/"):
            return "admin-login"  # Django's admin sends everyone without staff status there
        return "login" if location.startswith("/accounts/login/") else "ok"
    if status in (401, 403, 404):
        return "refused" if not (api and status == 401) else "login"
    if status == 405:
        return "405"
    if status == 400:
        return "400"
    return "ok"


def verdict(result: str, role: str, rule: table.Rule | None, change: bool, api: bool) -> bool:
    """Allowed: answered (a change may also be refused as invalid, 400). Refused: sent to
    sign in (or 401), or 403/404; 405 where the method is not served; a GET whose made-up token or
    missing query is refused as 400 for everybody reveals nothing either."""
    if rule is not None and role in rule.roles:
        return result == "ok" or (change and result == "400")
    refused = {"login", "refused", "405", "admin-login"} | ({"400"} if not change else set())
    return result in refused


def request(walk: Walk, role: str, method: str, path: str, api: bool) -> tuple[str, str]:
    client = walk.clients[role]
    sent = len(mail.outbox)
    with transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            if method == "get":
                response = client.get(path)
            elif api:
                response = getattr(client, method)(path, {}, content_type="application/json")
            else:
                response = client.post(path, {})
        transaction.set_rollback(True)
    walk.requests += 1
    if method != "get":
        _restore_media(walk)
    content = b"".join(response) if response.streaming else response.content
    text = body_text(content, response.get("Content-Type", ""))
    for message in mail.outbox[sent:]:
        walk.emails += 1
        to = set(message.to)
        for other, user in walk.world.users.items():
            if user.email in to:
                body = message.body + "".join(
                    str(a[0]) for a in getattr(message, "alternatives", [])
                )
                leaked = _leaked(body + message.subject, other, hidden=True)
                if leaked:
                    walk.leaks.append(f"e-mail to {other} after {method.upper()} {path}: {leaked}")
    del mail.outbox[sent:]
    return outcome(response, api), text


def _restore_media(walk: Walk) -> None:
    """The database is rolled back after every request, files are not: put back any of the
    world's files that a POST deleted (erasing a person, removing a photo or document)."""
    if walk.media is None or walk.media_copy is None:
        return
    for original in walk.media_copy.rglob("*"):
        target = walk.media / original.relative_to(walk.media_copy)
        if original.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(original, target)


def _leaked(text: str, role: str, hidden: bool) -> list[str]:
    return [
        marker
        for marker, allowed in MARKERS.items()
        if role not in allowed and (hidden or marker not in HIDDEN_MARKERS) and marker in text
    ]


def check(walk: Walk, key: str, path: str, method: str, rule: table.Rule | None, api: bool) -> None:
    change = method != "get"
    route_key = key.split("@")[0]
    for role in ROLES:
        result, text = request(walk, role, method, path, api)
        walk.observed[(key, method, role)] = result
        if not verdict(result, role, rule, change, api):
            name = rule.name if rule else "—"
            walk.mismatches.append(f"{method.upper()} {path} [{key}] as {role}: {result} ({name})")
        leaked = _leaked(text, role, hidden=route_key not in table.IDENTITY_PAGES)
        if leaked:
            walk.leaks.append(f"{method.upper()} {path} [{key}] as {role}: {leaked}")


def _selected(key: str) -> bool:
    return not ONLY or any(part in key for part in ONLY)


def _web_targets(route: Route) -> Iterator[tuple[str, table.Expect]]:
    for key, expect in table.WEB.items():
        if key == route.key or key.startswith(route.key + "@"):
            yield key, expect


def test_every_web_route_for_every_role_matches_the_table(
    walk: Walk, db, django_db_blocker
) -> None:  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        for route in web_routes():
            if route.key in SKIP or not _selected(route.key):
                continue
            targets = list(_web_targets(route))
            if not targets:
                walk.unlisted.append(f"web {route.key} {route.template}")
                if not OBSERVING:
                    continue
                targets = [(route.key, table.Expect(table.NOBODY, table.NOBODY))]
            for key, expect in targets:
                over = expect.over or (key.split("@")[1] if "@" in key else None)
                path = fill(route.template, walk.world.ids, over)
                check(walk, key, path, "get", expect.read, api=False)
                check(walk, key, path, "post", expect.change, api=False)
        for path in ("/admin/", "/admin/registry/company/") if _selected("admin") else ():
            check(walk, "admin", path, "get", table.ADMIN_PREFIX.read, api=False)
    _report(walk, "web")


def test_every_api_operation_for_every_role_matches_the_table(
    walk: Walk, db, django_db_blocker
) -> None:  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        schema = SchemaGenerator().get_schema(request=None, public=True)
        for route, method in api_operations(schema):
            if not _selected(route.key):
                continue
            targets = [(k, op) for k, op in table.API.items() if k.split("@")[0] == route.key]
            if not targets:
                walk.unlisted.append(f"api {route.key}")
                if not OBSERVING:
                    continue
                targets = [(route.key, table.Op(table.NOBODY))]
            for key, op in targets:
                over = op.over or (key.split("@")[1] if "@" in key else None)
                path = fill(route.template, walk.world.ids, over)
                check(walk, key, path, method, op.who, api=True)
    _report(walk, "api")


def _report(walk: Walk, part: str) -> None:
    if OBSERVING:
        with open(f"{OBSERVING}.{part}", "w") as out:
            for (key, method, role), result in sorted(walk.observed.items()):
                out.write(f"{key}\t{method}\t{role}\t{result}\n")
    problems = (
        [f"no expectation: {u}" for u in walk.unlisted]
        + [f"mismatch: {m}" for m in walk.mismatches]
        + [f"private value leaked: {leak}" for leak in walk.leaks]
    )
    summary = f"{walk.requests} requests, {walk.emails} e-mails searched"
    print(f"{part}: {summary}")  # shown with -s or -rP
    walk.unlisted.clear()
    walk.mismatches.clear()
    walk.leaks.clear()
    walk.observed.clear()
    assert problems == [], summary + "\n" + "\n".join(problems)
