"""A proven upper bound from the linear relaxation of the slot-indexed model.

CP-SAT's own bound can stay loose on large instances when the search runs out of time,
so we also solve the LP relaxation with GLOP: x[r, s] in [0, 1] for each request r and
each slot s it may take, with every rule of the format as a linear constraint. Requests
that need an interpreter are grouped by the set of interpreters able to serve them, and
interpreters are a flow from those groups in each slot, which is exact for fractional
values. Every schedule is a feasible point of this LP, so the LP optimum bounds the best
objective; priorities are integers, so its floor does too.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from ortools.linear_solver import pywraplp  # type: ignore[import-untyped]

from jembatan.events.domain.scheduler.structure import Structure

ROUNDING_SLACK = 1e-3  # GLOP's tolerances; the LP value is a sum of small fractions


@dataclass(frozen=True)
class LpResult:
    bound: int
    values: dict[
        int, list[tuple[int, float]]
    ]  # request -> (slot, LP value) where positive


def lp_bound(structure: Structure, time_limit: float = 30.0) -> LpResult | None:
    """The floor of the LP optimum and the LP solution, or None if GLOP runs out of time."""
    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:  # pragma: no cover - GLOP ships with OR-Tools
        return None
    solver.SetTimeLimit(int(time_limit * 1000))
    infinity = solver.infinity()
    by_participant_slot: dict[tuple[int, int], list[pywraplp.Variable]] = defaultdict(
        list
    )
    by_participant: dict[int, list[pywraplp.Variable]] = defaultdict(list)
    by_slot: dict[int, list[pywraplp.Variable]] = defaultdict(list)
    by_group_slot: dict[tuple[tuple[int, ...], int], list[pywraplp.Variable]] = (
        defaultdict(list)
    )
    variables: dict[int, list[tuple[int, pywraplp.Variable]]] = {}
    objective = solver.Objective()
    for r, slots in enumerate(structure.options):
        if not slots:
            continue
        a, b = structure.ends[r]
        pinned = r in structure.fixed
        xs = [solver.NumVar(1.0 if pinned else 0.0, 1.0, "") for _ in slots]
        variables[r] = list(zip(slots, xs, strict=True))
        if len(xs) > 1:
            solver.Add(solver.Sum(xs) <= 1)
        for s, x in zip(slots, xs, strict=True):
            objective.SetCoefficient(x, structure.priority[r])
            by_participant_slot[(a, s)].append(x)
            by_participant_slot[(b, s)].append(x)
            by_participant[a].append(x)
            by_participant[b].append(x)
            by_slot[s].append(x)
            if structure.needs_interpreter[r]:
                by_group_slot[(structure.eligible[r], s)].append(x)
    for xs in by_participant_slot.values():
        if len(xs) > 1:
            solver.Add(solver.Sum(xs) <= 1)
    for p, xs in by_participant.items():
        if len(xs) > structure.cap[p]:
            solver.Add(solver.Sum(xs) <= structure.cap[p])
    for s, xs in by_slot.items():
        if len(xs) > structure.slot_capacity[s]:
            solver.Add(solver.Sum(xs) <= structure.slot_capacity[s])
    served: dict[tuple[int, int], list[pywraplp.Variable]] = defaultdict(list)
    for (group, s), xs in by_group_slot.items():
        ys = [
            solver.NumVar(0.0, infinity, "")
            for i in group
            if s in structure.interpreter_available[i]
        ]
        for i, y in zip(
            (i for i in group if s in structure.interpreter_available[i]),
            ys,
            strict=True,
        ):
            served[(i, s)].append(y)
        solver.Add(solver.Sum(xs) <= solver.Sum(ys))
    for ys in served.values():
        solver.Add(solver.Sum(ys) <= 1)
    objective.SetMaximization()
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return None
    values = {
        r: [(s, x.solution_value()) for s, x in pairs if x.solution_value() > 1e-6]
        for r, pairs in variables.items()
    }
    return LpResult(math.floor(objective.Value() + ROUNDING_SLACK), values)
