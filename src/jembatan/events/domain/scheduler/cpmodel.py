"""The CP-SAT model of a (sub-)problem: variables, constraints, hints, and reading it back.

Built from a :class:`Structure`, so the whole problem and every neighbourhood of the
search use the same model; the phase 2 helper variables live here too, so a hint sets them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

# OR-Tools (with numpy and pandas, a second of start-up under load) is imported where a
# model is built, so a run that never gets to one (a short limit) does not wait for it.
if TYPE_CHECKING:
    from ortools.sat.python import cp_model

from jembatan.events.domain.scheduler.structure import Occupancy, Structure


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


def build_model(structure: Structure) -> Model:
    """Variables only where a meeting is possible; tables and interpreters as counts/flows."""
    from ortools.sat.python import cp_model

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
    from ortools.sat.python import cp_model

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


def derived_hints(model: Model, hint: Occupancy) -> list[tuple[cp_model.IntVar, int]]:
    """Values of the phase 2 helper variables that match the hinted placement."""
    structure = hint.structure

    def busy(p: int, s: int | None) -> bool:
        return s is not None and ((p, s) in hint.busy or (p, s) in structure.busy)

    values = [(var, int(hint.count[p] > 0)) for var, p in model.covered]
    values += [(var, int(busy(p, s) and not busy(p, before))) for var, p, s, before in model.starts]
    return values
