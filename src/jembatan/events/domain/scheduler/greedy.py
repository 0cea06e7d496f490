"""Greedy schedules: the first-come-first-served baseline, and the solver's starting hint."""

from __future__ import annotations

import time
from collections.abc import Iterable

from jembatan.events.domain.scheduler.deadline import CHECK_EVERY, Deadline
from jembatan.events.domain.scheduler.finish import finish
from jembatan.events.domain.scheduler.instance import Instance
from jembatan.events.domain.scheduler.schedule import Schedule
from jembatan.events.domain.scheduler.structure import (
    Occupancy,
    Structure,
    build_structure,
)


def greedy_occupancy(
    structure: Structure, order: Iterable[int], end: float | None = None
) -> Occupancy:
    """Place fixed meetings, then previous ones where they were, then each request of
    ``order`` in its earliest slot that fits.

    ``end`` (a ``perf_counter`` time) stops the placing of ``order`` there: the schedule
    is then partial but valid (fixed meetings are always placed)."""
    occupancy = Occupancy(structure)
    for request, (slot, _table) in structure.fixed.items():
        if not occupancy.place(request, slot):
            raise RuntimeError(f"fixed meeting {request} does not fit: the input checks missed it")
    for request, (slot, _table) in structure.preferred.items():  # previous meetings stay put
        if request not in occupancy.slot_of and slot in structure.options[request]:
            occupancy.place(request, slot)
    clock = time.perf_counter
    for n, request in enumerate(order):
        if end is not None and n % CHECK_EVERY == 0 and clock() > end:
            occupancy.stopped = True
            break
        if request not in occupancy.slot_of:
            occupancy.place_first(request, structure.options[request])
    return occupancy


def priority_order(structure: Structure) -> list[int]:
    """Higher priority first; among equals, the request with fewer slot options first."""
    pressure = [0] * len(structure.available)
    for r, (a, b) in enumerate(structure.ends):
        if structure.options[r]:
            pressure[a] += 1
            pressure[b] += 1

    def key(r: int) -> tuple[int, int, int]:
        a, b = structure.ends[r]
        load = max(pressure[a] - structure.cap[a], 0) + max(pressure[b] - structure.cap[b], 0)
        return (-structure.priority[r], load, len(structure.options[r]))

    return sorted(range(structure.n_requests), key=key)


def greedy_schedule(instance: Instance) -> Schedule:
    """First come, first served: requests in the order given, each in its earliest free slot.

    The baseline the benchmark compares the solver with (what a booking desk would do).
    """
    deadline = Deadline(float("inf"))  # no limit: every request is tried
    structure = build_structure(instance)
    occupancy = greedy_occupancy(structure, range(structure.n_requests))  # variants in order
    return finish(structure, occupancy, None, deadline)


def lp_guided_occupancy(
    structure: Structure, values: dict[int, list[tuple[int, float]]], end: float | None = None
) -> Occupancy:
    """Round the LP solution: requests the LP schedules most fully first, in its slots first.

    Stopped at ``end`` (a ``perf_counter`` time), the rounding is partial but valid."""
    weight = {r: sum(v for _, v in pairs) for r, pairs in values.items()}

    def key(r: int) -> tuple[float, int, int]:
        return (
            -round(weight.get(r, 0.0), 3),
            -structure.priority[r],
            len(structure.options[r]),
        )

    occupancy = greedy_occupancy(structure, ())
    clock = time.perf_counter
    for n, request in enumerate(sorted(range(structure.n_requests), key=key)):
        if end is not None and n % CHECK_EVERY == 0 and clock() > end:
            occupancy.stopped = True
            break
        if request in occupancy.slot_of:
            continue
        liked = [s for s, _ in sorted(values.get(request, []), key=lambda sv: -sv[1])]
        rest = [s for s in structure.options[request] if s not in liked]
        occupancy.place_first(request, liked + rest)
    return occupancy
