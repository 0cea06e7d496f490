"""The CP-SAT model, and :func:`solve`, the one entry point for every caller.

Two phases within the time limit: phase 1 maximises the sum of priorities; phase 2 keeps
that sum at least as high and then prefers, in this order, previous meetings left in
place (with ``allow_moves``), every participant getting a meeting, and fewer idle gaps.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from jembatan.events.domain.scheduler.bound import (
    BackgroundLp,
    aggregate_bound,
    counting_bound,
    quick_bound,
)
from jembatan.events.domain.scheduler.cpmodel import build_model, placement, run_model
from jembatan.events.domain.scheduler.deadline import (
    Deadline,
    collector_paused,
    workers_for_load,
)
from jembatan.events.domain.scheduler.figures import schedule_figures
from jembatan.events.domain.scheduler.finish import changes, finish, occupancy_of
from jembatan.events.domain.scheduler.greedy import (
    greedy_occupancy,
    lp_guided_occupancy,
    priority_order,
)
from jembatan.events.domain.scheduler.instance import Instance
from jembatan.events.domain.scheduler.lns import cp_sat_sub_solver, improve
from jembatan.events.domain.scheduler.previous import keepable_meetings
from jembatan.events.domain.scheduler.schedule import (
    FEASIBLE,
    OPTIMAL,
    TIME_LIMIT,
    Meeting,
    Schedule,
)
from jembatan.events.domain.scheduler.secondary import secondary_key
from jembatan.events.domain.scheduler.structure import (
    Occupancy,
    OutOfTimeError,
    Structure,
    build_structure,
)

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

LP_SHARE = 0.7  # of the time left after the greedy start: the LP (bound, and its rounding)
PHASE1_SHARE = 0.8  # of the time left after the LP; phase 2 (secondary objective) the rest
FULL_MODEL_VARIABLES = 4_000  # up to this size CP-SAT gets the whole model first
FULL_MODEL_SHARE = 0.4  # of the time left
INDEX_SHARE = 0.9  # of the limit: indexing ends by then, else the locks alone are the answer
PATIENCE = 40  # phase 2 stops after this many neighbourhoods in a row bring nothing
FINISH_SLACK = 0.25  # seconds: a search step's overrun past its end, under load
LAST_FACTOR = 1.5  # the steps that cannot be stopped cost about this many structure builds
FINISH_FACTOR = (
    5.0  # finishing (fill, tables, reasons, figures), and the last overrun, in greedy passes
)


class Trace:
    """The objective and the bound over time: (seconds since the start, objective, bound)."""

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.points: list[tuple[float, int, int]] = []

    def add(self, objective: int, bound: int) -> None:
        if not self.points or self.points[-1][1:] != (objective, bound):
            self.points.append((round(self.deadline.elapsed(), 3), objective, bound))


def solve(
    instance: Instance,
    *,
    time_limit: float = 60.0,
    deadline: Deadline | None = None,
    previous: Sequence[Meeting] | None = None,
    allow_moves: bool = False,
    workers: int = 2,
    seed: int = 0,
    secondary: bool = True,
) -> Schedule:
    """Schedule the instance's requests by ``deadline`` (else within ``time_limit`` seconds).

    The answer is always the best schedule found so far, with the best bound proven so
    far: a greedy schedule comes first (in a fraction of a second at every size), and
    each later phase only replaces it with a better one. ``deadline`` lets a caller count
    the time it spent reading the instance, and keep time for writing the result.

    ``previous`` is a published schedule: its meetings stay where they are (they become
    locks) unless ``allow_moves``, in which case as many as possible stay without lowering
    the objective. ``secondary=False`` skips phase 2 (fewer moves, fairness, gaps).
    """
    deadline = deadline or Deadline(time_limit)
    workers = workers_for_load(workers)
    trace = Trace(deadline)
    structure_started = time.perf_counter()
    try:
        with collector_paused():
            structure = _structure(
                instance, previous, allow_moves, deadline.started + INDEX_SHARE * deadline.limit
            )
    except OutOfTimeError:
        with collector_paused():
            return _locks_alone(instance, previous, allow_moves, deadline)
    structure_seconds = time.perf_counter() - structure_started
    # What cannot be stopped at the end (tables, figures, encoding) costs about as much as
    # indexing did; filling and reasons about as much again, and they stop at the deadline.
    deadline.keep_last(0.05 + LAST_FACTOR * structure_seconds)
    deadline.keep(FINISH_SLACK + 2 * LAST_FACTOR * structure_seconds)
    greedy_started = time.perf_counter()
    with collector_paused():
        current = greedy_occupancy(structure, priority_order(structure), deadline.until(1.0))
    greedy_seconds = time.perf_counter() - greedy_started
    stats: dict[str, float] = {"structure_seconds": structure_seconds}
    if current.stopped:
        stats["greedy_stopped"] = 1
    else:
        deadline.keep(FINISH_SLACK + FINISH_FACTOR * greedy_seconds)
    upper = max(quick_bound(structure), current.objective())
    stats.update({"hint": current.objective(), "quick_bound": upper})
    stats["first_feasible_seconds"] = deadline.elapsed()
    trace.add(current.objective(), upper)

    def better(occupancy: Occupancy) -> None:
        trace.add(occupancy.objective(), upper)

    big = sum(len(o) for o in structure.options) > FULL_MODEL_VARIABLES
    lp: BackgroundLp | None = None
    if big and upper > current.objective() and not deadline.expired():
        # The slot LP first, in its own process: on large events the proof needs the most
        # time, and the aggregate LP and its rounding can run meanwhile.
        lp = BackgroundLp(structure, deadline.until(1.0))
    aggregate = None
    if not deadline.expired():
        with collector_paused():
            aggregate = aggregate_bound(structure, deadline.until(0.5))
    if aggregate is not None:
        stats["aggregate_bound"] = aggregate[0]
        upper = max(current.objective(), min(upper, aggregate[0]))
        trace.add(current.objective(), upper)
        if upper > current.objective():
            with collector_paused():
                rounded = lp_guided_occupancy(
                    structure, _as_values(structure, aggregate[1]), deadline.until(1.0)
                )
            stats["aggregate_rounding"] = rounded.objective()
            if rounded.objective() > current.objective():
                current = rounded
                trace.add(current.objective(), upper)
    if not big and not deadline.expired():
        model = build_model(structure)
        seconds = deadline.share(FULL_MODEL_SHARE)
        solver, status = run_model(model, current, seconds, workers, seed)
        from ortools.sat.python import cp_model  # loaded by run_model

        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            found = occupancy_of(structure, placement(solver, model))
            if found.objective() >= current.objective():
                current = found
            upper = min(upper, max(current.objective(), floor_bound(solver)))
            stats["solver_bound"] = upper
            trace.add(current.objective(), upper)
    if lp is None and upper > current.objective():
        lp = BackgroundLp(structure, deadline.until(1.0))
    elif lp is not None and upper <= current.objective():
        lp.stop()  # proven optimal already
        lp = None

    def take_lp(occupancy: Occupancy, wait: float = 0.0) -> Occupancy:
        """Take the LP's bound and its rounded schedule when they arrive."""
        nonlocal upper
        result = None if lp is None else lp.poll(wait)
        if result is None:
            return occupancy
        stats["lp_bound"] = result.bound
        stats["lp_seconds"] = deadline.elapsed()
        upper = max(occupancy.objective(), min(upper, result.bound))
        trace.add(occupancy.objective(), upper)
        rounded = lp_guided_occupancy(structure, result.values, deadline.until(1.0))
        stats["lp_rounding"] = rounded.objective()
        if rounded.objective() > occupancy.objective():
            trace.add(rounded.objective(), upper)
            return rounded
        return occupancy

    def refresh(occupancy: Occupancy, stop_at: int | None) -> tuple[Occupancy, int | None]:
        return take_lp(occupancy), None if stop_at is None else upper

    def phase1(occupancy: Occupancy, fraction: float, offset: int) -> Occupancy:
        found, lns_stats = improve(
            structure,
            occupancy,
            deadline.until(fraction),
            cp_sat_sub_solver(workers, seed),
            _main_key,
            seed + offset,
            stop_at=upper,
            on_better=better,
            refresh=refresh,
        )
        for k, v in lns_stats.items():
            stats[k] = stats.get(k, 0) + v
        stats["phase1_end_seconds"] = deadline.elapsed()
        return found

    def phase2_refresh(occupancy: Occupancy, _stop: int | None) -> tuple[Occupancy, int | None]:
        had_bound = "lp_bound" in stats
        occupancy = take_lp(occupancy)
        if not had_bound and "lp_bound" in stats and upper > occupancy.objective():
            return occupancy, 0  # a new bound, and a gap: back to the objective (stop here)
        return occupancy, None

    def phase2(occupancy: Occupancy, offset: int) -> Occupancy:
        found, lns_stats = improve(
            structure,
            occupancy,
            deadline.until(1.0),
            cp_sat_sub_solver(workers, seed, secondary=True),
            _full_key,
            seed + offset,
            patience=PATIENCE,
            refresh=phase2_refresh,
        )
        for k, v in lns_stats.items():
            stats[f"phase2_{k}"] = stats.get(f"phase2_{k}", 0) + v
        stats["phase2_end_seconds"] = deadline.elapsed()
        return found

    try:
        if upper > current.objective() and not deadline.expired():
            current = phase1(current, PHASE1_SHARE if secondary else 1.0, 0)
        if secondary and deadline.remaining() > 0.5:
            had_bound = "lp_bound" in stats
            current = phase2(current, 1)
            if (
                not had_bound
                and "lp_bound" in stats
                and upper > current.objective()
                and deadline.remaining() > 0.5
            ):
                # The slot LP's bound came during phase 2 and leaves a gap (its rounding
                # is often a point or two short): the objective first again, then phase 2.
                current = phase1(current, PHASE1_SHARE, 2)
                if deadline.remaining() > 0.5:
                    current = phase2(current, 3)
        if lp is not None and lp.running and upper > current.objective():
            # The search has given up; the LP may still prove a better bound in time.
            current = take_lp(current, deadline.remaining())
            stats["lp_wait_end_seconds"] = deadline.elapsed()
    finally:
        if lp is not None:
            lp.stop()
            stats["lp_stopped_seconds"] = deadline.elapsed()
    stats["workers"] = workers
    with collector_paused():
        return finish(structure, current, upper, deadline, previous, stats, trace.points)


def _as_values(structure: Structure, z: dict[int, float]) -> dict[int, list[tuple[int, float]]]:
    """The aggregate LP's values in the slot LP's shape (no slot preferred)."""
    return {r: [(structure.options[r][0], v)] for r, v in z.items() if v > 1e-6}


def floor_bound(solver: cp_model.CpSolver) -> int:
    """CP-SAT's proven bound on the objective, as an integer."""
    return math.floor(solver.best_objective_bound + 1e-6)


def _main_key(occupancy: Occupancy) -> tuple[int, ...]:
    """The objective; then, with a previous schedule, its meetings left in their slot (a
    neighbourhood that keeps the objective but moves more meetings is refused)."""
    structure = occupancy.structure
    if not structure.preferred:
        return (occupancy.objective(),)
    kept = sum(1 for r, (s, _t) in structure.preferred.items() if occupancy.slot_of.get(r) == s)
    return (occupancy.objective(), kept)


def _full_key(occupancy: Occupancy) -> tuple[int, ...]:
    return (occupancy.objective(), *secondary_key(occupancy.structure, occupancy))


def _structure(
    instance: Instance,
    previous: Sequence[Meeting] | None,
    allow_moves: bool,
    end: float | None = None,
) -> Structure:
    """The indexed instance (with the previous meetings to keep); :class:`OutOfTimeError` if
    ``end`` passes meanwhile."""
    if not previous:
        return build_structure(instance, end=end)
    kept = keepable_meetings(instance, previous, end)
    preferred = {m.request: (m.slot, m.table, m.interpreter) for m in kept}
    if allow_moves:
        return build_structure(instance, preferred=preferred, attendees=_attendees(kept), end=end)
    fixed = {m.request: (m.slot, m.table) for m in kept}
    return build_structure(
        instance, fixed=fixed, preferred=preferred, attendees=_attendees(kept), end=end
    )


def _locks_alone(
    instance: Instance,
    previous: Sequence[Meeting] | None,
    allow_moves: bool,
    deadline: Deadline,
) -> Schedule:
    """The answer when the time ran out before the instance was indexed: the locked
    meetings (and the previous meetings that can stay), every other request unscheduled
    with reason ``time_limit``, and the counting bound of the whole instance.

    Only the requests of those meetings are indexed, which takes milliseconds.
    """
    wanted = {lock.request for lock in instance.locked}
    wanted.update(m.request for m in previous or ())
    part = dataclasses.replace(
        instance, requests=tuple(r for r in instance.requests if r.id in wanted)
    )
    structure = _structure(part, previous, allow_moves)
    occupancy = occupancy_of(structure, {v: s for v, (s, _t) in structure.fixed.items()})
    for v, (slot, _table) in structure.preferred.items():  # previous meetings that may move
        if structure.request_of[v] not in occupancy.placed:
            occupancy.place(v, slot)
    stats = {"index_stopped": 1.0}
    schedule = finish(structure, occupancy, None, deadline, previous, stats)
    placed = {m.request for m in schedule.meetings}
    reasons = dict(schedule.reasons)
    for request in instance.requests:
        if request.id not in placed and request.id not in reasons:
            reasons[request.id] = TIME_LIMIT
    moved, dropped = changes(instance.requests, list(schedule.meetings), previous)
    upper = max(schedule.objective, counting_bound(instance))
    return dataclasses.replace(
        schedule,
        unscheduled=tuple(r.id for r in instance.requests if r.id not in placed),
        upper_bound=upper,
        status=OPTIMAL if schedule.objective == upper else FEASIBLE,
        reasons=reasons,
        moved=moved,
        dropped=dropped,
        figures=schedule_figures(
            instance,
            ((who, m.slot) for m in schedule.meetings for who in m.attendees or ()),
            0,
            None if moved is None or dropped is None else len(moved) + len(dropped),
        ),
    )


def _attendees(meetings: Sequence[Meeting]) -> dict[str, tuple[str, str]]:
    return {m.request: m.attendees for m in meetings if m.attendees is not None}
