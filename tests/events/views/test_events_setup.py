"""Officers create and edit events with their sessions; saving plans the slots."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from jembatan.events.models import Event, Meeting, Stage
from tests.events import factories

ROLES = ["anonymous", "viewer", "outsider", "member", "officer"]


def event_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Temu Bisnis Makassar 2027",
        "venue": "Hotel Claro, Makassar",
        "time_zone": "Asia/Makassar",
        "description": "",
        "table_count": "4",
        "table_names": "",
        "registration_opens": "2027-01-04T08:00",
        "registration_closes": "2027-02-15T17:00",
        "requests_open": "2027-02-01T08:00",
        "requests_close": "2027-02-20T17:00",
        "scheduling_date": "2027-02-22",
        "is_public": "on",
        "sessions-TOTAL_FORMS": "2",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
        "sessions-0-day": "2027-03-02",
        "sessions-0-starts": "09:00",
        "sessions-0-ends": "10:30",
        "sessions-0-slot_minutes": "30",
        "sessions-0-break_minutes": "0",
        "sessions-1-day": "2027-03-02",
        "sessions-1-starts": "13:00",
        "sessions-1-ends": "14:00",
        "sessions-1-slot_minutes": "20",
        "sessions-1-break_minutes": "10",
    }
    data.update(overrides)
    return data


def edit_data(event: Event, **overrides: Any) -> dict[str, Any]:
    """The edit form's data as the page shows it, with `overrides` typed in."""
    sessions = list(event.sessions.all())
    data = event_data(
        name=event.name,
        venue=event.venue,
        time_zone=event.time_zone,
        table_count=str(event.table_count),
        registration_opens="",
        registration_closes="",
        requests_open="",
        requests_close="",
        scheduling_date="",
        **{
            "sessions-TOTAL_FORMS": str(len(sessions)),
            "sessions-INITIAL_FORMS": str(len(sessions)),
        },
    )
    for n, session in enumerate(sessions):
        data.update(
            {
                f"sessions-{n}-id": str(session.pk),
                f"sessions-{n}-day": session.day.isoformat(),
                f"sessions-{n}-starts": f"{session.starts:%H:%M}",
                f"sessions-{n}-ends": f"{session.ends:%H:%M}",
                f"sessions-{n}-slot_minutes": str(session.slot_minutes),
                f"sessions-{n}-break_minutes": str(session.break_minutes),
            }
        )
    data.update(overrides)
    return data


def errors_of(response) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return dict(response.context["form"].errors)


def session_errors(response) -> list[dict[str, list[str]]]:  # type: ignore[no-untyped-def]
    return [dict(f.errors) for f in response.context["formset"].forms]


@pytest.mark.parametrize("role", ROLES)
def test_event_create_allows_officers_only(as_user, role: str, db) -> None:  # type: ignore[no-untyped-def]
    get = as_user(role).get("/events/new/")
    post = as_user(role).post("/events/new/", event_data())
    if role == "anonymous":
        assert (get.status_code, post.status_code) == (302, 302)
        assert get["Location"].startswith("/accounts/login/")
    elif role == "officer":
        assert get.status_code == 200
        assert post.status_code == 302
    else:
        assert (get.status_code, post.status_code) == (403, 403)
    assert Event.objects.count() == (1 if role == "officer" else 0)


@pytest.mark.parametrize("role", ROLES)
def test_event_edit_allows_officers_only(as_user, role: str, db) -> None:  # type: ignore[no-untyped-def]
    event = factories.scheduled_event()
    response = as_user(role).post(f"/events/{event.pk}/edit/", edit_data(event, name="Renamed"))
    event.refresh_from_db()
    assert (event.name == "Renamed") == (role == "officer")
    expected = {"anonymous": 302, "officer": 302}.get(role, 403)
    assert response.status_code == expected


def test_event_edit_hidden_event_unknown_to_members(as_user, db) -> None:  # type: ignore[no-untyped-def]
    event = factories.scheduled_event(is_public=False)
    assert as_user("member").get(f"/events/{event.pk}/edit/").status_code == 404


def test_event_create_generates_slots_in_the_event_zone(as_user, officer) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").post("/events/new/", event_data())
    event = Event.objects.get()
    assert response["Location"] == f"/events/{event.pk}/organise/"
    assert event.created_by == officer
    assert [(s.code, s.starts_at.isoformat()) for s in event.slots.all()] == [
        ("d1-0900", "2027-03-02T01:00:00+00:00"),
        ("d1-0930", "2027-03-02T01:30:00+00:00"),
        ("d1-1000", "2027-03-02T02:00:00+00:00"),
        ("d1-1300", "2027-03-02T05:00:00+00:00"),
        ("d1-1330", "2027-03-02T05:30:00+00:00"),
    ]
    assert event.registration_opens == dt.datetime(2027, 1, 4, 0, 0, tzinfo=dt.UTC)
    assert list(event.tables.values_list("number", flat=True)) == [1, 2, 3, 4]


def test_event_create_named_tables_set_the_count(as_user, db) -> None:  # type: ignore[no-untyped-def]
    as_user("officer").post(
        "/events/new/", event_data(table_count="", table_names="Ruang Melati\n\nRuang Mawar\n")
    )
    event = Event.objects.get()
    assert event.table_count == 2
    assert [t.label for t in event.tables.all()] == ["Ruang Melati", "Ruang Mawar"]


def test_event_create_accepts_any_iana_zone(as_user, db) -> None:  # type: ignore[no-untyped-def]
    as_user("officer").post("/events/new/", event_data(time_zone="Asia/Bangkok"))
    assert Event.objects.get().time_zone == "Asia/Bangkok"


def test_event_form_errors_name_the_field(as_user, db) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").post(
        "/events/new/",
        event_data(
            time_zone="Asia/Bandung",
            table_count="",
            registration_closes="2027-01-01T08:00",
            requests_close="2027-01-31T17:00",
        ),
    )
    assert response.status_code == 200
    assert errors_of(response) == {
        "time_zone": ["Time zone: Asia/Bandung is not a known time zone (e.g. Asia/Jakarta)."],
        "table_count": ["Number of tables: give a number or name the tables."],
        "registration_closes": ["Registration closes: this must be after registration opens."],
        "requests_close": ["Meeting requests close: this must be after meeting requests open."],
    }
    assert Event.objects.count() == 0


def test_event_form_requests_must_close_before_the_scheduling_date(as_user, db) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").post(
        "/events/new/", event_data(requests_close="2027-02-22T10:00")
    )
    assert errors_of(response) == {
        "scheduling_date": [
            "Scheduling date: the meeting requests must close before it; they close on 2027-02-22 10:00."
        ]
    }


def test_event_form_scheduling_date_before_the_first_day(as_user, db) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").post("/events/new/", event_data(scheduling_date="2027-03-02"))
    assert errors_of(response) == {
        "scheduling_date": [
            "Scheduling date: it must be before the first day of meetings, 2027-03-02."
        ]
    }


def test_event_form_table_count_and_names_disagree(as_user, db) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").post(
        "/events/new/", event_data(table_count="3", table_names="A\nB")
    )
    assert errors_of(response) == {
        "table_count": ["Number of tables: 3, but 2 table names are given."]
    }


def test_session_errors_name_the_field(as_user, db) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").post(
        "/events/new/",
        event_data(
            **{
                "sessions-0-ends": "08:30",
                "sessions-1-slot_minutes": "90",
                "sessions-1-break_minutes": "-5",
            }
        ),
    )
    assert session_errors(response) == [
        {"ends": ["Ends: 08:30 is not after the start, 09:00."]},
        {
            "slot_minutes": ["Slot length: between 15 and 60 minutes."],
            "break_minutes": ["Break: between 0 and 60 minutes."],
        },
    ]


def test_session_shorter_than_a_slot(as_user, db) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").post("/events/new/", event_data(**{"sessions-0-ends": "09:20"}))
    assert session_errors(response)[0] == {
        "ends": ["Ends: the session is shorter than one 30-minute slot."]
    }


def test_sessions_overlap_and_none(as_user, db) -> None:  # type: ignore[no-untyped-def]
    client = as_user("officer")
    overlap = client.post("/events/new/", event_data(**{"sessions-1-starts": "10:00"}))
    assert list(overlap.context["formset"].non_form_errors()) == [
        "Sessions: on 2027-03-02, 09:00–10:30 and 10:00–14:00 overlap."
    ]
    empty = {f"sessions-{n}-{k}": "" for n in (0, 1) for k in ("day", "starts", "ends")}
    empty |= {"sessions-1-slot_minutes": "30", "sessions-1-break_minutes": "0"}
    none = client.post("/events/new/", event_data(**empty))
    assert list(none.context["formset"].non_form_errors()) == [
        "Sessions: add at least one session."
    ]


def test_event_edit_keeps_slots_and_meetings_that_stay(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    event = fair.event
    request = factories.accepted(fair.budi, fair.suzuki)
    slot = factories.slot(event, "d1-0900")
    table = event.tables.get(number=1)
    Meeting.objects.create(event=event, request=request, slot=slot, table=table, stage=Stage.DRAFT)
    # The afternoon session moves to the next day: 13:00 slots are replaced, 09:00 kept.
    data = edit_data(event, **{"sessions-1-day": "2026-03-11"})
    response = as_user("officer").post(f"/events/{event.pk}/edit/", data)
    assert response.status_code == 302
    assert [s.code for s in event.slots.all()] == [
        "d1-0900",
        "d1-0930",
        "d1-1000",
        "d2-1300",
        "d2-1330",
    ]
    assert Meeting.objects.get().slot == slot


def test_event_edit_refuses_to_drop_a_slot_with_a_meeting(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    event = fair.event
    request = factories.accepted(fair.budi, fair.tanaka)
    slot = factories.slot(event, "d1-1330")
    Meeting.objects.create(
        event=event, request=request, slot=slot, table=event.tables.get(number=2)
    )
    data = edit_data(event, name="Renamed", **{"sessions-1-ends": "13:30"})
    response = as_user("officer").post(f"/events/{event.pk}/edit/", data)
    assert response.status_code == 200
    assert errors_of(response) == {
        "__all__": [
            "These changes would remove slots or tables that meetings use; change them back "
            "or drop these meetings first: Budi Santoso – Tanaka Hiroshi (d1-1330, table 2, draft)."
        ]
    }
    event.refresh_from_db()
    assert event.name == "Temu Bisnis Indonesia–Jepang 2026"
    assert event.slots.count() == 5
    assert event.sessions.get(starts=dt.time(13)).ends == dt.time(14)


def test_event_edit_refuses_to_drop_a_table_with_a_meeting(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    event = fair.event
    request = factories.accepted(fair.budi, fair.tanaka)
    Meeting.objects.create(
        event=event,
        request=request,
        slot=factories.slot(event, "d1-0900"),
        table=event.tables.get(number=3),
        stage=Stage.PUBLISHED,
    )
    response = as_user("officer").post(
        f"/events/{event.pk}/edit/", edit_data(event, table_count="2")
    )
    assert errors_of(response)["__all__"][0].endswith(
        "Budi Santoso – Tanaka Hiroshi (d1-0900, table 3, published)."
    )
    assert event.tables.count() == 3


def test_event_edit_shows_times_in_the_event_zone(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    event = fair.event
    event.requests_close = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)
    event.save()
    response = as_user("officer").get(f"/events/{event.pk}/edit/")
    assert 'value="2026-03-01T17:00"' in response.content.decode()


def test_event_list_links_new_event_for_officers_only(as_user, db) -> None:  # type: ignore[no-untyped-def]
    assert 'href="/events/new/"' in as_user("officer").get("/events/").content.decode()
    assert 'href="/events/new/"' not in as_user("member").get("/events/").content.decode()


def test_event_edit_refuses_to_drop_a_locked_slot(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    event = fair.event
    request = factories.accepted(fair.suzuki, fair.dewi)
    request.lock_slot = factories.slot(event, "d1-1330")
    request.lock_table = event.tables.get(number=1)
    request.save()
    data = edit_data(event, **{"sessions-1-ends": "13:30"})
    response = as_user("officer").post(f"/events/{event.pk}/edit/", data)
    assert errors_of(response)["__all__"][0].endswith(
        "first: Suzuki Yuki – Dewi Lestari (locked to d1-1330)."
    )
    request.refresh_from_db()
    assert request.lock_slot is not None
