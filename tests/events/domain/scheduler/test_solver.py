"""The solver against brute force on tiny instances, locks, interpreters, re-scheduling."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest

from jembatan.events.domain.scheduler import (
    Instance,
    Meeting,
    check_schedule,
    greedy_schedule,
    parse_instance,
    solve,
)

LANGUAGES = [["ja"], ["id"], ["en", "id"], ["ja", "en"]]


def tiny_instance(seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    slots = ["s1", "s2", "s3"]
    participants = []
    for n in range(5):
        entry: dict[str, Any] = {"id": f"p{n}", "languages": rng.choice(LANGUAGES)}
        if rng.random() < 0.5:
            entry["available"] = sorted(rng.sample(slots, rng.randint(1, 3)))
        if rng.random() < 0.4:
            entry["max_meetings"] = rng.randint(0, 2)
        participants.append(entry)
    requests = []
    for n in range(6):
        a, b = rng.sample(range(5), 2)
        requests.append({"id": f"r{n}", "a": f"p{a}", "b": f"p{b}", "priority": rng.randint(1, 5)})
    interpreter = {
        "id": "i1",
        "languages": ["ja", "id"],
        "available": sorted(rng.sample(slots, 2)),
    }
    return {
        "slots": slots,
        "tables": rng.randint(1, 2),
        "participants": participants,
        "interpreters": [interpreter],
        "requests": requests,
    }


def feasible(instance: Instance, choice: tuple[str | None, ...]) -> bool:
    busy: set[tuple[str, str]] = set()
    count: dict[str, int] = {}
    per_slot: dict[str, int] = {}
    interpreted: dict[str, int] = {}
    for request, slot in zip(instance.requests, choice, strict=True):
        if slot is None:
            continue
        for who in (request.a, request.b):
            participant = instance.participant(who)
            if (who, slot) in busy or not instance.is_available(participant, slot):
                return False
            busy.add((who, slot))
            count[who] = count.get(who, 0) + 1
            if participant.max_meetings is not None and count[who] > participant.max_meetings:
                return False
        per_slot[slot] = per_slot.get(slot, 0) + 1
        if per_slot[slot] > instance.tables:
            return False
        if instance.needs_interpreter(request):
            # One interpreter in these instances: it serves at most one meeting per slot.
            interpreter = instance.interpreters[0]
            if slot not in interpreter.available or not instance.can_interpret(
                interpreter, request
            ):
                return False
            interpreted[slot] = interpreted.get(slot, 0) + 1
            if interpreted[slot] > 1:
                return False
    return True


def brute_force(instance: Instance) -> int:
    best = 0
    options: list[list[str | None]] = [[None, *instance.slots] for _ in instance.requests]
    for choice in itertools.product(*options):
        if feasible(instance, choice):
            value = sum(r.priority for r, s in zip(instance.requests, choice, strict=True) if s)
            best = max(best, value)
    return best


@pytest.mark.parametrize("seed", range(12))
def test_solve_matches_brute_force(seed: int) -> None:
    instance = parse_instance(tiny_instance(seed))
    schedule = solve(instance, time_limit=5)
    assert schedule.objective == brute_force(instance)
    assert schedule.upper_bound >= schedule.objective
    assert schedule.status == "optimal"
    assert check_schedule(instance, schedule.to_json()) == []


def test_solve_example(data: dict[str, Any]) -> None:
    instance = parse_instance(data)
    output = solve(instance, time_limit=5).to_json()
    figures = output.pop("figures")
    assert figures["participants_with_requests_but_no_meeting"] == 0
    assert output == {
        "meetings": [
            {
                "request": "r1",
                "slot": "d1-0900",
                "table": 1,
                "interpreter": "i1",
                "attendees": ["p1", "p2"],
            },
            {
                "request": "r7",
                "slot": "d1-0930",
                "table": 2,
                "interpreter": None,
                "attendees": ["p3", "p2"],
            },
            {
                "request": "r3",
                "slot": "d1-1000",
                "table": 1,
                "interpreter": "i1",
                "attendees": ["p4", "p2"],
            },
        ],
        "unscheduled": ["r2", "r4"],
        "objective": 9,
        "upper_bound": 9,
        "status": "optimal",
        "reasons": {"r2": "participant_cap", "r4": "no_interpreter"},
    }


def test_solve_keeps_locks_where_they_are(data: dict[str, Any]) -> None:
    # Locking the high-priority r3 in the last slot at table 2 costs nothing else here.
    data["locked"].append({"request": "r3", "slot": "d1-1000", "table": 2})
    schedule = solve(parse_instance(data), time_limit=5)
    placed = {m.request: (m.slot, m.table) for m in schedule.meetings}
    assert placed["r7"] == ("d1-0930", 2)
    assert placed["r3"] == ("d1-1000", 2)


def test_solve_assigns_an_interpreter_who_speaks_both(data: dict[str, Any]) -> None:
    data["interpreters"] = [
        {
            "id": "i-en",
            "languages": ["ja", "en"],
            "available": ["d1-0900", "d1-0930", "d1-1000"],
        },
        {"id": "i-id", "languages": ["id", "ja"], "available": ["d1-1000"]},
    ]
    schedule = solve(parse_instance(data), time_limit=5)
    by_request = {m.request: m.interpreter for m in schedule.meetings}
    assert by_request == {"r3": "i-id", "r7": None, "r2": None}
    assert schedule.reasons == {"r1": "no_interpreter", "r4": "participant_cap"}


def test_solve_reasons(data: dict[str, Any]) -> None:
    data["participants"].append({"id": "p5", "languages": ["ja"], "available": ["d1-1000"]})
    data["requests"] += [
        {"id": "r8", "a": "p1", "b": "p5", "priority": 1},  # p1 is gone by d1-1000
        {"id": "r9", "a": "p2", "b": "p5", "priority": 1},
    ]
    data["participants"][3]["max_meetings"] = 0  # p4
    schedule = solve(parse_instance(data), time_limit=5)
    assert schedule.reasons == {
        "r2": "participant_cap",
        "r3": "participant_cap",
        "r4": "participant_cap",
        "r8": "no_common_slot",
    }
    assert check_schedule(parse_instance(data), schedule.to_json()) == []


def test_solve_capacity_reason() -> None:
    data = {
        "slots": ["s1"],
        "tables": 1,
        "participants": [{"id": f"p{n}", "languages": ["en"]} for n in range(4)],
        "requests": [
            {"id": "low", "a": "p0", "b": "p1", "priority": 1},
            {"id": "high", "a": "p2", "b": "p3", "priority": 4},
        ],
    }
    schedule = solve(parse_instance(data), time_limit=5)
    assert [m.request for m in schedule.meetings] == ["high"]
    assert schedule.reasons == {"low": "capacity"}


def test_solve_beats_first_come_first_served() -> None:
    data = {
        "slots": ["s1"],
        "tables": 1,
        "participants": [{"id": f"p{n}", "languages": ["en"]} for n in range(3)],
        "requests": [
            {"id": "first", "a": "p0", "b": "p1", "priority": 1},
            {"id": "better", "a": "p1", "b": "p2", "priority": 3},
        ],
    }
    instance = parse_instance(data)
    assert greedy_schedule(instance).objective == 1
    assert solve(instance, time_limit=5).objective == 3


def test_solve_previous_meetings_stay(data: dict[str, Any]) -> None:
    instance = parse_instance(data)
    previous = [
        Meeting("r2", "d1-0900", 1, None),
        Meeting("r3", "d1-1000", 1, "i1"),
        Meeting("gone", "d1-1000", 1, None),
    ]
    schedule = solve(instance, time_limit=5, previous=previous)
    placed = {m.request: (m.slot, m.table, m.interpreter) for m in schedule.meetings}
    assert placed["r2"] == ("d1-0900", 1, None)
    assert placed["r3"] == ("d1-1000", 1, "i1")
    assert schedule.moved == ()
    assert schedule.dropped == ()
    assert check_schedule(instance, schedule.to_json()) == []


def test_solve_previous_meeting_released_when_rules_changed(
    data: dict[str, Any],
) -> None:
    instance = parse_instance(data)
    # p3 is locked into d1-0930 (r7): the previous r2 there cannot stay.
    schedule = solve(instance, time_limit=5, previous=[Meeting("r2", "d1-0930", 1, None)])
    assert schedule.moved is not None
    assert schedule.dropped is not None
    assert "r2" in schedule.moved + schedule.dropped


def test_solve_allow_moves_keeps_what_it_can(data: dict[str, Any]) -> None:
    instance = parse_instance(data)
    # The optimum (9) puts r1 first and r3 last; a previous r3 at d1-0900 can stay only if
    # r1 moves, which costs nothing, so with moves allowed both stay optimal and r3 stays.
    previous = [Meeting("r3", "d1-0900", 2, "i1")]
    schedule = solve(instance, time_limit=5, previous=previous, allow_moves=True)
    placed = {m.request: (m.slot, m.table) for m in schedule.meetings}
    assert schedule.objective == 9
    assert placed["r3"] == ("d1-0900", 2)
    assert schedule.moved == ()


@pytest.mark.parametrize("seed", range(3))
def test_solve_medium_random_is_valid(seed: int) -> None:
    rng = random.Random(seed)
    slots = [f"s{n}" for n in range(6)]
    participants = [
        {
            "id": f"p{n}",
            "languages": rng.choice(LANGUAGES),
            "available": sorted(rng.sample(slots, 4)),
        }
        for n in range(30)
    ]
    requests = []
    for n in range(90):
        a, b = rng.sample(range(30), 2)
        requests.append({"id": f"r{n}", "a": f"p{a}", "b": f"p{b}", "priority": rng.randint(1, 5)})
    interpreters = [
        {"id": f"i{n}", "languages": ["ja", "id"], "available": slots} for n in range(2)
    ]
    data = {
        "slots": slots,
        "tables": 6,
        "participants": participants,
        "interpreters": interpreters,
        "requests": requests,
    }
    instance = parse_instance(data)
    schedule = solve(instance, time_limit=3)
    assert check_schedule(instance, schedule.to_json()) == []
    assert schedule.objective >= greedy_schedule(instance).objective
    assert schedule.upper_bound >= schedule.objective
    assert set(schedule.reasons) == set(schedule.unscheduled)
