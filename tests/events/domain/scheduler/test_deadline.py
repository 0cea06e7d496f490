"""The deadline: every phase stops at it, and an expired one still gives a valid answer.

Behaviour, not timing: a deadline in the past must still return a valid schedule (the
locked meetings, when no request could be tried) with a valid bound, and each phase asked
to stop now must stop at once.
"""

from __future__ import annotations

import random
import time
from typing import Any

from jembatan.events.domain.scheduler import check_schedule, parse_instance, solve
from jembatan.events.domain.scheduler.bound import (
    BackgroundLp,
    aggregate_bound,
    counting_bound,
    lp_bound,
    quick_bound,
)
from jembatan.events.domain.scheduler.deadline import Deadline, workers_for_load
from jembatan.events.domain.scheduler.greedy import greedy_occupancy, priority_order
from jembatan.events.domain.scheduler.lns import cp_sat_sub_solver, improve
from jembatan.events.domain.scheduler.structure import build_structure


def random_data(seed: int, participants: int = 30, requests: int = 90) -> dict[str, Any]:
    rng = random.Random(seed)
    slots = [f"s{n}" for n in range(6)]
    people = [
        {
            "id": f"p{n}",
            "languages": rng.choice([["ja"], ["id"], ["en", "id"], ["ja", "en"]]),
            "available": sorted(rng.sample(slots, 4)),
        }
        for n in range(participants)
    ]
    wanted = []
    for n in range(requests):
        a, b = rng.sample(range(participants), 2)
        wanted.append({"id": f"r{n}", "a": f"p{a}", "b": f"p{b}", "priority": rng.randint(1, 5)})
    return {
        "slots": slots,
        "tables": 5,
        "participants": people,
        "interpreters": [{"id": "i1", "languages": ["ja", "id"]}],
        "requests": wanted,
    }


def test_deadline_share_of_what_is_left() -> None:
    deadline = Deadline(10.0)
    assert 4.0 < deadline.share(0.5) <= 5.0
    assert deadline.share(0.5, at_most=1.0) == 1.0
    deadline.keep(2.0)
    assert deadline.remaining() <= 8.0
    deadline.keep(100.0)  # at most a third of the limit is kept back
    assert deadline.reserve <= 10.0 / 3


def test_deadline_expired_in_the_past() -> None:
    deadline = Deadline(1.0, started=time.perf_counter() - 5.0)
    assert deadline.expired()
    assert deadline.remaining() == 0.0
    assert deadline.share(0.5) == 0.0


def test_solve_expired_deadline_still_valid() -> None:
    instance = parse_instance(random_data(1))
    deadline = Deadline(1.0, started=time.perf_counter() - 5.0)
    schedule = solve(instance, deadline=deadline)
    assert check_schedule(instance, schedule.to_json()) == []
    structure = build_structure(instance)
    # Out of time before the instance was indexed: the empty schedule, the counting bound
    # of the instance itself, and every request unscheduled for want of time.
    assert schedule.meetings == ()
    assert schedule.objective == 0
    assert schedule.status == "feasible"
    assert schedule.stats["index_stopped"] == 1
    assert schedule.upper_bound == counting_bound(instance) >= quick_bound(structure)
    assert schedule.unscheduled == tuple(r.id for r in instance.requests)
    assert set(schedule.reasons.values()) == {"time_limit"}
    assert schedule.stats.get("lns_rounds", 0) == 0
    assert "lp_bound" not in schedule.stats


def test_lp_bound_stops_at_a_past_deadline() -> None:
    structure = build_structure(parse_instance(random_data(2)))
    assert lp_bound(structure, time.perf_counter() - 1.0) is None
    lp = lp_bound(structure, time.perf_counter() + 30.0)
    assert lp is not None
    assert lp.bound <= quick_bound(structure)


def test_improve_stops_at_a_past_deadline() -> None:
    structure = build_structure(parse_instance(random_data(3)))
    start = greedy_occupancy(structure, priority_order(structure))
    result, stats = improve(
        structure,
        start,
        time.perf_counter() - 1.0,
        cp_sat_sub_solver(1, 0),
        lambda o: (o.objective(),),
    )
    assert result is start
    assert stats["lns_rounds"] == 0


def test_solve_bound_never_worse_than_proven() -> None:
    instance = parse_instance(random_data(4, participants=40, requests=150))
    schedule = solve(instance, time_limit=5)
    proven = [schedule.stats[k] for k in ("solver_bound", "lp_bound") if k in schedule.stats]
    assert schedule.upper_bound <= min([schedule.stats["quick_bound"], *proven])
    assert check_schedule(instance, schedule.to_json()) == []
    assert schedule.trace[0][1] == schedule.stats["hint"]
    assert schedule.trace[-1][1] <= schedule.objective


def test_workers_for_load_at_least_one() -> None:
    assert 1 <= workers_for_load(8) <= 8
    assert workers_for_load(1) == 1


def test_aggregate_bound_between_lp_and_quick() -> None:
    structure = build_structure(parse_instance(random_data(5)))
    aggregate = aggregate_bound(structure, time.perf_counter() + 30.0)
    lp = lp_bound(structure, time.perf_counter() + 30.0)
    assert aggregate is not None
    assert lp is not None
    assert lp.bound <= aggregate[0] <= quick_bound(structure)


def test_background_lp_hands_over_once() -> None:
    structure = build_structure(parse_instance(random_data(6)))
    lp = BackgroundLp(structure, time.perf_counter() + 30.0)
    result = lp.poll(30.0)
    assert result is not None
    assert result.bound == lp_bound(structure, time.perf_counter() + 30.0).bound  # type: ignore[union-attr]
    assert lp.poll() is None
    assert not lp.running


def test_process_started_not_in_the_future() -> None:
    from jembatan.events.domain.scheduler.deadline import FRESH_PROCESS, process_started

    started = process_started()
    assert time.perf_counter() - FRESH_PROCESS - 1.0 <= started <= time.perf_counter()


def test_greedy_stopped_keeps_the_locks_and_the_rest_is_out_of_time() -> None:
    data = random_data(3)
    first = data["requests"][0]
    a = next(p for p in data["participants"] if p["id"] == first["a"])
    b = next(p for p in data["participants"] if p["id"] == first["b"])
    common = sorted(set(a["available"]) & set(b["available"]))
    if not common or not set(a["languages"]) & set(b["languages"]):
        first["a"], first["b"] = "p0", "p1"
        a, b = data["participants"][0], data["participants"][1]
        a["languages"], b["languages"] = ["ja"], ["ja"]
        a["available"] = b["available"] = sorted(data["slots"])
        common = sorted(data["slots"])
    data["locked"] = [{"request": first["id"], "slot": common[0], "table": 3}]
    instance = parse_instance(data)
    structure = build_structure(instance)
    stopped = greedy_occupancy(structure, priority_order(structure), time.perf_counter() - 1.0)
    assert stopped.stopped
    assert len(stopped.slot_of) == 1  # the lock, and nothing tried
    schedule = solve(instance, deadline=Deadline(1.0, started=time.perf_counter() - 5.0))
    assert check_schedule(instance, schedule.to_json()) == []
    assert [(m.request, m.slot, m.table) for m in schedule.meetings] == [
        (first["id"], common[0], 3)
    ]
    assert len(schedule.reasons) == len(instance.requests) - 1
    assert set(schedule.reasons.values()) == {"time_limit"}
    assert schedule.upper_bound >= schedule.objective


def test_collector_paused_restores_the_collector() -> None:
    import gc

    from jembatan.events.domain.scheduler.deadline import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_counting_bound_never_below_the_indexed_one_nor_a_schedule() -> None:
    for seed in range(6):
        data = random_data(seed)
        data["participants"][0]["max_meetings"] = 1
        data["participants"][1]["max_meetings"] = 0
        instance = parse_instance(data)
        bound = counting_bound(instance)
        assert bound >= quick_bound(build_structure(instance))
        assert bound >= solve(instance, time_limit=2, secondary=False).objective


def test_counting_bound_with_companies() -> None:
    data = random_data(2)
    data["companies"] = [{"id": "c1", "participants": ["p0", "p1"]}]
    data["requests"].append({"id": "rc", "a": "c1", "b": "p5", "priority": 5})
    instance = parse_instance(data)
    assert counting_bound(instance) >= solve(instance, time_limit=2, secondary=False).objective


def test_indexing_out_of_time_keeps_previous_meetings() -> None:
    instance = parse_instance(random_data(4))
    first = solve(instance, time_limit=2, secondary=False)
    past = time.perf_counter() - 5.0
    for allow_moves in (False, True):
        schedule = solve(
            instance,
            deadline=Deadline(1.0, started=past),
            previous=first.meetings,
            allow_moves=allow_moves,
        )
        assert schedule.stats["index_stopped"] == 1
        assert check_schedule(instance, schedule.to_json()) == []
        # The published meetings stay where they were; nothing else was tried.
        assert {(m.request, m.slot, m.table) for m in schedule.meetings} == {
            (m.request, m.slot, m.table) for m in first.meetings
        }
        assert schedule.moved == ()
        assert schedule.dropped == ()
        assert set(schedule.reasons.values()) == {"time_limit"}
        assert schedule.upper_bound >= first.objective
