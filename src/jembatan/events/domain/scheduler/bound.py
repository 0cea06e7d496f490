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
import multiprocessing
import multiprocessing.process
import os
import time
from collections import defaultdict
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

# OR-Tools (with numpy and pandas, a second of start-up under load) is imported where a
# model is built, so a run that never gets to one (a short limit) does not wait for it.
if TYPE_CHECKING:
    from ortools.linear_solver import pywraplp

from jembatan.events.domain.scheduler.instance import Instance
from jembatan.events.domain.scheduler.structure import Structure

ROUNDING_SLACK = 1e-3  # GLOP's tolerances; the LP value is a sum of small fractions


@dataclass(frozen=True)
class LpResult:
    bound: int
    values: dict[int, list[tuple[int, float]]]  # request -> (slot, LP value) where positive


def lp_bound(structure: Structure, end: float) -> LpResult | None:
    """The floor of the LP optimum and the LP solution, or None if it is not done by ``end``.

    ``end`` is a ``perf_counter`` time; building the model stops there too. The model is
    written as a protocol buffer, whole lists of coefficients at a time (setting them one
    by one through the solver's wrapper took most of a second per 100,000).
    """
    from ortools.linear_solver import linear_solver_pb2, pywraplp

    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:  # pragma: no cover - GLOP ships with OR-Tools
        return None
    model = linear_solver_pb2.MPModelProto(maximize=True)
    by_participant_slot: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_participant: dict[int, list[int]] = defaultdict(list)
    by_slot: dict[int, list[int]] = defaultdict(list)
    by_group_slot: dict[tuple[tuple[int, ...], int], list[int]] = defaultdict(list)
    by_request: dict[int, list[int]] = defaultdict(list)
    variables: dict[int, list[tuple[int, int]]] = {}  # request -> (slot, variable index)
    lower: list[float] = []
    objective: list[float] = []
    for r, slots in enumerate(structure.options):
        if r % 500 == 0 and time.perf_counter() > end:
            return None
        if not slots:
            continue
        a, b = structure.ends[r]
        first = len(objective)
        xs = list(range(first, first + len(slots)))
        lower.extend([1.0 if r in structure.fixed else 0.0] * len(slots))
        objective.extend([float(structure.priority[r])] * len(slots))
        variables[r] = list(zip(slots, xs, strict=True))
        by_request[structure.request_of[r]].extend(xs)
        by_participant[a].extend(xs)
        by_participant[b].extend(xs)
        needs = structure.needs_interpreter[r]
        for s, x in zip(slots, xs, strict=True):
            by_participant_slot[(a, s)].append(x)
            by_participant_slot[(b, s)].append(x)
            by_slot[s].append(x)
            if needs:
                by_group_slot[(structure.eligible[r], s)].append(x)
    n_x = len(objective)
    upper = [1.0] * n_x
    rows: list[tuple[list[int], list[float], float]] = []  # (variables, coefficients, at most)

    def at_most(xs: list[int], bound: float) -> None:
        rows.append((xs, [1.0] * len(xs), bound))

    for xs in by_request.values():
        if len(xs) > 1:
            at_most(xs, 1)
    for xs in by_participant_slot.values():
        if len(xs) > 1:
            at_most(xs, 1)
    for p, xs in by_participant.items():
        if len(xs) > structure.cap[p]:
            at_most(xs, structure.cap[p])
    for s, xs in by_slot.items():
        if len(xs) > structure.slot_capacity[s]:
            at_most(xs, structure.slot_capacity[s])
    served: dict[tuple[int, int], list[int]] = defaultdict(list)
    infinity = solver.infinity()
    for (group, s), xs in by_group_slot.items():
        ys = []  # sum(xs) - sum(ys) <= 0: the group's meetings within its interpreters
        for i in group:
            if s in structure.interpreter_available[i]:
                y = len(lower)
                lower.append(0.0)
                upper.append(infinity)
                objective.append(0.0)
                ys.append(y)
                served[(i, s)].append(y)
        rows.append((xs + ys, [1.0] * len(xs) + [-1.0] * len(ys), 0.0))
    for ys in served.values():
        at_most(ys, 1)
    if time.perf_counter() > end:
        return None
    for low, high, cost in zip(lower, upper, objective, strict=True):
        model.variable.add(lower_bound=low, upper_bound=high, objective_coefficient=cost)
    for indices, coefficients, bound in rows:
        row = model.constraint.add(lower_bound=-infinity, upper_bound=bound)
        row.var_index.extend(indices)
        row.coefficient.extend(coefficients)
    if solver.LoadModelFromProto(model) != "":  # pragma: no cover - the model is well formed
        return None
    del model, lower, upper, objective  # the solver has its copy: memory for GLOP
    rows.clear()
    seconds = end - time.perf_counter()
    if seconds <= 0.05:
        return None
    solver.SetTimeLimit(int(seconds * 1000))
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return None
    response = linear_solver_pb2.MPSolutionResponse()
    solver.FillSolutionResponseProto(response)
    value = list(response.variable_value)
    values = {
        r: [(s, value[x]) for s, x in pairs if value[x] > 1e-6] for r, pairs in variables.items()
    }
    return LpResult(math.floor(solver.Objective().Value() + ROUNDING_SLACK), values)


def quick_bound(structure: Structure) -> int:
    """A bound in milliseconds, for when the LP does not finish in time.

    Each meeting counts for both its participants, so the objective is at most half the
    sum, over participants, of their ``cap`` best priorities; and at most the best
    priorities that fit on the tables of all slots.
    """
    by_participant: list[list[int]] = [[] for _ in structure.cap]
    offered: dict[int, int] = {}  # request -> priority, once however many variants
    for r, slots in enumerate(structure.options):
        if not slots:
            continue
        a, b = structure.ends[r]
        by_participant[a].append(structure.priority[r])
        by_participant[b].append(structure.priority[r])
        offered[structure.request_of[r]] = structure.priority[r]
    halves = sum(
        sum(sorted(ps, reverse=True)[: structure.cap[p]]) for p, ps in enumerate(by_participant)
    )
    seats = sum(structure.slot_capacity)
    return min(halves // 2, sum(sorted(offered.values(), reverse=True)[:seats]))


def counting_bound(instance: Instance) -> int:
    """The counting bound of :func:`quick_bound` on the instance itself, for when the time
    ran out before it was indexed (every request counted as if it could take a slot).

    A request naming a company counts its whole priority (who attends is not worked out).
    """
    n_slots = len(instance.slots)
    cap: dict[str, int] = {}
    for p in instance.participants:
        slots = n_slots if p.available is None else len(p.available)
        cap[p.id] = slots if p.max_meetings is None else min(p.max_meetings, slots)
    by_participant: dict[str, list[int]] = {}
    companies = 0
    for request in instance.requests:
        if request.a in cap and request.b in cap:
            if cap[request.a] and cap[request.b]:
                by_participant.setdefault(request.a, []).append(request.priority)
                by_participant.setdefault(request.b, []).append(request.priority)
        else:
            companies += request.priority
    halves = sum(sum(sorted(ps, reverse=True)[: cap[p]]) for p, ps in by_participant.items())
    seats = n_slots * instance.tables
    best = sorted((r.priority for r in instance.requests), reverse=True)[:seats]
    return min(halves // 2 + companies, sum(best))


class BackgroundLp:
    """The LP solved in a forked process, so the search improves the schedule meanwhile.

    Where a process cannot be forked (another platform, or a daemonic worker), the LP is
    solved here and now instead. :meth:`poll` hands the result over once it is there.
    """

    def __init__(self, structure: Structure, end: float) -> None:
        self.result: LpResult | None = None
        self.done = False
        self.process: multiprocessing.process.BaseProcess | None = None
        try:
            context = multiprocessing.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(structure, end, sender))
            process.start()
        except (ValueError, OSError, AssertionError):
            self.result, self.done = lp_bound(structure, end), True
            return
        sender.close()
        self.receiver = receiver
        self.process = process

    @property
    def running(self) -> bool:
        return not self.done

    def poll(self, wait: float = 0.0) -> LpResult | None:
        """The LP's result the first time it is there (waiting up to ``wait`` seconds)."""
        if self.done:
            kept, self.result = self.result, None  # handed over once
            return kept
        try:
            if not self.receiver.poll(max(0.0, wait)):
                if self.process is not None and not self.process.is_alive():
                    self.stop()  # died without an answer
                return None
            result: LpResult | None = self.receiver.recv()
        except (EOFError, OSError):
            result = None
        self.stop()
        return result

    def stop(self) -> None:
        self.done = True
        if self.process is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join()
            self.process = None
            self.receiver.close()


def _child(structure: Structure, end: float, sender: Connection) -> None:
    # os._exit: a forked child must not run the parent's exit handlers (database
    # connections of a Django worker would be closed from here).
    code = 0
    try:
        sender.send(lp_bound(structure, end))
        sender.close()
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def aggregate_bound(structure: Structure, end: float) -> tuple[int, dict[int, float]] | None:
    """The LP without slots: a bound in about a second where the slot-indexed LP takes long.

    z[r] in [0, 1] per request; each participant at most ``cap`` meetings; all meetings
    within the tables of all slots; meetings that need an interpreter within the
    interpreters' free slots (per group of eligible interpreters, and in all); and each
    participant's windows (see :func:`_windows`). Every schedule is a point of it, so its
    floor is a bound (at most as tight as the slot-indexed one; with the windows, equal to
    it on the benchmark's L: 10,595, where it was 10,599 without them).
    """
    from ortools.linear_solver import pywraplp

    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:  # pragma: no cover
        return None
    infinity = solver.infinity()
    objective = solver.Objective()
    seats = solver.Constraint(-infinity, sum(structure.slot_capacity))
    per_participant = [solver.Constraint(-infinity, c) for c in structure.cap]
    interpreted = solver.Constraint(
        -infinity, sum(len(slots) for slots in structure.interpreter_available)
    )
    groups: dict[tuple[int, ...], pywraplp.Constraint] = {}
    zs: list[tuple[int, pywraplp.Variable]] = []
    once: dict[int, pywraplp.Constraint] = {}  # request -> its variants, at most one
    # participant -> (slots, z) of its requests, for the windows below
    mine: list[list[tuple[tuple[int, ...], pywraplp.Variable]]] = [[] for _ in structure.cap]
    for r, slots in enumerate(structure.options):
        if r % 2000 == 0 and time.perf_counter() > end:
            return None  # building it stops at the deadline too
        if not slots:
            continue
        z = solver.NumVar(1.0 if r in structure.fixed else 0.0, 1.0, "")
        zs.append((r, z))
        n = structure.request_of[r]
        if len(structure.variants_of[n]) > 1:
            if n not in once:
                once[n] = solver.Constraint(-infinity, 1)
            once[n].SetCoefficient(z, 1)
        objective.SetCoefficient(z, structure.priority[r])
        seats.SetCoefficient(z, 1)
        a, b = structure.ends[r]
        per_participant[a].SetCoefficient(z, 1)
        per_participant[b].SetCoefficient(z, 1)
        mine[a].append((slots, z))
        mine[b].append((slots, z))
        if structure.needs_interpreter[r]:
            interpreted.SetCoefficient(z, 1)
            group = structure.eligible[r]
            if group not in groups:
                free = sum(len(structure.interpreter_available[i]) for i in group)
                groups[group] = solver.Constraint(-infinity, free)
            groups[group].SetCoefficient(z, 1)
    for p, requests in enumerate(mine):
        if p % 500 == 0 and time.perf_counter() > end:
            return None
        _windows(solver, requests, structure.cap[p])
    objective.SetMaximization()
    seconds = end - time.perf_counter()
    if seconds <= 0.05:
        return None
    solver.SetTimeLimit(int(seconds * 1000))
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return None
    values = {r: z.solution_value() for r, z in zs}
    return math.floor(objective.Value() + ROUNDING_SLACK), values


def _windows(
    solver: pywraplp.Solver,
    requests: list[tuple[tuple[int, ...], pywraplp.Variable]],
    cap: int,
) -> None:
    """A participant meets at most once a slot: of their requests whose slots all lie in a
    set ``W``, at most ``|W|`` are met. ``W`` runs over the slot sets of their requests,
    where it cuts more than ``cap`` does (a partner available a few slots only)."""
    by_slots: dict[frozenset[int], list[pywraplp.Variable]] = {}
    for slots, z in requests:
        by_slots.setdefault(frozenset(slots), []).append(z)
    if len(by_slots) == 1 and len(requests) <= cap:
        return
    for window in by_slots:
        if len(window) >= cap:
            continue
        inside = [z for slots, zs in by_slots.items() if slots <= window for z in zs]
        if len(inside) > len(window):
            row = solver.Constraint(-solver.infinity(), len(window))
            for z in inside:
                row.SetCoefficient(z, 1)
