"""The CP-SAT model, and :func:`solve`, the one entry point for every caller.

Two phases within the time limit: phase 1 maximises the sum of priorities; phase 2 keeps
that sum at least as high and then prefers, in this order, previous meetings left in
place (with ``allow_moves``), every participant getting a meeting, and fewer idle gaps.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from jembatan.events.domain.scheduler.bound import BackgroundLp, aggregate_bound, quick_bound
from jembatan.events.domain.scheduler.deadline import Deadline, workers_for_load
from jembatan.events.domain.scheduler.finish import finish, occupancy_of
from jembatan.events.domain.scheduler.greedy import (
    greedy_occupancy,
    lp_guided_occupancy,
    priority_order,
)
from jembatan.events.domain.scheduler.instance import Instance
from jembatan.events.domain.scheduler.lns import cp_sat_sub_solver, improve
from jembatan.events.domain.scheduler.previous import keepable_meetings
from jembatan.events.domain.scheduler.schedule import Meeting, Schedule
from jembatan.events.domain.scheduler.secondary import derived_hints, secondary_key
from jembatan.events.domain.scheduler.structure import (
    Occupancy,
    Structure,
    build_structure,
)

LP_SHARE = 0.7  # of the time left after the greedy start: the LP (bound, and its rounding)
PHASE1_SHARE = 0.8  # of the time left after the LP; phase 2 (secondary objective) the rest
FULL_MODEL_VARIABLES = 4_000  # up to this size CP-SAT gets the whole model first
FULL_MODEL_SHARE = 0.4  # of the time left
PATIENCE = 40  # phase 2 stops after this many neighbourhoods in a row bring nothing
FINISH_FACTOR = (
    3.5  # finishing (fill, tables, reasons, figures) costs about this many greedy passes
)


@dataclass
class Model:
    model: cp_model.CpModel
    x: dict[tuple[int, int], cp_model.IntVar]  # (request, slot) -> scheduled there
    objective: cp_model.LinearExpr
    by_participant_slot: dict[tuple[int, int], list[cp_model.IntVar]] = field(default_factory=dict)
    # (slot, group of eligible interpreters, interpreter) -> serves that group in that slot
    y: dict[tuple[int, tuple[int, ...], int], cp_model.IntVar] = field(default_factory=dict)
    # phase 2 helpers: (has a meeting, participant); (block starts, participant, slot, slot before)
    covered: list[tuple[cp_model.IntVar, int]] = field(default_factory=list)
    starts: list[tuple[cp_model.IntVar, int, int, int | None]] = field(default_factory=list)


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
    structure = _structure(instance, previous, allow_moves)
    greedy_started = time.perf_counter()
    current = greedy_occupancy(structure, priority_order(structure))
    greedy_seconds = time.perf_counter() - greedy_started
    deadline.keep(0.1 + FINISH_FACTOR * greedy_seconds)
    upper = max(quick_bound(structure), current.objective())
    stats: dict[str, float] = {"hint": current.objective(), "quick_bound": upper}
    stats["first_feasible_seconds"] = deadline.elapsed()
    trace.add(current.objective(), upper)

    def better(occupancy: Occupancy) -> None:
        trace.add(occupancy.objective(), upper)

    aggregate = None if deadline.expired() else aggregate_bound(structure, deadline.until(0.5))
    if aggregate is not None:
        stats["aggregate_bound"] = aggregate[0]
        upper = max(current.objective(), min(upper, aggregate[0]))
        trace.add(current.objective(), upper)
        if upper > current.objective():
            rounded = lp_guided_occupancy(structure, _as_values(structure, aggregate[1]))
            stats["aggregate_rounding"] = rounded.objective()
            if rounded.objective() > current.objective():
                current = rounded
                trace.add(current.objective(), upper)
    if sum(len(o) for o in structure.options) <= FULL_MODEL_VARIABLES and not deadline.expired():
        model = build_model(structure)
        seconds = deadline.share(FULL_MODEL_SHARE)
        solver, status = run_model(model, current, seconds, workers, seed)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            found = occupancy_of(structure, placement(solver, model))
            if found.objective() >= current.objective():
                current = found
            upper = min(upper, max(current.objective(), floor_bound(solver)))
            stats["solver_bound"] = upper
            trace.add(current.objective(), upper)
    lp = BackgroundLp(structure, deadline.until(1.0)) if upper > current.objective() else None

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
        rounded = lp_guided_occupancy(structure, result.values)
        stats["lp_rounding"] = rounded.objective()
        if rounded.objective() > occupancy.objective():
            trace.add(rounded.objective(), upper)
            return rounded
        return occupancy

    def refresh(occupancy: Occupancy, stop_at: int | None) -> tuple[Occupancy, int | None]:
        return take_lp(occupancy), None if stop_at is None else upper

    try:
        if upper > current.objective() and not deadline.expired():
            current, lns_stats = improve(
                structure,
                current,
                deadline.until(PHASE1_SHARE if secondary else 1.0),
                cp_sat_sub_solver(workers, seed),
                _main_key,
                seed,
                stop_at=upper,
                on_better=better,
                refresh=refresh,
            )
            stats.update(lns_stats)
        if secondary and deadline.remaining() > 0.5:
            current, lns_stats = improve(
                structure,
                current,
                deadline.until(1.0),
                cp_sat_sub_solver(workers, seed, secondary=True),
                _full_key,
                seed + 1,
                patience=PATIENCE,
                refresh=lambda o, _stop: (take_lp(o), None),
            )
            stats.update({f"phase2_{k}": v for k, v in lns_stats.items()})
        if lp is not None and lp.running and upper > current.objective():
            # The search has given up; the LP may still prove a better bound in time.
            current = take_lp(current, deadline.remaining())
    finally:
        if lp is not None:
            lp.stop()
    stats["workers"] = workers
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
    instance: Instance, previous: Sequence[Meeting] | None, allow_moves: bool
) -> Structure:
    if not previous:
        return build_structure(instance)
    kept = keepable_meetings(instance, previous)
    if allow_moves:
        preferred = {m.request: (m.slot, m.table, m.interpreter) for m in kept}
        return build_structure(instance, preferred=preferred, attendees=_attendees(kept))
    fixed = {m.request: (m.slot, m.table) for m in kept}
    preferred = {m.request: (m.slot, m.table, m.interpreter) for m in kept}
    return build_structure(instance, fixed=fixed, preferred=preferred, attendees=_attendees(kept))


def _attendees(meetings: Sequence[Meeting]) -> dict[str, tuple[str, str]]:
    return {m.request: m.attendees for m in meetings if m.attendees is not None}


def build_model(structure: Structure) -> Model:
    """Variables only where a meeting is possible; tables and interpreters as counts/flows."""
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    by_participant_slot: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    by_participant: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    by_slot: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    by_group_slot: dict[tuple[tuple[int, ...], int], list[cp_model.IntVar]] = defaultdict(list)
    terms: list[tuple[cp_model.IntVar, int]] = []
    by_request: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    for r, slots in enumerate(structure.options):
        a, b = structure.ends[r]
        xs = []
        for s in slots:
            var = model.new_bool_var(f"x{r}_{s}")
            x[(r, s)] = var
            xs.append(var)
            terms.append((var, structure.priority[r]))
            by_participant_slot[(a, s)].append(var)
            by_participant_slot[(b, s)].append(var)
            by_participant[a].append(var)
            by_participant[b].append(var)
            by_slot[s].append(var)
            if structure.needs_interpreter[r]:
                by_group_slot[(structure.eligible[r], s)].append(var)
        if r in structure.fixed:
            model.add(xs[0] == 1)
        by_request[structure.request_of[r]].extend(xs)
    for xs in by_request.values():
        if len(xs) > 1:
            model.add_at_most_one(xs)
    for xs in by_participant_slot.values():
        if len(xs) > 1:
            model.add_at_most_one(xs)
    for p, xs in by_participant.items():
        if len(xs) > structure.cap[p]:
            model.add(sum(xs) <= structure.cap[p])
    for s, xs in by_slot.items():
        if len(xs) > structure.slot_capacity[s]:
            model.add(sum(xs) <= structure.slot_capacity[s])
    _add_runs(model, structure, by_participant_slot)
    objective = cp_model.LinearExpr.weighted_sum([v for v, _ in terms], [w for _, w in terms])
    model.maximize(objective)
    result = Model(model, x, objective, dict(by_participant_slot))
    _add_interpreters(result, structure, by_group_slot)
    return result


def _add_runs(
    model: cp_model.CpModel,
    structure: Structure,
    by_participant_slot: dict[tuple[int, int], list[cp_model.IntVar]],
) -> None:
    """At most ``max_run`` meetings in any ``max_run + 1`` consecutive slots of a day."""
    participants = {p for p, _s in by_participant_slot}
    for p in participants:
        m = structure.max_run[p]
        if m >= structure.n_slots:
            continue
        for first in range(structure.n_slots - m):
            window = range(first, first + m + 1)
            if any(structure.previous_slot[s] != s - 1 for s in window[1:]):
                continue  # the window spans two days
            xs = [x for s in window for x in by_participant_slot.get((p, s), [])]
            outside = sum(1 for s in window if (p, s) in structure.busy)
            if xs and len(xs) + outside > m:
                model.add(sum(xs) <= max(0, m - outside))


def _add_interpreters(
    result: Model,
    structure: Structure,
    by_group_slot: dict[tuple[tuple[int, ...], int], list[cp_model.IntVar]],
) -> None:
    """Per slot, a flow from groups of requests (same eligible interpreters) to interpreters."""
    model = result.model
    groups_in_slot: dict[int, list[tuple[tuple[int, ...], list[cp_model.IntVar]]]] = defaultdict(
        list
    )
    for (group, s), xs in by_group_slot.items():
        groups_in_slot[s].append((group, xs))
    for s, groups in groups_in_slot.items():
        if len(groups) == 1:
            group, xs = groups[0]
            free = sum(1 for i in group if s in structure.interpreter_available[i])
            if len(xs) > free:
                model.add(sum(xs) <= free)
            continue
        serves: dict[int, list[cp_model.IntVar]] = defaultdict(list)
        for n, (group, xs) in enumerate(groups):
            ys = []
            for i in group:
                if s in structure.interpreter_available[i]:
                    y = model.new_bool_var(f"y{s}_{n}_{i}")
                    result.y[(s, group, i)] = y
                    serves[i].append(y)
                    ys.append(y)
            model.add(sum(xs) == sum(ys))
        for ys in serves.values():
            if len(ys) > 1:
                model.add_at_most_one(ys)


def run_model(
    model: Model, hint: Occupancy, seconds: float, workers: int, seed: int
) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
    """Solve from a complete hint (CP-SAT drops an incomplete one it cannot complete)."""
    model.model.clear_hints()  # type: ignore[no-untyped-call]
    for (r, s), var in model.x.items():
        model.model.add_hint(var, 1 if hint.slot_of.get(r) == s else 0)
    used = set()
    for r, s in hint.slot_of.items():
        interpreter = hint.interpreters[s].interpreter_of.get(r)
        if interpreter is not None:
            used.add((s, hint.structure.eligible[r], interpreter))
    for key, var in model.y.items():
        model.model.add_hint(var, 1 if key in used else 0)
    for var, value in derived_hints(model, hint):
        model.model.add_hint(var, value)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, seconds)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.symmetry_level = 0  # costs seconds of presolve, gains nothing here
    status = solver.solve(model.model)
    return solver, status


def placement(solver: cp_model.CpSolver, model: Model) -> dict[int, int]:
    return {r: s for (r, s), var in model.x.items() if solver.boolean_value(var)}
