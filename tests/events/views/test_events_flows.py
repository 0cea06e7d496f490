"""The pages in use: registration, requests, the draft (run, edit, publish), the day."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.events.models import (
    Event,
    FollowUp,
    Meeting,
    MeetingRequest,
    Participant,
    ScheduleRun,
    Stage,
)
from tests.events import factories
from tests.factories import CompanyFactory
from tests.navigation import queue_count_queries


def messages_of(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(m) for m in response.context["messages"]]


def test_member_registers_a_representative_for_some_days(fair, as_user, company) -> None:  # type: ignore[no-untyped-def]
    response = as_user("member").post(
        f"/events/{fair.event.pk}/register/",
        {
            "name": "Andi Wijaya",
            "email": "andi@example.co.id",
            "languages": ["id", "en"],
            "agenda_language": "id",
            "max_meetings": "4",
            "days": ["2026-03-10"],
            "company": CompanyFactory().pk,  # ignored: members register for their company
        },
    )
    andi = Participant.objects.get(name="Andi Wijaya")
    assert response["Location"] == f"/events/{fair.event.pk}/participants/{andi.pk}/"
    assert (andi.company, andi.languages, andi.max_meetings) == (company, ["id", "en"], 4)
    assert andi.available_everywhere is False
    assert [s.code for s in andi.available_slots.order_by("starts_at")] == [
        "d1-0900",
        "d1-0930",
        "d1-1000",
        "d1-1300",
        "d1-1330",
    ]


def test_register_without_availability_names_the_field(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("member").post(
        f"/events/{fair.event.pk}/register/",
        {"name": "Andi Wijaya", "languages": ["id"], "agenda_language": "id"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "available_slots": ["Choose the days or slots when available, or tick the whole event."]
    }


def test_officer_registers_an_interpreter_for_two_slots(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    slots = [factories.slot(fair.event, c).pk for c in ("d1-0900", "d1-1300")]
    response = as_user("officer").post(
        f"/events/{fair.event.pk}/organise/interpreters/add/",
        {"name": "Kenji Mori", "languages": ["ja", "id"], "available_slots": slots},
    )
    assert response.status_code == 302
    kenji = fair.event.interpreters.get(name="Kenji Mori")
    assert sorted(s.code for s in kenji.available_slots.all()) == ["d1-0900", "d1-1300"]


def test_request_sent_then_answered_through_the_pages(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    url = f"/events/{fair.event.pk}/participants/{fair.budi.pk}/request/"
    response = as_user("member").post(
        url,
        {"receiver": fair.tanaka.pk, "priority": "3", "message": "Kemasan untuk ekspor."},
        follow=True,
    )
    assert messages_of(response) == ["Your request is sent."]
    request = MeetingRequest.objects.get()
    assert (request.status, request.priority, request.message) == (
        "pending",
        3,
        "Kemasan untuk ekspor.",
    )
    own = as_user("member").post(url, {"receiver": fair.budi.pk, "priority": "3"}, follow=True)
    assert messages_of(own)[0].startswith("meet: Select a valid choice.")
    response = as_user("outsider").post(
        f"/events/{fair.event.pk}/requests/{request.pk}/accept/", follow=True
    )
    assert messages_of(response) == ["Accepted."]
    request.refresh_from_db()
    assert request.status == "accepted"


def test_draft_run_move_with_warnings_and_publish(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    r1 = factories.accepted(fair.budi, fair.tanaka, 3)
    r2 = factories.accepted(fair.budi, fair.suzuki, 2)
    client = as_user("officer")
    response = client.post(f"/events/{fair.event.pk}/schedule/run/", follow=True)
    assert messages_of(response) == ["The draft holds 2 meetings (objective 5 of at most 5)."]
    run = ScheduleRun.objects.get()
    assert run.started_by.username == "officer"
    m1 = Meeting.objects.get(request=r1)
    m2 = Meeting.objects.get(request=r2)
    response = client.post(
        f"/events/{fair.event.pk}/schedule/move/",
        {"meeting": m2.pk, "slot": m1.slot_id, "table": m1.table_id},
        follow=True,
    )
    shown = messages_of(response)
    assert shown[0] == "The meeting is moved."
    assert len(shown) == 3
    assert all(m.startswith("Conflict: ") for m in shown[1:])
    assert len(response.context["conflicts"]) == 2
    response = client.post(f"/events/{fair.event.pk}/schedule/publish/", follow=True)
    assert messages_of(response)[0] == "The draft cannot be published while it has 2 conflicts."
    free = fair.event.slots.exclude(pk=m1.slot_id).first()
    client.post(
        f"/events/{fair.event.pk}/schedule/move/",
        {"meeting": m2.pk, "slot": free.pk, "table": m1.table_id},
    )
    response = client.post(f"/events/{fair.event.pk}/schedule/publish/", follow=True)
    assert messages_of(response) == ["The meeting is moved.", "2 meetings are published."]
    assert Meeting.objects.filter(stage=Stage.PUBLISHED).count() == 2


def test_draft_page_explains_unscheduled_requests(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    fair.dewi.available_everywhere = False
    fair.dewi.save()
    fair.dewi.available_slots.set([factories.slot(fair.event, "d1-0900")])
    fair.tanaka.available_everywhere = False
    fair.tanaka.save()
    fair.tanaka.available_slots.set([factories.slot(fair.event, "d1-1330")])
    factories.accepted(fair.dewi, fair.tanaka, 3)
    client = as_user("officer")
    client.post(f"/events/{fair.event.pk}/schedule/run/")
    page = client.get(f"/events/{fair.event.pk}/schedule/")
    assert [(r.sender.name, why) for r, why in page.context["unscheduled"]] == [
        ("Dewi Lestari", "no common free slot")
    ]


def test_no_show_and_fill_through_the_check_in_page(fair, as_user, clock) -> None:  # type: ignore[no-untyped-def]
    factories.accepted(fair.budi, fair.suzuki)
    client = as_user("officer")
    client.post(f"/events/{fair.event.pk}/schedule/run/")
    client.post(f"/events/{fair.event.pk}/schedule/publish/")
    response = client.post(
        f"/events/{fair.event.pk}/checkin/{fair.suzuki.pk}/absent/", {"expected": "1"}, follow=True
    )
    assert messages_of(response)[-1] == "Suzuki Yuki did not come: 1 meeting is freed."
    response = client.post(f"/events/{fair.event.pk}/checkin/fill/", follow=True)
    assert messages_of(response)[-1] == "0 waiting requests got a freed slot."


def test_member_rates_a_meeting_with_a_next_step(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    factories.accepted(fair.budi, fair.suzuki)
    officer = as_user("officer")
    officer.post(f"/events/{fair.event.pk}/schedule/run/")
    officer.post(f"/events/{fair.event.pk}/schedule/publish/")
    meeting = Meeting.objects.get(stage=Stage.PUBLISHED)
    url = f"/events/{fair.event.pk}/participants/{fair.budi.pk}/meetings/{meeting.pk}/rate/"
    response = as_user("member").post(
        url, {"happened": "on", "usefulness": "4", "next_step": "on", "next_step_text": ""}
    )
    assert response.context["form"].errors == {"next_step_text": ["Say what the next step is."]}
    as_user("member").post(
        url,
        {"happened": "on", "usefulness": "4", "next_step": "on", "next_step_text": "Audit pabrik."},
    )
    assert FollowUp.objects.get().text == "Audit pabrik."


def count_queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_event_list_queries_do_not_grow(as_user, db, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    factories.scheduled_event()
    one = count_queries(client, "/events/")
    factories.scheduled_event(name="Business Matching Osaka", time_zone="Asia/Tokyo")
    factories.scheduled_event(name="Temu Bisnis Surabaya")
    with django_assert_num_queries(one):
        response = client.get("/events/")
    assert one == 7
    assert len(response.context["events"]) == 3


def test_request_list_queries_do_not_grow(fair, as_user, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    url = f"/events/{fair.event.pk}/requests/"
    clients = {role: as_user(role) for role in ("officer", "member")}
    factories.accepted(fair.budi, fair.tanaka)
    one = {role: count_queries(client, url) for role, client in clients.items()}
    factories.accepted(fair.budi, fair.suzuki)
    factories.accepted(fair.dewi, fair.budi)
    for role, client in clients.items():
        with django_assert_num_queries(one[role]):
            response = client.get(url)
        assert len(response.context["requests"]) == 3
    # The officer's pages also count the navigation's four officer queues.
    assert one == {"officer": 9 + queue_count_queries(), "member": 8}


@pytest.mark.parametrize("view", ["grid", "list"])
def test_draft_queries_do_not_grow(fair, as_user, django_assert_num_queries, view: str) -> None:  # type: ignore[no-untyped-def]
    client = as_user("officer")
    url = f"/events/{fair.event.pk}/schedule/?view={view}"
    factories.accepted(fair.budi, fair.tanaka)
    client.post(f"/events/{fair.event.pk}/schedule/run/")
    one = count_queries(client, url)
    factories.accepted(fair.budi, fair.suzuki)
    factories.accepted(fair.dewi, fair.suzuki)
    client.post(f"/events/{fair.event.pk}/schedule/run/")
    assert Meeting.objects.filter(stage=Stage.DRAFT).count() == 3
    with django_assert_num_queries(one):
        response = client.get(url)
    # 18: the instance also prefetches preferred and unwanted slots; and the navigation's queues
    assert one == 18 + queue_count_queries()
    assert response.content.decode().count('class="draft-meeting') == 3
    assert Event.objects.count() == 1


def test_draft_grid_shows_slot_times_not_codes(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    factories.accepted(fair.budi, fair.tanaka)
    client = as_user("officer")
    client.post(f"/events/{fair.event.pk}/schedule/run/")
    meeting = Meeting.objects.select_related("slot").get()
    html = client.get(f"/events/{fair.event.pk}/schedule/").content.decode()
    assert meeting.slot.code.startswith("d1-")
    assert '<span class="grid-time__range">09:00–09:30</span>' in html
    assert '<span class="grid-time__range">13:30–14:00</span>' in html
    assert "d1-" not in html
    assert "<span>Tue 10 Mar 2026</span>" in html  # the day heading
    assert '<span class="grid-person">Budi Santoso</span>' in html
    assert '<span class="grid-company">Akashi Seimitsu</span>' in html
    assert 'class="ev-badge ev-badge--interpreter"' in html


def test_draft_grid_chosen_meeting_offers_free_cells(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    factories.accepted(fair.budi, fair.tanaka)
    client = as_user("officer")
    client.post(f"/events/{fair.event.pk}/schedule/run/")
    meeting = Meeting.objects.get()
    free_cells = fair.event.slots.filter(blocked=False).count() * fair.event.tables.count() - 1
    page = client.get(f"/events/{fair.event.pk}/schedule/?meeting={meeting.pk}")
    assert page.content.decode().count(">Move here</a>") == free_cells
    assert page.context["chosen"] == {
        "meeting": meeting.pk,
        "other": None,
        "slot": None,
        "table": None,
    }


def test_member_registration_refused_after_the_window(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    fair.event.registration_closes = dt.datetime(2026, 1, 31, 10, tzinfo=dt.UTC)
    fair.event.save()
    response = as_user("member").get(f"/events/{fair.event.pk}/register/", follow=True)
    assert messages_of(response) == [
        "Registration: This closed on 2026-01-31 17:00 (Asia/Jakarta)."
    ]
    assert as_user("officer").get(f"/events/{fair.event.pk}/register/").status_code == 200
