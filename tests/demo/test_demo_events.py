"""The demo's business-matching events: a scheduled fair in Jakarta, an open one in Osaka."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.test import Client, override_settings
from django.utils import timezone, translation

from jembatan.accounts.models import User
from jembatan.demo.domain.events_demo import JAKARTA_NAME, OSAKA_NAME, local_today
from jembatan.events.domain.checkin import is_event_day
from jembatan.events.domain.drafts import draft_conflicts
from jembatan.events.domain.requests import send_request, window_state
from jembatan.events.models import Event, Meeting, MeetingRequest, Participant, Stage


def run_demo(*args: str) -> None:
    with translation.override("en"), override_settings(JEMBATAN_REFERENCE_DATA=""):
        call_command("demo", *args, stdout=StringIO())


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """One demo run for the module, rolled back after."""
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        override_settings(PASSWORD_HASHERS=hashers),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        run_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def jakarta(demo_once: None, db) -> Event:  # type: ignore[no-untyped-def]
    return Event.objects.get(name=JAKARTA_NAME)


def member_participant(event: Event, username: str) -> Participant:
    organisation = User.objects.get(username=username).organisation
    assert organisation is not None
    return Participant.objects.get(event=event, company_id=organisation.company_id)


def published_for(participant: Participant) -> int:
    return (
        Meeting.objects.filter(stage=Stage.PUBLISHED)
        .filter(Q(request__sender=participant) | Q(request__receiver=participant))
        .count()
    )


def test_demo_jakarta_event_set_up_as_described(jakarta: Event) -> None:
    assert (jakarta.time_zone, jakarta.table_count) == ("Asia/Jakarta", 20)
    assert "Kementerian Perindustrian" in jakarta.venue
    # Relative to the day the demo is loaded: its second day is today in Jakarta.
    today = local_today("Asia/Jakarta")
    yesterday = today - dt.timedelta(days=1)
    sessions = [(s.day, f"{s.starts:%H:%M}") for s in jakarta.sessions.all()]
    assert sessions == [
        (yesterday, "09:00"),
        (yesterday, "13:30"),
        (today, "09:00"),
        (today, "13:30"),
    ]
    assert jakarta.requests_close is not None
    assert jakarta.requests_close < timezone.now()
    assert jakarta.slots.count() == 24
    assert jakarta.tables.count() == 20
    assert [i.languages[:2] for i in jakarta.interpreters.all()] == [["ja", "id"]] * 4


def test_demo_jakarta_participants_speak_their_languages(jakarta: Event) -> None:
    people = list(jakarta.participants.select_related("company"))
    by_country = Counter(p.company.country for p in people)
    assert by_country == {"JP": 18, "ID": 22}
    home = {"JP": "ja", "ID": "id"}
    # Each speaks the home language, and some English too; nobody anything else.
    others = [
        p.languages
        for p in people
        if p.languages != [home[p.company.country]]
        and p.languages != [home[p.company.country], "en"]
    ]
    assert others == []
    partial = [p for p in people if not p.available_everywhere]
    assert 5 <= len(partial) <= 20
    assert all(p.available_slots.exists() for p in partial)


def test_demo_jakarta_requests_mostly_accepted(jakarta: Event) -> None:
    requests = list(
        MeetingRequest.objects.filter(event=jakarta).select_related(
            "sender__company", "receiver__company"
        )
    )
    assert len(requests) == 120
    statuses = Counter(r.status for r in requests)
    assert statuses["accepted"] >= 90
    assert statuses["pending"] > 0
    assert statuses["declined"] > 0
    assert {r.priority for r in requests} == {1, 2, 3}
    assert all(r.sender.company.country != r.receiver.company.country for r in requests)


def test_demo_jakarta_schedule_published_without_conflicts(jakarta: Event) -> None:
    run = jakarta.runs.get()
    assert run.status == "succeeded"
    published = Meeting.objects.filter(event=jakarta, stage=Stage.PUBLISHED).count()
    assert published == run.meeting_count
    assert published >= 80
    assert jakarta.schedule_published_at is not None
    assert draft_conflicts(jakarta) == []


@pytest.mark.parametrize("username", ["sme.packaging", "ikm.batik"])
def test_demo_members_see_their_agenda(jakarta: Event, username: str) -> None:
    participant = member_participant(jakarta, username)
    assert published_for(participant) >= 3
    client = Client()
    client.force_login(User.objects.get(username=username))
    response = client.get(f"/events/{jakarta.pk}/participants/{participant.pk}/")
    assert response.status_code == 200
    assert len(response.context["agenda"]) == published_for(participant)


def test_demo_osaka_event_open_for_registration(demo_once: None, db) -> None:  # type: ignore[no-untyped-def]
    osaka = Event.objects.get(name=OSAKA_NAME)
    assert osaka.time_zone == "Asia/Tokyo"
    assert osaka.registration_opens is not None
    assert osaka.registration_closes is not None
    now = timezone.now()
    assert window_state(osaka.registration_opens, osaka.registration_closes, now) == "open"
    assert window_state(osaka.requests_open, osaka.requests_close, now) == "open"
    assert osaka.sessions.first().day > now.date()  # type: ignore[union-attr]
    assert osaka.slots.count() > 0
    assert not osaka.meetings.exists()
    assert not osaka.runs.exists()
    assert osaka.schedule_published_at is None


def requests_of(name: str) -> list[tuple[str, str, int, str]]:
    return sorted(
        MeetingRequest.objects.filter(event__name=name).values_list(
            "sender__name", "receiver__name", "priority", "status"
        )
    )


def test_demo_events_second_run_skips_and_reset_rebuilds_the_same(jakarta: Event) -> None:
    before = requests_of(JAKARTA_NAME)
    pks = sorted(Event.objects.values_list("pk", flat=True))
    run_demo()
    assert sorted(Event.objects.values_list("pk", flat=True)) == pks
    run_demo("--reset")
    assert Event.objects.filter(name__in=[JAKARTA_NAME, OSAKA_NAME]).count() == 2
    assert not Event.objects.filter(pk=jakarta.pk).exists()
    assert requests_of(JAKARTA_NAME) == before


def test_demo_jakarta_check_in_open_today(jakarta: Event) -> None:
    assert is_event_day(jakarta) is True


def test_demo_osaka_member_can_send_a_request_now(demo_once: None, db) -> None:  # type: ignore[no-untyped-def]
    osaka = Event.objects.get(name=OSAKA_NAME)
    batik = member_participant(osaka, "ikm.batik")
    partner = (
        Participant.objects.filter(event=osaka, company__country="JP")
        .exclude(received_requests__sender=batik)
        .first()
    )
    assert partner is not None
    request = send_request(batik, partner, 3, "Batik tulis untuk pasar Kansai.", None)
    assert request.status == "accepted"  # the Osaka event accepts requests at once
