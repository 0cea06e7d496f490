"""Every route, as an administrator without a company: an answer, never a server error.

Walks the project's URL patterns (GET, then POST with an empty form), with objects seeded so
that routes with ids reach their views. New routes are walked without anything to add here;
a route whose id has no seeded object gets id 1 and so, at worst, a 404.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from jembatan.events.models import Meeting, Table
from tests.events import factories as events
from tests.factories import CompanyFactory, UserFactory
from tests.opportunities.factories import ProfileFactory, attach, published

GROUP = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<rname>\w+)>[^)]*\)")


def _routes(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        else:
            yield route


def _fill(route: str, values: dict[str, str]) -> str | None:
    if route.startswith("admin/") or "format" in route or "drf_format_suffix" in route:
        return None  # the admin is Django's own; format suffixes repeat the routes before them
    path = GROUP.sub(lambda m: values.get(m["name"] or m["rname"], "1"), route)
    return "/" + path.replace("^", "").replace("$", "").replace("\\", "")


@pytest.fixture
def admin_user(db):  # type: ignore[no-untyped-def]
    # As `createsuperuser` makes one: the default role, no organisation, so no company.
    return UserFactory(username="root", is_superuser=True, is_staff=True, role="viewer")


@pytest.fixture
def seeded(tmp_path, settings) -> dict[str, str]:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.JEMBATAN_SCHEDULER_TIME_LIMIT = 2
    ours, theirs = CompanyFactory(country="ID"), CompanyFactory(country="JP")
    profile = published(company=ours)
    ProfileFactory(company=theirs)
    attachment = attach(profile, "brosur.pdf")
    event = events.scheduled_event(is_public=True)
    budi = events.participant(event, ours, "Budi Santoso", ["id", "en"])
    tanaka = events.participant(event, theirs, "Tanaka Hiroshi", ["ja"])
    interpreter = events.interpreter(event, "Rina Wijaya", ["ja", "id"])
    request = events.accepted(budi, tanaka)
    table = Table.objects.get(event=event, number=1)
    slot = event.slots.first()
    meeting = Meeting.objects.create(
        event=event, request=request, slot=slot, table=table, stage="published"
    )
    return {
        "pk": str(event.pk),  # overridden per section below
        "participant_pk": str(budi.pk),
        "meeting_pk": str(meeting.pk),
        "request_pk": str(request.pk),
        "slot_pk": str(slot.pk),
        "interpreter_pk": str(interpreter.pk),
        "table_number": "1",
        "answer": "accept",
        "state": "present",
        "attachment_pk": str(attachment.pk),
        "token": "no-such-import",
        "scheme": "KBLI",
        "code": "13131",
        "slug": "textiles",
        "_company": str(ours.pk),
        "_profile": str(profile.pk),
        "_event": str(event.pk),
    }


def _paths(seeded: dict[str, str]) -> list[str]:
    paths = []
    for route in _routes(get_resolver().url_patterns):
        section = route.split("/")[0] + "/" + route.split("/")[1] if "/" in route else route
        pk = (
            seeded["_profile"]
            if "profiles" in section or "profiles/" in route
            else seeded["_event"]
            if route.startswith("events/")
            else seeded["_company"]
        )
        path = _fill(route, {**seeded, "pk": pk})
        if path is not None:
            paths.append(path)
    return paths


def test_every_route_as_administrator_without_company_never_fails(
    admin_user, seeded: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    client = Client(raise_request_exception=False)
    failures = []
    walked = 0
    for path in _paths(seeded):
        if path == "/accounts/logout/":
            continue  # would end the session the walk runs in
        for method in ("get", "post"):
            client.force_login(admin_user)
            response = getattr(client, method)(path, {})
            walked += 1
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {path}: {response.status_code}")
    assert failures == []
    assert walked > 150
