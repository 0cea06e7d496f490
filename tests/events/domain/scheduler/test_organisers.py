"""What organisers ask for: company representatives, breaks, preferred slots, figures."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from jembatan.events.domain.scheduler import (
    InstanceError,
    Meeting,
    check_schedule,
    parse_instance,
    solve,
)

SLOTS = ["d1-0900", "d1-0930", "d1-1000", "d2-0900", "d2-0930"]


def company_data() -> dict[str, Any]:
    """Company c1 sends two people; five buyers each want c1, all in the first slot only."""
    people = [{"id": "s1", "languages": ["en"]}, {"id": "s2", "languages": ["en"]}]
    people += [{"id": f"b{n}", "languages": ["en"], "available": ["d1-0900"]} for n in range(2)]
    return {
        "slots": SLOTS,
        "tables": 5,
        "participants": people,
        "companies": [{"id": "c1", "participants": ["s1", "s2"]}],
        "requests": [
            {"id": "r0", "a": "b0", "b": "c1", "priority": 1},
            {"id": "r1", "a": "b1", "b": "c1", "priority": 1},
        ],
    }


def test_company_holds_parallel_meetings() -> None:
    instance = parse_instance(company_data())
    schedule = solve(instance, time_limit=5)
    output = schedule.to_json()
    assert check_schedule(instance, output) == []
    assert schedule.objective == 2
    attendees = sorted(m.attendees[1] for m in schedule.meetings if m.attendees)
    assert attendees == ["s1", "s2"]
    assert {m.slot for m in schedule.meetings} == {"d1-0900"}


def test_company_named_person_must_attend() -> None:
    data = company_data()
    data["requests"][1]["b"] = "s1"  # insists on s1
    data["requests"][0]["b"] = "s1"
    instance = parse_instance(data)
    schedule = solve(instance, time_limit=5)
    assert schedule.objective == 1  # s1 cannot be in two places at once
    assert check_schedule(instance, schedule.to_json()) == []


def test_check_schedule_wrong_attendee() -> None:
    instance = parse_instance(company_data())
    output = solve(instance, time_limit=5).to_json()
    broken = copy.deepcopy(output)
    broken["meetings"][0]["attendees"] = ["b0", "b1"]
    assert any("cannot hold request" in p for p in check_schedule(instance, broken))
    del broken["meetings"][0]["attendees"]
    assert any("no attendees" in p for p in check_schedule(instance, broken))


def test_parse_instance_bad_company() -> None:
    data = company_data()
    data["companies"].append({"id": "s1", "participants": ["zz"]})
    with pytest.raises(InstanceError) as error:
        parse_instance(data)
    assert 'participant "zz" is not listed' in str(error.value)
    assert "already a participant id" in str(error.value)


def run_data(limit: int | None, own: int | None = None) -> dict[str, Any]:
    people = [{"id": "p", "languages": ["en"]}]
    people += [{"id": f"q{n}", "languages": ["en"]} for n in range(5)]
    if own is not None:
        people[0]["max_consecutive"] = own
    data: dict[str, Any] = {
        "slots": SLOTS,
        "tables": 5,
        "participants": people,
        "requests": [{"id": f"r{n}", "a": "p", "b": f"q{n}", "priority": 1} for n in range(5)],
    }
    if limit is not None:
        data["max_consecutive"] = limit
    return data


@pytest.mark.parametrize(("limit", "own", "expected"), [(None, None, 5), (1, None, 3), (2, 1, 3)])
def test_solve_max_consecutive(limit: int | None, own: int | None, expected: int) -> None:
    instance = parse_instance(run_data(limit, own))
    schedule = solve(instance, time_limit=5)
    assert check_schedule(instance, schedule.to_json()) == []
    # Day 1 has three slots, day 2 two: with at most one in a row, 2 + 1 meetings.
    assert schedule.objective == expected


def test_check_schedule_max_consecutive() -> None:
    instance = parse_instance(run_data(2))
    output = solve(parse_instance(run_data(None)), time_limit=5).to_json()
    assert any("more than 2 meetings in a row" in p for p in check_schedule(instance, output))


def test_solve_preferred_and_unwanted_slots() -> None:
    data = run_data(None)
    data["requests"] = data["requests"][:1]
    data["participants"][0]["preferred"] = ["d2-0930"]
    data["participants"][1]["unwanted"] = ["d1-0900"]
    instance = parse_instance(data)
    schedule = solve(instance, time_limit=5)
    assert [m.slot for m in schedule.meetings] == ["d2-0930"]
    assert schedule.figures["preferred_slots_met"] == 1
    assert schedule.figures["unwanted_slots_met"] == 0


def test_solve_preferences_never_cost_priority() -> None:
    data = run_data(None)
    for participant in data["participants"]:
        participant["unwanted"] = SLOTS
    instance = parse_instance(data)
    assert solve(instance, time_limit=5).objective == 5


def test_parse_instance_preferred_and_unwanted_same_slot() -> None:
    data = run_data(None)
    data["participants"][0]["preferred"] = ["d1-0900"]
    data["participants"][0]["unwanted"] = ["d1-0900"]
    with pytest.raises(InstanceError, match="both preferred and unwanted"):
        parse_instance(data)


def test_solve_figures_idle_gaps_and_fairness() -> None:
    data = run_data(None)
    data["participants"].append({"id": "lonely", "languages": ["ja"], "available": []})
    data["requests"].append({"id": "rx", "a": "lonely", "b": "q0", "priority": 1})
    instance = parse_instance(data)
    schedule = solve(instance, time_limit=5)
    figures = schedule.to_json()["figures"]
    assert isinstance(figures, dict)
    assert figures["participants_with_requests_but_no_meeting"] == 1
    assert figures["best_proven"] == {"participants_with_requests_but_no_meeting_at_least": 1}
    assert figures["idle_gaps_max"] == 0  # five meetings of p fill both days


def test_solve_previous_moved_count() -> None:
    data = run_data(None)
    instance = parse_instance(data)
    first = solve(instance, time_limit=5)
    data["participants"][1]["available"] = ["d2-0930"]  # q0 can now come only at the end
    changed = parse_instance(data)
    again = solve(changed, time_limit=5, previous=first.meetings, allow_moves=True)
    assert check_schedule(changed, again.to_json()) == []
    assert again.objective == 5
    assert again.figures["moved"] == len(again.moved or ()) + len(again.dropped or ())
    assert again.figures["moved"] <= 2


def test_previous_with_attendees_parses() -> None:
    instance = parse_instance(company_data())
    previous = [Meeting("r0", "d1-0900", 1, None, ("b0", "s2"))]
    schedule = solve(instance, time_limit=5, previous=previous, allow_moves=True)
    assert check_schedule(instance, schedule.to_json()) == []
    assert schedule.figures["moved"] == 0
    kept = next(m for m in schedule.meetings if m.request == "r0")
    assert kept.attendees == ("b0", "s2")  # the same representative, where possible


def test_lock_of_company_request_seats_first_representative() -> None:
    data = company_data()
    data["locked"] = [{"request": "r0", "slot": "d1-0900", "table": 2}]
    instance = parse_instance(data)
    schedule = solve(instance, time_limit=5)
    assert check_schedule(instance, schedule.to_json()) == []
    locked = next(m for m in schedule.meetings if m.request == "r0")
    assert (locked.table, locked.attendees) == (2, ("b0", "s1"))
    assert schedule.objective == 2
