"""Input validation names the offending entry; check_schedule catches each broken rule."""

from __future__ import annotations

from typing import Any

import pytest

from jembatan.events.domain.scheduler import (
    InstanceError,
    check_schedule,
    parse_instance,
    solve,
)

VALID_OUTPUT: dict[str, Any] = {
    "meetings": [
        {"request": "r1", "slot": "d1-0900", "table": 1, "interpreter": "i1"},
        {"request": "r7", "slot": "d1-0930", "table": 2, "interpreter": None},
        {"request": "r3", "slot": "d1-1000", "table": 1, "interpreter": "i1"},
    ],
    "unscheduled": ["r2", "r4"],
    "objective": 9,
    "upper_bound": 9,
    "status": "optimal",
}


def rejected(data: dict[str, Any]) -> str:
    with pytest.raises(InstanceError) as caught:
        parse_instance(data)
    return str(caught.value)


def test_parse_instance_valid(data: dict[str, Any]) -> None:
    instance = parse_instance(data)
    assert instance.tables == 2
    assert instance.participant("p2").available is None
    assert instance.needs_interpreter(instance.request("r1")) is True
    assert instance.needs_interpreter(instance.request("r2")) is False


def test_parse_instance_unknown_participant(data: dict[str, Any]) -> None:
    data["requests"][3]["b"] = "p77"
    assert rejected(data) == 'requests[3] (id "r4"): participant "p77" is not listed'


def test_parse_instance_same_participant_twice(data: dict[str, Any]) -> None:
    data["requests"][0]["b"] = "p1"
    assert rejected(data) == 'requests[0] (id "r1"): a and b are the same participant "p1"'


@pytest.mark.parametrize("key", ["participants", "interpreters", "requests"])
def test_parse_instance_duplicate_id(data: dict[str, Any], key: str) -> None:
    data[key].append(dict(data[key][0]))
    n = len(data[key]) - 1
    ident = data[key][0]["id"]
    assert rejected(data) == f'{key}[{n}]: id "{ident}" is already used by {key}[0]'


def test_parse_instance_unknown_available_slot(data: dict[str, Any]) -> None:
    data["participants"][1]["available"] = ["d9-0900"]
    assert rejected(data) == 'participants[1] (id "p2"): available slot "d9-0900" is not in slots'


def test_parse_instance_unknown_interpreter_slot(data: dict[str, Any]) -> None:
    data["interpreters"][0]["available"] = ["d1-0900", "x"]
    assert rejected(data) == 'interpreters[0] (id "i1"): available slot "x" is not in slots'


@pytest.mark.parametrize("priority", [0, -2, 1.5, "3", True])
def test_parse_instance_bad_priority(data: dict[str, Any], priority: object) -> None:
    data["requests"][2]["priority"] = priority
    assert rejected(data).startswith('requests[2] (id "r3"): priority must be a positive integer')


def test_parse_instance_unknown_key(data: dict[str, Any]) -> None:
    data["lockd"] = []
    assert rejected(data) == 'unknown key "lockd"'


def test_parse_instance_not_an_object() -> None:
    assert rejected([]) == "the instance must be a JSON object"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lock", "message"),
    [
        (
            {"request": "r99", "slot": "d1-0900", "table": 1},
            'locked[1]: request "r99" is not listed',
        ),
        (
            {"request": "r2", "slot": "d7", "table": 1},
            'locked[1] (request "r2"): slot "d7" is not in slots',
        ),
        (
            {"request": "r2", "slot": "d1-0900", "table": 3},
            'locked[1] (request "r2"): table 3 is not between 1 and 2',
        ),
        (
            {"request": "r2", "slot": "d1-0900", "table": 0},
            'locked[1] (request "r2"): table 0 is not between 1 and 2',
        ),
        (
            {"request": "r7", "slot": "d1-0900", "table": 1},
            'locked[1] (request "r7"): the request is already locked by locked[0]',
        ),
        (
            {"request": "r3", "slot": "d1-0930", "table": 2},
            (
                'locked[1] (request "r3"): table 2 in slot "d1-0930" is already taken by locked[0]; '
                'locked[1] (request "r3"): participant "p2" already meets in slot "d1-0930" (locked[0])'
            ),
        ),
        (
            {"request": "r2", "slot": "d1-1000", "table": 1},
            'locked[1] (request "r2"): participant "p1" is not available in slot "d1-1000"',
        ),
        (
            {"request": "r4", "slot": "d1-0930", "table": 1},
            'locked[1] (request "r4"): participant "p3" already meets in slot "d1-0930" (locked[0])',
        ),
    ],
)
def test_parse_instance_bad_lock(data: dict[str, Any], lock: dict[str, Any], message: str) -> None:
    data["locked"].append(lock)
    assert rejected(data) == message


def test_parse_instance_lock_without_interpreter(data: dict[str, Any]) -> None:
    data["interpreters"][0]["available"] = ["d1-0900"]
    data["locked"].append({"request": "r3", "slot": "d1-1000", "table": 1})
    assert rejected(data) == (
        'locked[1] (request "r3"): needs an interpreter and none is available in slot "d1-1000"'
    )


def test_parse_instance_locks_share_the_only_interpreter(data: dict[str, Any]) -> None:
    data["locked"] += [
        {"request": "r1", "slot": "d1-0900", "table": 1},
        {"request": "r3", "slot": "d1-0900", "table": 2},
    ]
    assert rejected(data).endswith(
        'locked[2] (request "r3"): needs an interpreter and every one available in slot '
        '"d1-0900" is taken by other locked meetings'
    )


def test_parse_instance_locks_over_max_meetings(data: dict[str, Any]) -> None:
    data["participants"][2]["max_meetings"] = 1
    data["locked"].append({"request": "r2", "slot": "d1-0900", "table": 1})
    assert rejected(data) == (
        'locked[1] (request "r2"): participant "p3" would have more than max_meetings (1) locked meetings'
    )


def test_parse_instance_duplicate_pair_allowed(data: dict[str, Any]) -> None:
    data["requests"].append({"id": "r8", "a": "p2", "b": "p4", "priority": 1})
    assert len(parse_instance(data).requests) == 6


def test_check_schedule_valid(data: dict[str, Any]) -> None:
    assert check_schedule(parse_instance(data), VALID_OUTPUT) == []


def broken(data: dict[str, Any], change: dict[str, Any], meeting: int | None = None) -> list[str]:
    output = {**VALID_OUTPUT, "meetings": [dict(m) for m in VALID_OUTPUT["meetings"]]}
    if meeting is None:
        output.update(change)
    else:
        output["meetings"][meeting].update(change)
    return check_schedule(parse_instance(data), output)


def test_check_schedule_participant_unavailable(data: dict[str, Any]) -> None:
    data["requests"][1]["b"] = "p4"  # r2: p1-p4, shares ja
    problems = broken(
        data, {"request": "r2", "interpreter": None, "slot": "d1-1000", "table": 2}, 2
    )
    assert "meetings[2]: participant 'p1' is not available in slot 'd1-1000'" in problems


def test_check_schedule_participant_double_booked(data: dict[str, Any]) -> None:
    problems = broken(data, {"slot": "d1-0930", "table": 1}, 0)
    assert "meetings[1]: participant 'p2' already meets in slot 'd1-0930' (meetings[0])" in problems


def test_check_schedule_table_twice(data: dict[str, Any]) -> None:
    problems = broken(
        data, {"slot": "d1-0930", "table": 2, "request": "r2", "interpreter": None}, 0
    )
    assert "meetings[1]: table 2 in slot 'd1-0930' already holds meetings[0]" in problems


def test_check_schedule_table_out_of_range(data: dict[str, Any]) -> None:
    assert "meetings[2]: table 3 is not between 1 and 2" in broken(data, {"table": 3}, 2)


def test_check_schedule_missing_interpreter(data: dict[str, Any]) -> None:
    assert "meetings[0]: request 'r1' needs an interpreter" in broken(
        data, {"interpreter": None}, 0
    )


def test_check_schedule_interpreter_twice_in_slot(data: dict[str, Any]) -> None:
    data["interpreters"].append({"id": "i2", "languages": ["ja", "id"], "available": ["d1-1000"]})
    data["requests"].append({"id": "r8", "a": "p4", "b": "p2", "priority": 1})
    output = {**VALID_OUTPUT, "meetings": [*VALID_OUTPUT["meetings"]]}
    output["meetings"] = [
        output["meetings"][0],
        output["meetings"][1],
        {"request": "r3", "slot": "d1-0900", "table": 2, "interpreter": "i1"},
    ]
    problems = check_schedule(parse_instance(data), output)
    assert "meetings[2]: participant 'p2' already meets in slot 'd1-0900' (meetings[0])" in problems
    assert "meetings[2]: interpreter 'i1' already serves meetings[0] in slot 'd1-0900'" in problems


def test_check_schedule_interpreter_unavailable(data: dict[str, Any]) -> None:
    data["interpreters"][0]["available"] = ["d1-0900"]
    assert "meetings[2]: interpreter 'i1' is not available in slot 'd1-1000'" in broken(data, {}, 2)


def test_check_schedule_interpreter_wrong_language(data: dict[str, Any]) -> None:
    data["interpreters"][0]["languages"] = ["ja", "en"]
    problems = broken(data, {}, 0)
    assert "meetings[0]: interpreter 'i1' does not speak a language of each participant" in problems


def test_check_schedule_max_meetings(data: dict[str, Any]) -> None:
    data["participants"][1]["max_meetings"] = 2
    assert "participant 'p2': 3 meetings, more than max_meetings 2" in broken(data, {})


def test_check_schedule_lock_moved(data: dict[str, Any]) -> None:
    problems = broken(data, {"table": 1}, 1)
    assert 'locked[0] (request "r7"): not kept at slot "d1-0930" table 2' in problems


def test_check_schedule_request_twice(data: dict[str, Any]) -> None:
    problems = broken(data, {"request": "r7", "interpreter": None}, 2)
    assert "meetings[2]: request 'r7' is scheduled more than once" in problems


def test_check_schedule_totals(data: dict[str, Any]) -> None:
    problems = broken(data, {"objective": 8, "upper_bound": 7, "unscheduled": ["r2"]})
    assert problems == [
        "unscheduled: must list exactly the requests without a meeting",
        "objective: 8, but the meetings sum to 9",
        "upper_bound: 7 is below the objective 9",
        "status: 'optimal' does not match objective 9 and upper_bound 7",
    ]


def test_parse_instance_interpreter_without_available_means_every_slot(
    data: dict[str, Any],
) -> None:
    del data["interpreters"][0]["available"]
    instance = parse_instance(data)
    assert instance.interpreters[0].available == frozenset(data["slots"])


def test_solve_interpreter_without_available_serves_every_slot(data: dict[str, Any]) -> None:
    del data["interpreters"][0]["available"]
    instance = parse_instance(data)
    schedule = solve(instance, time_limit=5)
    assert check_schedule(instance, schedule.to_json()) == []
    assert {m.request: m.interpreter for m in schedule.meetings}["r3"] == "i1"
