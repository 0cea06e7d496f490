"""Large neighbourhood search: re-solve a part of the schedule exactly, keep the rest.

On the benchmark instances CP-SAT's own search, given the whole model and two workers,
spends seconds per neighbourhood and rarely improves on the greedy hint. Sub-problems
built here are small (a few slots, or a few busy participants and everyone they asked
to meet), so CP-SAT solves each to optimality in a fraction of a second.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import replace

from jembatan.events.domain.scheduler.cpmodel import build_model, placement, run_model
from jembatan.events.domain.scheduler.finish import occupancy_of
from jembatan.events.domain.scheduler.secondary import add_secondary_objective
from jembatan.events.domain.scheduler.structure import Occupancy, Structure

TARGET_VARIABLES = 3_000  # starting sub-problem size; adapted as solves finish or time out
SUB_TIME_LIMIT = 2.0  # seconds for one sub-problem

# (current schedule, stop_at) -> (a schedule at least as good, stop_at or a lower one)
Refresh = Callable[[Occupancy, int | None], tuple[Occupancy, int | None]]
# (sub-problem, hint, seconds) -> (its placement or None, whether proven optimal)
SubSolver = Callable[[Structure, Occupancy, float], tuple[dict[int, int] | None, bool]]


def improve(
    structure: Structure,
    current: Occupancy,
    deadline: float,
    solve_sub: SubSolver,
    key: Callable[[Occupancy], tuple[int, ...]],
    seed: int = 0,
    stop_at: int | None = None,
    patience: int | None = None,
    on_better: Callable[[Occupancy], None] | None = None,
    refresh: Refresh | None = None,
) -> tuple[Occupancy, dict[str, float]]:
    """Improve ``current`` until ``deadline`` or until its objective reaches ``stop_at``.

    A sub-problem's answer replaces its part of the schedule when ``key`` of the result
    is at least ``key`` of the current schedule, so the key never goes down. With
    ``patience``, stop after that many rounds in a row without a better key. Each
    sub-problem gets at most what is left until ``deadline`` (a ``perf_counter`` time).
    ``refresh`` is called between rounds with the current schedule and ``stop_at``; it
    may return a better schedule (by ``key``) and a lower ``stop_at`` (a new bound).
    """
    rng = random.Random(seed)
    target = float(TARGET_VARIABLES)
    value = current.objective()
    best_key = key(current)
    rounds = improved = last_gain = 0
    pressure = _pressure(structure)
    requests_of = structure.requests_of()
    per_slot = sum(len(o) for o in structure.options) / max(1, structure.n_slots)
    while time.perf_counter() < deadline - 0.1 and (stop_at is None or value < stop_at):
        if refresh is not None:
            offered, stop_at = refresh(current, stop_at)
            if offered is not current and key(offered) > best_key:
                current, best_key, value = offered, key(offered), offered.objective()
                if on_better is not None:
                    on_better(current)
            if stop_at is not None and value >= stop_at:
                break
        rounds += 1
        if patience is not None and rounds - last_gain > patience:
            break
        whole = False
        if rounds % 3 == 1 and per_slot * 2 <= target * 1.5:
            released, allowed, whole = _slot_neighbourhood(structure, current, rng, target)
        else:
            released, allowed = _participant_neighbourhood(
                structure, current, rng, target, pressure, requests_of, window=rounds % 2 == 0
            )
        sub = residual(structure, current, released, allowed)
        hint = occupancy_of(sub, {r: current.slot_of[r] for r in released})
        seconds = min(SUB_TIME_LIMIT, deadline - time.perf_counter())
        if seconds <= 0.05:
            break
        started = time.perf_counter()
        better, optimal = solve_sub(sub, hint, seconds)
        spent = time.perf_counter() - started
        target = target * 1.2 if spent < seconds / 2 else max(300.0, target / 1.5)
        if better is None:
            continue
        old = {r: current.slot_of[r] for r in released}
        candidate = _replace_part(current, old, better)
        if candidate is None:  # the answer does not fit after all: start over from the rest
            merged = {r: s for r, s in current.slot_of.items() if r not in released}
            candidate = occupancy_of(structure, {**merged, **better})
        candidate_key = key(candidate)
        if candidate_key >= best_key:
            if candidate_key > best_key:
                improved += 1
                last_gain = rounds
                if on_better is not None:
                    on_better(candidate)
            current, best_key, value = candidate, candidate_key, candidate.objective()
        elif candidate is current:
            _replace_part(current, better, old)  # undo
        if whole and optimal:
            break  # the neighbourhood was the whole problem: nothing left to find
    return current, {"lns_rounds": rounds, "lns_improvements": improved}


def _replace_part(current: Occupancy, old: dict[int, int], new: dict[int, int]) -> Occupancy | None:
    """Swap the placements ``old`` for ``new`` in place; None (``current`` as it was) if
    one of ``new`` does not fit."""
    for r in old:
        current.remove(r)
    placed: list[int] = []
    for r, s in new.items():
        if not current.place(r, s):
            for q in placed:
                current.remove(q)
            for q, t in old.items():
                current.place(q, t)
            return None
        placed.append(r)
    return current


def residual(
    structure: Structure,
    current: Occupancy,
    released: set[int],
    allowed: dict[int, tuple[int, ...]],
) -> Structure:
    """The sub-problem left when every meeting but ``released`` stays where it is.

    ``allowed`` gives the candidate requests and the slots each may take; kept meetings'
    participants, tables and interpreters are taken out of the capacities.
    """
    busy: set[tuple[int, int]] = set()
    count = [0] * len(structure.available)
    used_tables = [0] * structure.n_slots
    interpreter_busy: set[tuple[int, int]] = set()
    kept_requests: set[int] = set()
    for r, s in current.slot_of.items():
        if r in released:
            continue
        kept_requests.add(structure.request_of[r])
        a, b = structure.ends[r]
        busy.update(((a, s), (b, s)))
        count[a] += 1
        count[b] += 1
        used_tables[s] += 1
        interpreter = current.interpreters[s].interpreter_of.get(r)
        if interpreter is not None:
            interpreter_busy.add((interpreter, s))
    interpreter_available = [
        frozenset(s for s in slots if (i, s) not in interpreter_busy)
        for i, slots in enumerate(structure.interpreter_available)
    ]
    options: list[tuple[int, ...]] = [()] * structure.n_requests
    for r, slots in allowed.items():
        a, b = structure.ends[r]
        if (
            count[a] >= structure.cap[a]
            or count[b] >= structure.cap[b]
            or structure.request_of[r] in kept_requests  # another variant stays placed
        ):
            continue
        options[r] = tuple(
            s
            for s in slots
            if (a, s) not in busy
            and (b, s) not in busy
            and used_tables[s] < structure.slot_capacity[s]
            and (
                not structure.needs_interpreter[r]
                or any(s in interpreter_available[i] for i in structure.eligible[r])
            )
        )
    return replace(
        structure,
        cap=[c - n for c, n in zip(structure.cap, count, strict=True)],
        slot_capacity=[c - n for c, n in zip(structure.slot_capacity, used_tables, strict=True)],
        interpreter_available=interpreter_available,
        options=options,
        fixed={},
        busy=frozenset(busy),
    )


def _free(structure: Structure, r: int) -> bool:
    return r not in structure.fixed and bool(structure.options[r])


def _slot_neighbourhood(
    structure: Structure, current: Occupancy, rng: random.Random, target: float
) -> tuple[set[int], dict[int, tuple[int, ...]], bool]:
    """All meetings of a few random slots, and every unplaced request, within those slots."""
    per_slot = max(1.0, sum(len(o) for o in structure.options) / max(1, structure.n_slots))
    k = max(1, min(structure.n_slots, round(target / per_slot)))
    chosen = set(rng.sample(range(structure.n_slots), k))
    released = {r for r, s in current.slot_of.items() if s in chosen and r not in structure.fixed}
    allowed = {}
    for r in range(structure.n_requests):
        if _free(structure, r) and (r in released or r not in current.slot_of):
            slots = tuple(s for s in structure.options[r] if s in chosen)
            if slots:
                allowed[r] = slots
    return released, allowed, k == structure.n_slots


def _participant_neighbourhood(
    structure: Structure,
    current: Occupancy,
    rng: random.Random,
    target: float,
    pressure: list[float],
    requests_of: list[list[int]],
    window: bool = False,
) -> tuple[set[int], dict[int, tuple[int, ...]]]:
    """A cluster of participants who asked to meet each other, grown from a busy one.

    Grown breadth-first along requests until the requests between two members (in a
    window of a few slots, with ``window``) hold about ``target`` slot options. Only
    those requests move; every other meeting stays.
    """
    chosen: set[int] | None = None
    if window and structure.n_slots > 2:
        k = rng.randint(2, min(structure.n_slots, 6))
        chosen = set(rng.sample(range(structure.n_slots), k))

    def options(r: int) -> tuple[int, ...]:
        slots = structure.options[r]
        return slots if chosen is None else tuple(s for s in slots if s in chosen)

    population = range(len(structure.available))
    members: set[int] = set()
    touched: set[int] = set()
    size = 0
    frontier: list[int] = []
    tries = 0
    while size < target and tries < 50:
        if not frontier:
            tries += 1
            seed = rng.choices(population, weights=pressure)[0]
            if seed in members:
                continue
            frontier.append(seed)
        p = frontier.pop(rng.randrange(len(frontier)))
        if p in members:
            continue
        members.add(p)
        for r in requests_of[p]:
            a, b = structure.ends[r]
            other = b if a == p else a
            if other in members:
                if r not in touched and _free(structure, r) and (slots := options(r)):
                    touched.add(r)
                    size += len(slots)
            else:
                frontier.append(other)
    released = {
        r
        for r in touched
        if r in current.slot_of and (chosen is None or current.slot_of[r] in chosen)
    }
    allowed = {r: options(r) for r in touched if r in released or r not in current.slot_of}
    return released, allowed


def _pressure(structure: Structure) -> list[float]:
    demand = [0.0] * len(structure.available)
    for r, (a, b) in enumerate(structure.ends):
        if structure.options[r]:
            demand[a] += 1
            demand[b] += 1
    return [0.1 + max(0.0, d - c) for d, c in zip(demand, structure.cap, strict=True)]


def cp_sat_sub_solver(workers: int, seed: int, secondary: bool = False) -> SubSolver:
    """A sub-solver that builds the CP-SAT model of the sub-problem.

    With ``secondary``, the sub-problem keeps at least the hint's objective and optimises
    the secondary objective instead (phase 2).
    """

    def solve_sub(
        sub: Structure, hint: Occupancy, seconds: float
    ) -> tuple[dict[int, int] | None, bool]:
        started = time.perf_counter()
        model = build_model(sub)
        if secondary:
            add_secondary_objective(model, sub, hint.objective())
        seconds -= time.perf_counter() - started  # building it counts (slow under load)
        if seconds <= 0.02:
            return None, False
        solver, status = run_model(model, hint, seconds, workers, seed)
        from ortools.sat.python import cp_model  # loaded by run_model

        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None, False
        return placement(solver, model), status == cp_model.OPTIMAL

    return solve_sub
