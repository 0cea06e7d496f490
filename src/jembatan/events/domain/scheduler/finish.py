"""From a placement of requests in slots to a full schedule: tables, interpreters, reasons."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from jembatan.events.domain.scheduler.bound import quick_bound
from jembatan.events.domain.scheduler.deadline import CHECK_EVERY, Deadline
from jembatan.events.domain.scheduler.figures import schedule_figures
from jembatan.events.domain.scheduler.instance import MeetingRequest
from jembatan.events.domain.scheduler.schedule import (
    CAPACITY,
    FEASIBLE,
    NO_COMMON_SLOT,
    NO_INTERPRETER,
    OPTIMAL,
    PARTICIPANT_CAP,
    TIME_LIMIT,
    Meeting,
    Schedule,
)
from jembatan.events.domain.scheduler.structure import Occupancy, Structure


def occupancy_of(structure: Structure, slot_of: Mapping[int, int]) -> Occupancy:
    """Rebuild the occupancy of a valid placement (fixed meetings first)."""
    occupancy = Occupancy(structure)
    order = list(structure.fixed) + [r for r in slot_of if r not in structure.fixed]
    for request in order:
        if not occupancy.place(request, slot_of[request]):
            raise RuntimeError(f"request {request} does not fit in slot {slot_of[request]}")
    return occupancy


def fill(occupancy: Occupancy, end: float | None = None) -> set[int]:
    """Add every request that still fits somewhere, so that each one left out has a reason.

    Stopped at ``end`` (a ``perf_counter`` time), it returns the requests (not variants)
    it did not reach; otherwise none."""
    structure = occupancy.structure
    clock = time.perf_counter
    order = sorted(range(structure.n_requests), key=structure.priority.__getitem__, reverse=True)
    for n, request in enumerate(order):
        if end is not None and n % CHECK_EVERY == 0 and clock() > end:
            return {structure.request_of[r] for r in order[n:]} - occupancy.placed
        if structure.request_of[request] not in occupancy.placed:
            occupancy.place_first(request, structure.options[request])
    return set()


def finish(
    structure: Structure,
    occupancy: Occupancy,
    upper_bound: int | None,
    deadline: Deadline,
    previous: Sequence[Meeting] | None = None,
    stats: dict[str, float] | None = None,
    trace: Sequence[tuple[float, int, int]] = (),
) -> Schedule:
    last = deadline.end - deadline.last  # what follows the reasons cannot be stopped
    not_tried = fill(occupancy, last)
    instance = structure.instance
    tables = _tables(structure, occupancy)
    meetings = []
    for request, slot in sorted(
        occupancy.slot_of.items(), key=lambda item: (item[1], tables[item[0]])
    ):
        interpreter = occupancy.interpreters[slot].interpreter_of.get(request)
        a, b = structure.ends[request]
        meetings.append(
            Meeting(
                instance.requests[structure.request_of[request]].id,
                instance.slots[slot],
                tables[request],
                None if interpreter is None else instance.interpreters[interpreter].id,
                (instance.participants[a].id, instance.participants[b].id),
            )
        )
    objective = occupancy.objective()
    if upper_bound is None:
        upper_bound = quick_bound(structure)
    upper_bound = max(upper_bound, objective)
    unscheduled = [n for n in range(len(instance.requests)) if n not in occupancy.placed]
    moved, dropped = changes(instance.requests, meetings, previous)
    never = _never_possible(structure)
    figures = schedule_figures(
        instance,
        ((who, m.slot) for m in meetings for who in m.attendees or ()),
        never,
        None if moved is None or dropped is None else len(moved) + len(dropped),
    )
    all_stats = dict(stats or {})
    all_stats["seconds"] = deadline.elapsed()
    return Schedule(
        tuple(meetings),
        tuple(instance.requests[n].id for n in unscheduled),
        objective,
        upper_bound,
        OPTIMAL if objective == upper_bound else FEASIBLE,
        _reasons(structure, occupancy, unscheduled, not_tried, last),
        moved,
        dropped,
        all_stats,
        tuple(trace),
        figures,
    )


def _reasons(
    structure: Structure,
    occupancy: Occupancy,
    unscheduled: list[int],
    not_tried: set[int],
    end: float,
) -> dict[str, str]:
    """Request id -> reason code; ``time_limit`` for the requests the time did not reach
    (the filling did not try them, or their reason is not worked out by ``end``)."""
    requests = structure.instance.requests
    reasons: dict[str, str] = {}
    clock = time.perf_counter
    out_of_time = False
    for k, n in enumerate(unscheduled):
        if not out_of_time and k % CHECK_EVERY == 0 and clock() > end:
            out_of_time = True
        if out_of_time or n in not_tried:
            reasons[requests[n].id] = TIME_LIMIT
        else:
            reasons[requests[n].id] = request_reason(structure, occupancy, n)
    return reasons


def _never_possible(structure: Structure) -> int:
    """Participants who could attend some request, but none that can take any slot."""
    could = {p for pair in structure.ends for p in pair}
    can = {p for r, pair in enumerate(structure.ends) if structure.options[r] for p in pair}
    return len(could - can)


def _tables(structure: Structure, occupancy: Occupancy) -> dict[int, int]:
    """Table numbers: fixed meetings keep theirs, then previous ones, then the lowest free."""
    tables: dict[int, int] = {}
    taken: set[tuple[int, int]] = set()
    for request, (slot, table) in structure.fixed.items():
        tables[request] = table
        taken.add((slot, table))
    for request, (slot, table) in structure.preferred.items():
        if occupancy.slot_of.get(request) == slot and (slot, table) not in taken:
            tables[request] = table
            taken.add((slot, table))
    next_free = [1] * structure.n_slots
    for request, slot in sorted(occupancy.slot_of.items()):
        if request in tables:
            continue
        while (slot, next_free[slot]) in taken:
            next_free[slot] += 1
        tables[request] = next_free[slot]
        taken.add((slot, next_free[slot]))
    return tables


REASON_ORDER = (CAPACITY, NO_INTERPRETER, PARTICIPANT_CAP, NO_COMMON_SLOT)


def request_reason(structure: Structure, occupancy: Occupancy, request: int) -> str:
    """The reason of the request's least blocked variant (pair of attendees)."""
    reasons = [reason(structure, occupancy, v) for v in structure.variants_of[request]]
    if not reasons:
        return NO_COMMON_SLOT
    return min(reasons, key=REASON_ORDER.index)


def reason(structure: Structure, occupancy: Occupancy, request: int) -> str:
    """Why a request is unscheduled in a maximal schedule (see schedule.py for the codes)."""
    a, b = structure.ends[request]
    if not structure.available[a] & structure.available[b]:
        return NO_COMMON_SLOT
    if occupancy.count[a] >= structure.cap[a] or occupancy.count[b] >= structure.cap[b]:
        return PARTICIPANT_CAP
    if structure.needs_interpreter[request] and not structure.options[request]:
        return NO_INTERPRETER
    busy = occupancy.busy
    no_limit = structure.n_slots
    if structure.max_run[a] >= no_limit and structure.max_run[b] >= no_limit:
        free = [s for s in structure.options[request] if (a, s) not in busy and (b, s) not in busy]
    else:
        free = [
            s
            for s in structure.options[request]
            if (a, s) not in busy
            and (b, s) not in busy
            and (
                structure.max_run[a] >= no_limit
                or structure.run_length(busy, a, s) <= structure.max_run[a]
            )
            and (
                structure.max_run[b] >= no_limit
                or structure.run_length(busy, b, s) <= structure.max_run[b]
            )
        ]
    if not free:
        return PARTICIPANT_CAP
    if structure.needs_interpreter[request]:
        memo = occupancy.interpreting_memo
        group = structure.eligible[request]
        for s in free:
            known = memo.get((group, s))
            if known is None:
                known = _can_interpret(structure, occupancy, request, s)
            if known:
                return CAPACITY
        return NO_INTERPRETER
    return CAPACITY


def _can_interpret(structure: Structure, occupancy: Occupancy, request: int, slot: int) -> bool:
    """Whether one more meeting of the request's interpreters fits the slot (memoised: the
    occupancy no longer changes while reasons are given)."""
    memo = occupancy.interpreting_memo
    key = (structure.eligible[request], slot)
    if key not in memo:
        memo[key] = occupancy.interpreters[slot].can_add(structure.eligible_in(request, slot))
    return bool(memo[key])


def changes(
    requests: Sequence[MeetingRequest],
    meetings: list[Meeting],
    previous: Sequence[Meeting] | None,
) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    if previous is None:
        return None, None
    now = {m.request: m for m in meetings}
    known = {r.id for r in requests}
    moved, dropped = [], []
    for old in previous:
        if old.request not in known:
            continue  # withdrawn: not a change the solver made
        new = now.get(old.request)
        if new is None:
            dropped.append(old.request)
        elif (new.slot, new.table) != (old.slot, old.table):
            moved.append(old.request)
    return tuple(moved), tuple(dropped)
