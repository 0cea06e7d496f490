"""Faults (issue 16): what the site does when two people act at once, when a scheduling run
fails half-way, when the database goes away. Each test makes the fault happen for real;
docs/security.md ("Faults") says what each one proves.

The concurrent ones need PostgreSQL (tests/concurrency.py says why); each has a sequential
twin, the same stale page, that runs on SQLite too.
"""

# ruff: noqa: F811 (the fixtures imported below are the arguments of the tests)
from __future__ import annotations

import contextlib
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.utils import translation

from jembatan.engagement.models import ExpressionOfInterest, Introduction
from jembatan.events.domain.notices import SCHEDULE_PUBLISHED
from jembatan.events.domain.scheduling import execute_run, publish_draft, start_run
from jembatan.events.models import Meeting, RunStatus, ScheduleRun, Stage
from jembatan.events.tasks import task_schedule_event
from jembatan.notifications.models.notification import Notification
from tests.concurrency import require_postgresql, run_at_once
from tests.engagement.conftest import (  # noqa: F401 (fixtures)
    interest,
    owner_contact,
    profile,
    requester,
    requester_company,
    requester_contact,
)
from tests.events import factories
from tests.events.conftest import fair  # noqa: F401 (fixture)
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def short_runs(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.JEMBATAN_SCHEDULER_TIME_LIMIT = 3
    settings.MEDIA_ROOT = tmp_path / "media"


def messages_shown(client: Client, url: str) -> list[str]:
    """The messages the next page shows this client (read after the threads are done: the
    test client's template capture is not per thread)."""
    return [str(m) for m in client.get(url).context["messages"]]


def signed_in(user: Any, language: str) -> Client:
    user.language = language
    user.save(update_fields=["language"])
    client = Client()
    client.force_login(user)
    return client


def in_language(language: str, text: str, **values: Any) -> str:
    with translation.override(language):
        return translation.gettext(text) % values


# --- Two officers publish the same draft at once ------------------------------------------

REFUSED = (
    "Someone else published the schedule while you were looking at the draft. "
    "Check the draft and publish again if it still needs it."
)


def draft_ready(fair):  # type: ignore[no-untyped-def]
    factories.accepted(fair.budi, fair.suzuki)
    factories.accepted(fair.dewi, fair.suzuki)
    assert execute_run(start_run(fair.event, None, time_limit=1).pk).status == "succeeded"


def two_officers(officer):  # type: ignore[no-untyped-def]
    colleague = UserFactory(username="colleague", role="officer", organisation=officer.organisation)
    return signed_in(officer, "id"), signed_in(colleague, "ja")


def publish_form(client: Client, event_pk: int) -> dict[str, str]:
    """What the draft page's publish form sends, read from the page the officer has open."""
    page = client.get(f"/events/{event_pk}/schedule/")
    assert page.status_code == 200
    return {"published": page.context["publication_mark"], "view": "grid"}


def test_publishing_from_a_page_older_than_the_last_publication_is_refused(
    fair, officer, member
) -> None:  # type: ignore[no-untyped-def]
    draft_ready(fair)
    first, second = two_officers(officer)
    url = f"/events/{fair.event.pk}/schedule/publish/"
    seen_first = publish_form(first, fair.event.pk)
    seen_second = publish_form(second, fair.event.pk)
    assert first.post(url, seen_first).status_code == 302
    sent = Notification.objects.filter(kind=SCHEDULE_PUBLISHED).count()
    assert sent > 0
    assert second.post(url, seen_second).status_code == 302
    draft_url = f"/events/{fair.event.pk}/schedule/"
    assert messages_shown(first, draft_url) == [
        in_language("id", "%(count)s meetings are published.", count=2)
    ]
    assert messages_shown(second, draft_url) == [in_language("ja", REFUSED)]
    assert in_language("ja", REFUSED) != REFUSED  # translated, not the English fallback
    # The second click neither published again nor told the participants a second time.
    assert Notification.objects.filter(kind=SCHEDULE_PUBLISHED).count() == sent


@pytest.mark.django_db(transaction=True)
def test_two_officers_publish_the_same_draft_at_once(fair, officer, member) -> None:  # type: ignore[no-untyped-def]
    require_postgresql()
    draft_ready(fair)
    first, second = two_officers(officer)
    url = f"/events/{fair.event.pk}/schedule/publish/"
    forms = [publish_form(first, fair.event.pk), publish_form(second, fair.event.pk)]
    statuses = run_at_once(
        [
            lambda: first.post(url, forms[0]).status_code,
            lambda: second.post(url, forms[1]).status_code,
        ]
    )
    assert statuses == [302, 302]
    draft_url = f"/events/{fair.event.pk}/schedule/"
    shown = {"id": messages_shown(first, draft_url), "ja": messages_shown(second, draft_url)}
    done = {lang: in_language(lang, "%(count)s meetings are published.", count=2) for lang in shown}
    refused = {lang: in_language(lang, REFUSED) for lang in shown}
    winners = [lang for lang, texts in shown.items() if texts == [done[lang]]]
    losers = [lang for lang, texts in shown.items() if texts == [refused[lang]]]
    assert (len(winners), len(losers)) == (1, 1), shown
    assert Meeting.objects.filter(event=fair.event, stage=Stage.PUBLISHED).count() == 2
    sent = Notification.objects.filter(kind=SCHEDULE_PUBLISHED)
    # Each company told once, by the winner's publication.
    assert sent.count() == sent.values("recipient", "object_id").distinct().count() > 0


def test_publishing_without_a_page_waits_and_tells_nobody_twice(fair, member) -> None:  # type: ignore[no-untyped-def]
    """The domain function without ``seen`` (an API or a script): a second publication of an
    unchanged draft is no first publication, even from a copy of the event loaded before."""
    draft_ready(fair)
    stale = type(fair.event).objects.get(pk=fair.event.pk)
    publish_draft(fair.event, None)
    sent = Notification.objects.filter(kind=SCHEDULE_PUBLISHED).count()
    assert sent > 0
    publish_draft(stale, None)  # the copy still says "never published"
    assert Notification.objects.filter(kind=SCHEDULE_PUBLISHED).count() == sent


# --- Accepting and withdrawing the same expression of interest at once ---------------------


def accept_and_withdraw(interest, member, requester):  # type: ignore[no-untyped-def]
    owner, asker = signed_in(member, "id"), signed_in(requester, "ja")
    return (
        owner,
        asker,
        lambda: owner.post(f"/interests/{interest.pk}/accept/").status_code,
        lambda: asker.post(f"/interests/{interest.pk}/withdraw/").status_code,
    )


ACCEPTED = "This expression of interest has already been accepted."
WITHDRAWN = "This expression of interest has been withdrawn."


def check_one_won(interest, owner: Client, asker: Client) -> None:  # type: ignore[no-untyped-def]
    page = f"/interests/{interest.pk}/"
    interest.refresh_from_db()
    if interest.status == "accepted":
        assert Introduction.objects.filter(interest=interest).count() == 1
        assert messages_shown(asker, page) == [in_language("ja", ACCEPTED)]
        assert in_language("ja", ACCEPTED) == "この関心表明はすでに承諾されています。"
    else:
        assert interest.status == "withdrawn"
        assert not Introduction.objects.filter(interest=interest).exists()
        assert messages_shown(owner, page) == [in_language("id", WITHDRAWN)]
        assert in_language("id", WITHDRAWN) == "Pernyataan minat ini sudah ditarik kembali."


def test_withdraw_from_a_page_loaded_before_the_acceptance(interest, member, requester) -> None:  # type: ignore[no-untyped-def]
    owner, asker, accept, withdraw = accept_and_withdraw(interest, member, requester)
    assert accept() == 302
    assert withdraw() == 302
    check_one_won(interest, owner, asker)
    assert ExpressionOfInterest.objects.get(pk=interest.pk).status == "accepted"


@pytest.mark.django_db(transaction=True)
def test_accept_and_withdraw_at_once_through_the_pages(interest, member, requester) -> None:  # type: ignore[no-untyped-def]
    require_postgresql()
    owner, asker, accept, withdraw = accept_and_withdraw(interest, member, requester)
    assert run_at_once([accept, withdraw]) == [302, 302]
    check_one_won(interest, owner, asker)


# --- A scheduling run whose time runs out while it writes the draft -----------------------


def draft_rows(event) -> set[tuple[int, int, int, int]]:  # type: ignore[no-untyped-def]
    return set(
        Meeting.objects.filter(event=event, stage=Stage.DRAFT).values_list(
            "pk", "request_id", "slot_id", "table_id"
        )
    )


@pytest.mark.django_db(transaction=True)
def test_a_run_out_of_time_while_writing_leaves_the_previous_draft(fair, officer, settings) -> None:  # type: ignore[no-untyped-def]
    """Another transaction holds a draft meeting (an edit that takes its time): the run's
    write, which first deletes the old draft, waits for it only until the run's time is up,
    then fails; its half-done write is rolled back and the officer is told, in Japanese."""
    require_postgresql()
    draft_ready(fair)
    before = draft_rows(fair.event)
    settings.JEMBATAN_SCHEDULER_TIME_LIMIT = 1
    held, release = threading.Event(), threading.Event()

    def hold_a_draft_meeting() -> None:
        try:
            with transaction.atomic():
                Meeting.objects.select_for_update().filter(pk=min(before)[0]).get()
                held.set()
                release.wait(timeout=30)
        finally:
            held.set()
            connections.close_all()

    holder = threading.Thread(target=hold_a_draft_meeting)
    holder.start()
    try:
        assert held.wait(timeout=10)
        client = signed_in(officer, "ja")
        response = client.post(f"/events/{fair.event.pk}/schedule/run/")
    finally:
        release.set()
        holder.join(timeout=30)
    assert response.status_code == 302
    run = ScheduleRun.objects.filter(event=fair.event).latest("pk")
    assert run.status == RunStatus.FAILED
    timed_out = in_language("ja", TIMED_OUT)
    assert timed_out != TIMED_OUT
    assert run.error == timed_out
    assert messages_shown(client, f"/events/{fair.event.pk}/schedule/") == [
        in_language(
            "ja", "The run failed; the previous draft is unchanged. %(error)s", error=timed_out
        )
    ]
    assert draft_rows(fair.event) == before
    # The rows are free again: the next run writes its draft.
    assert task_schedule_event.delay(fair.event.pk).get() == RunStatus.SUCCEEDED


TIMED_OUT = (
    "Time ran out while waiting to write the draft: someone else was changing "
    "the schedule. Start the run again in a moment."
)


def test_a_run_that_cannot_read_its_event_fails_and_leaves_the_draft(fair) -> None:  # type: ignore[no-untyped-def]
    """On both databases: a run whose event lost its slots after the last draft (a real
    failing condition, the instance no longer builds) is recorded as failed, with the
    reason, and the draft it would have replaced stays as it was."""
    draft_ready(fair)
    before = draft_rows(fair.event)
    fair.event.slots.update(blocked=True)
    assert task_schedule_event.delay(fair.event.pk).get() == RunStatus.FAILED
    run = ScheduleRun.objects.filter(event=fair.event).latest("pk")
    assert run.error == "slots: must be a non-empty list of slot names, got []"
    assert draft_rows(fair.event) == before


# --- The database goes away under the running site (real HTTP, live_server) ---------------

UNAVAILABLE = "The site cannot reach its database for a moment. Please try again in a minute."


def fetch(url: str, language: str, **headers: str) -> tuple[int, dict[str, str], str]:
    # Only the live server's http:// address is opened.
    request = urllib.request.Request(url, headers={"Accept-Language": language, **headers})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def require_own_server_connections() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL: SQLite's in-memory test database is one connection the live "
            "server shares with the test, so there is no server connection to refuse or cut."
        )


@contextlib.contextmanager
def database_settings(**changes: Any) -> Iterator[None]:
    """Change what new connections use (the live server opens its own), then put it back."""
    settings_dict = connections["default"].settings_dict
    saved = {name: settings_dict.get(name) for name in changes}
    settings_dict.update(changes)
    try:
        yield
    finally:
        settings_dict.update(saved)


@pytest.mark.django_db(transaction=True)
def test_database_unreachable_gives_a_503_in_the_users_language_then_recovers(live_server) -> None:  # type: ignore[no-untyped-def]
    require_own_server_connections()
    home = live_server.url + "/"
    api = live_server.url + "/api/v1/regions/"
    assert fetch(home, "ja")[0] == 200
    # Every new connection now goes to a port where no database listens (connection refused).
    with database_settings(HOST="127.0.0.1", PORT="1"):
        status, headers, page = fetch(home, "ja")
        api_status, api_headers, body = fetch(api, "id", Authorization="Token " + "0" * 64)
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert in_language("ja", UNAVAILABLE) in page
    assert in_language("ja", UNAVAILABLE) != UNAVAILABLE
    assert api_status == 503
    assert api_headers["Retry-After"] == "30"
    assert json.loads(body) == {"detail": in_language("id", UNAVAILABLE)}
    for private in ("Traceback", "OperationalError", "psycopg", "127.0.0.1", ":1", "postgres"):
        assert private not in page
        assert private not in body
    # The database is back: the very next requests are answered, no restart.
    assert fetch(home, "ja")[0] == 200
    assert fetch(api, "id", Authorization="Token " + "0" * 64)[0] == 401


def waiting_backends(cursor: Any) -> list[int]:
    cursor.execute("SELECT pg_stat_clear_snapshot()")  # else one snapshot per transaction
    cursor.execute(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
    )
    return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db(transaction=True)
def test_a_connection_cut_under_a_request_fails_cleanly_and_the_site_recovers(live_server) -> None:  # type: ignore[no-untyped-def]
    """What a database restart does to requests in flight: their connection is cut. The home
    page reads the companies table; while this test locks it, a request waits on it, and
    its server connection is terminated as a restart would."""
    require_own_server_connections()
    home = live_server.url + "/"
    assert fetch(home, "id")[0] == 200
    answered: list[tuple[int, dict[str, str], str]] = []
    request = threading.Thread(target=lambda: answered.append(fetch(home, "id")))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("LOCK TABLE registry_company IN ACCESS EXCLUSIVE MODE")
        request.start()
        for _attempt in range(400):  # until the request's query waits on the lock
            pids = waiting_backends(cursor)
            if pids:
                break
            time.sleep(0.025)  # PostgreSQL's own view is polled: there is no event to wait on
        assert pids, "the request never reached the database"
        cursor.execute("SELECT pg_terminate_backend(pid) FROM unnest(%s::int[]) AS pid", [pids])
        request.join(timeout=30)
    (status, headers, page) = answered[0]
    assert (status, headers["Retry-After"]) == (503, "30")
    assert in_language("id", UNAVAILABLE) in page
    for private in ("Traceback", "OperationalError", "terminating", "registry_company"):
        assert private not in page
    # The next requests get a new connection: the site recovers without a restart.
    assert fetch(home, "id")[0] == 200
    assert fetch(home, "ja")[0] == 200
