"""The optional instance keys built from the database: companies, breaks, wishes, previous.

These check the built instance dict (not a solver result): the solver that reads the new
keys is developed beside this code."""

from __future__ import annotations

from jembatan.events.domain.instances import (
    attendee_fields,
    build_event_data,
    output_attendees,
    output_figures,
)
from jembatan.events.domain.requests import block_slot
from jembatan.events.models import Meeting, Stage
from tests.events import factories


def test_build_event_data_without_the_features_has_no_new_keys(fair) -> None:  # type: ignore[no-untyped-def]
    factories.accepted(fair.budi, fair.tanaka)
    data = build_event_data(fair.event).data
    assert set(data) == {"slots", "tables", "participants", "interpreters", "requests", "locked"}
    assert all(set(p) == {"id", "languages"} for p in data["participants"])  # type: ignore[attr-defined]


def test_build_event_data_breaks_and_wishes(fair) -> None:  # type: ignore[no-untyped-def]
    e, b, t = fair.event, fair.budi, fair.tanaka
    e.max_consecutive = 3
    e.save()
    b.max_consecutive = 2
    b.save()
    b.preferred_slots.set([factories.slot(e, "d1-1000"), factories.slot(e, "d1-0900")])
    b.unwanted_slots.set([factories.slot(e, "d1-1330")])
    t.unwanted_slots.set([factories.slot(e, "d1-0930")])
    block_slot(factories.slot(e, "d1-0930"), True, None)  # a blocked slot is no wish
    data = build_event_data(e).data
    assert data["max_consecutive"] == 3
    assert data["participants"][0] == {  # type: ignore[index]
        "id": f"p{b.pk}",
        "languages": ["en", "id"],
        "max_consecutive": 2,
        "preferred": ["d1-0900", "d1-1000"],
        "unwanted": ["d1-1330"],
    }
    assert data["participants"][1] == {"id": f"p{t.pk}", "languages": ["ja"]}  # type: ignore[index]


def test_build_event_data_previous_is_the_published_schedule(fair) -> None:  # type: ignore[no-untyped-def]
    e = fair.event
    request = factories.accepted(fair.budi, fair.tanaka)
    published = Meeting.objects.create(
        event=e,
        request=request,
        stage=Stage.PUBLISHED,
        slot=factories.slot(e, "d1-1000"),
        table=e.tables.get(number=2),
        interpreter=fair.rina,
    )
    assert "previous" not in build_event_data(e).data
    data = build_event_data(e, previous=[published]).data
    assert data["previous"] == [
        {
            "request": f"r{request.pk}",
            "slot": "d1-1000",
            "table": 2,
            "interpreter": f"i{fair.rina.pk}",
            "attendees": None,  # the request names people, not a company
        }
    ]


def test_output_figures_reads_numbers_and_the_moved_count() -> None:
    output = {
        "meetings": [],
        "moved": ["r1", "r4"],
        "figures": {
            "idle_gaps_mean": 0.5,
            "idle_gaps_max": 2,
            "participants_with_requests_but_no_meeting": 1,
            "note": "text is left out",
        },
    }
    assert output_figures(output) == {
        "idle_gaps_mean": 0.5,
        "idle_gaps_max": 2,
        "participants_with_requests_but_no_meeting": 1,
        "moved": 2,
    }
    assert output_figures({"moved": 3}) == {"moved": 3}
    assert output_figures({"meetings": []}) == {}


def test_output_attendees_by_request() -> None:
    output = {
        "meetings": [
            {"request": "r5", "slot": "d1-0900", "table": 1, "interpreter": None},
            {
                "request": "r6",
                "slot": "d1-0900",
                "table": 2,
                "interpreter": None,
                "attendees": ["p3", "p9"],
            },
        ]
    }
    assert output_attendees(output) == {6: {"sender_attendee_id": 3, "receiver_attendee_id": 9}}
    assert attendee_fields({"request": "r5"}) == {
        "sender_attendee_id": None,
        "receiver_attendee_id": None,
    }


def test_run_figures_in_the_summarys_order(fair) -> None:  # type: ignore[no-untyped-def]
    from jembatan.events.domain.figures import run_figures
    from jembatan.events.models import ScheduleRun

    run = ScheduleRun.objects.create(
        event=fair.event,
        figures={"participants_with_requests_but_no_meeting": 2, "idle_gaps_mean": 0.333},
        moved=[4, 7, 9],
    )
    assert [(f.label, f.value) for f in run_figures(run)] == [
        ("idle gaps per participant (mean)", 0.33),
        ("participants with requests but no meeting", 2),
        ("published meetings moved", 3),
    ]
    assert run_figures(None) == []


def test_draft_page_shows_the_run_figures(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    from jembatan.events.models import RunStatus, ScheduleRun

    ScheduleRun.objects.create(
        event=fair.event,
        status=RunStatus.SUCCEEDED,
        objective=5,
        upper_bound=5,
        figures={"idle_gaps_max": 1, "moved": 0},
    )
    html = as_user("officer").get(f"/events/{fair.event.pk}/schedule/").content.decode()
    assert "<dt>idle gaps per participant (most)</dt><dd>1</dd>" in html
    assert "<dt>published meetings moved</dt><dd>0</dd>" in html
