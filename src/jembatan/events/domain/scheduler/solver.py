"""The CP-SAT model, and :func:`solve`, the one entry point for every caller.

Two phases within the time limit: phase 1 maximises the sum of priorities; phase 2 keeps
that sum at least as high and then prefers, in this order, previous meetings left in
place (with ``allow_moves``), every participant getting a meeting, and fewer idle gaps.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from jembatan.events.domain.scheduler.bound import lp_bound
from jembatan.events.domain.scheduler.finish import finish, occupancy_of
from jembatan.events.domain.scheduler.greedy import greedy_occupancy, priority_order
from jembatan.events.domain.scheduler.instance import Instance
from jembatan.events.domain.scheduler.previous import keepable_meetings
from jembatan.events.domain.scheduler.schedule import Meeting, Schedule
from jembatan.events.domain.scheduler.secondary import add_secondary_objective
from jembatan.events.domain.scheduler.structure import Structure, build_structure

PHASE1_SHARE = 0.7  # of the time left after building; phase 2 and the LP bound share the rest


@dataclass
class Model:
    model: cp_model.CpModel
    x: dict[tuple[int, int], cp_model.IntVar]  # (request, slot) -> scheduled there
    objective: cp_model.LinearExpr
    by_participant_slot: dict[tuple[int, int], list[cp_model.IntVar]] = field(default_factory=dict)


def solve(
    instance: Instance,
    *,
    time_limit: float = 60.0,
    previous: Sequence[Meeting] | None = None,
    allow_moves: bool = False,
    workers: int = 2,
    seed: int = 0,
    secondary: bool = True,
) -> Schedule:
    """Schedule the instance's requests; never lower than the greedy hint, within ``time_limit``.

    ``previous`` is a published schedule: its meetings stay where they are (they become
    locks) unless ``allow_moves``, in which case as many as possible stay without lowering
    the objective. ``secondary=False`` skips phase 2 (fairness, gaps, fewer moves).
    """
    started = time.perf_counter()
    deadline = started + time_limit
    structure = _structure(instance, previous, allow_moves)
    order = priority_order(structure)
    hint = greedy_occupancy(structure, order)
    model = build_model(structure)
    best: dict[int, int] = dict(hint.slot_of)
    best_value = hint.objective()
    stats: dict[str, float] = {"hint": best_value}
    phase1 = max(0.0, (deadline - time.perf_counter()) * PHASE1_SHARE)
    solver_bound = None
    if phase1 > 0.05:
        solver, status = _run(model, best, phase1, workers, seed)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and solver.ObjectiveValue() > best_value:
            best = _placement(solver, model)
            best_value = round(solver.ObjectiveValue())
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            solver_bound = int(solver.BestObjectiveBound() + 1e-6)
        stats["phase1_seconds"] = solver.WallTime()
    upper = solver_bound
    if upper is None or upper > best_value:
        remaining = deadline - time.perf_counter()
        lp = lp_bound(structure, time_limit=max(0.1, remaining * 0.5)) if remaining > 0.2 else None
        if lp is not None:
            stats["lp_bound"] = lp
            upper = lp if upper is None else min(upper, lp)
    if solver_bound is not None:
        stats["solver_bound"] = solver_bound
    remaining = deadline - time.perf_counter() - 0.05 * time_limit
    if secondary and remaining > 0.2:
        model.model.Add(model.objective >= best_value)
        add_secondary_objective(model, structure)
        solver, status = _run(model, best, remaining, workers, seed)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            best = _placement(solver, model)
        stats["phase2_seconds"] = solver.WallTime()
    occupancy = occupancy_of(structure, best)
    return finish(structure, occupancy, upper, started, previous, stats)


def _structure(
    instance: Instance, previous: Sequence[Meeting] | None, allow_moves: bool
) -> Structure:
    if not previous:
        return build_structure(instance)
    kept = keepable_meetings(instance, previous)
    if allow_moves:
        preferred = {m.request: (m.slot, m.table, m.interpreter) for m in kept}
        return build_structure(instance, preferred=preferred)
    fixed = {m.request: (m.slot, m.table) for m in kept}
    preferred = {m.request: (m.slot, m.table, m.interpreter) for m in kept}
    return build_structure(instance, fixed=fixed, preferred=preferred)


def build_model(structure: Structure) -> Model:
    """Variables only where a meeting is possible; tables and interpreters as counts/flows."""
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    by_participant_slot: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    by_participant: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    by_slot: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    by_group_slot: dict[tuple[tuple[int, ...], int], list[cp_model.IntVar]] = defaultdict(list)
    terms: list[tuple[cp_model.IntVar, int]] = []
    for r, slots in enumerate(structure.options):
        a, b = structure.ends[r]
        xs = []
        for s in slots:
            var = model.NewBoolVar(f"x{r}_{s}")
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
            model.Add(xs[0] == 1)
        elif len(xs) > 1:
            model.AddAtMostOne(xs)
    for xs in by_participant_slot.values():
        if len(xs) > 1:
            model.AddAtMostOne(xs)
    for p, xs in by_participant.items():
        if len(xs) > structure.cap[p]:
            model.Add(sum(xs) <= structure.cap[p])
    for xs in by_slot.values():
        if len(xs) > structure.tables:
            model.Add(sum(xs) <= structure.tables)
    _add_interpreters(model, structure, by_group_slot)
    objective = cp_model.LinearExpr.WeightedSum([v for v, _ in terms], [w for _, w in terms])
    model.Maximize(objective)
    return Model(model, x, objective, dict(by_participant_slot))


def _add_interpreters(
    model: cp_model.CpModel,
    structure: Structure,
    by_group_slot: dict[tuple[tuple[int, ...], int], list[cp_model.IntVar]],
) -> None:
    """Per slot, a flow from groups of requests (same eligible interpreters) to interpreters."""
    groups_in_slot: dict[int, list[tuple[tuple[int, ...], list[cp_model.IntVar]]]] = defaultdict(list)
    for (group, s), xs in by_group_slot.items():
        groups_in_slot[s].append((group, xs))
    for s, groups in groups_in_slot.items():
        if len(groups) == 1:
            group, xs = groups[0]
            free = sum(1 for i in group if s in structure.interpreter_available[i])
            if len(xs) > free:
                model.Add(sum(xs) <= free)
            continue
        serves: dict[int, list[cp_model.IntVar]] = defaultdict(list)
        for n, (group, xs) in enumerate(groups):
            ys = []
            for i in group:
                if s in structure.interpreter_available[i]:
                    y = model.NewBoolVar(f"y{s}_{n}_{i}")
                    serves[i].append(y)
                    ys.append(y)
            model.Add(sum(xs) == sum(ys))
        for ys in serves.values():
            if len(ys) > 1:
                model.AddAtMostOne(ys)


def _run(
    model: Model, hint: dict[int, int], seconds: float, workers: int, seed: int
) -> tuple[cp_model.CpSolver, int]:
    model.model.ClearHints()
    for (r, s), var in model.x.items():
        model.model.AddHint(var, 1 if hint.get(r) == s else 0)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    status = solver.Solve(model.model)
    return solver, status


def _placement(solver: cp_model.CpSolver, model: Model) -> dict[int, int]:
    return {r: s for (r, s), var in model.x.items() if solver.BooleanValue(var)}
