"""Phase 2 objective: fewer moves, then everyone gets a meeting, then preferred slots
(less unwanted ones), then fewer idle gaps.

Weighted so that the order is strict: one more kept meeting outweighs any fairness,
preference or gap change, one more participant covered outweighs any preference or gap
change, one preferred slot more (or unwanted one less) outweighs any number of gaps. The phase 1
objective is held by a constraint, so none of this can lower it.

An idle gap is a run of a participant's available slots without a meeting between two
of their meetings; we count runs (blocks of consecutive meetings, less one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jembatan.events.domain.scheduler.cpmodel import Model
from jembatan.events.domain.scheduler.structure import Occupancy, Structure

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def add_secondary_objective(model: Model, structure: Structure, floor: int) -> None:
    """Keep the main objective at least ``floor`` and maximise the secondary one."""
    cp = model.model
    cp.add(model.objective >= floor)
    starts: list[cp_model.IntVar] = []
    covered: list[cp_model.IntVar] = []
    for p, available in enumerate(structure.available):
        slots = sorted(available)
        busy = [model.by_participant_slot.get((p, s), []) for s in slots]
        if not any(busy):
            continue
        fixed = [(p, s) in structure.busy for s in slots]
        if not any(fixed):
            has_meeting = cp.new_bool_var(f"covered{p}")
            cp.add_bool_or([v for vs in busy for v in vs]).only_enforce_if(has_meeting)
            covered.append(has_meeting)
            model.covered.append((has_meeting, p))
        # A block starts at slot j when p meets at j but not at j-1 (the same day).
        for j, s in enumerate(slots):
            if j and not _same_day(structure, slots[j - 1], s):
                fixed_before, busy_before = False, []
            else:
                fixed_before = bool(j) and fixed[j - 1]
                busy_before = busy[j - 1] if j else []
            if fixed[j] and (j == 0 or fixed_before):
                continue  # constant, whatever the model decides
            if not busy[j] and not fixed[j]:
                continue
            start = cp.new_bool_var("")
            now = 1 if fixed[j] else sum(busy[j])
            before = 1 if fixed_before else sum(busy_before)
            cp.add(now - before <= start)
            starts.append(start)
            same = j and _same_day(structure, slots[j - 1], s)
            model.starts.append((start, p, s, slots[j - 1] if same else None))
    kept = [
        model.x[(r, slot)]
        for r, (slot, _table) in structure.preferred.items()
        if r not in structure.fixed and (r, slot) in model.x
    ]
    liked = [
        (var, structure.liking[(p, s)])
        for (p, s), xs in model.by_participant_slot.items()
        if (p, s) in structure.liking
        for var in xs
    ]
    like_weight = len(starts) + 1  # more than any number of gaps
    cover_weight = like_weight * (len(liked) + 1) + 1  # more than any preference change
    keep_weight = (cover_weight + 1) * (len(covered) + 1)
    liking = sum(w * v for v, w in liked) if liked else 0
    cp.maximize(
        keep_weight * sum(kept)
        + (cover_weight + 1) * sum(covered)
        + like_weight * liking
        - sum(starts)
    )


def _same_day(structure: Structure, before: int, slot: int) -> bool:
    """Whether ``before`` and ``slot`` are on the same day (slot indices, before < slot)."""
    s = slot
    while s > before and structure.previous_slot[s] == s - 1:
        s -= 1
    return s == before


def secondary_key(structure: Structure, occupancy: Occupancy) -> tuple[int, int, int, int]:
    """(previous meetings kept in their slot, participants with a meeting, preferred less
    unwanted slots met, -blocks of meetings beyond the first of each participant)."""
    kept = sum(
        1 for r, (slot, _table) in structure.preferred.items() if occupancy.slot_of.get(r) == slot
    )
    covered = sum(1 for n in occupancy.count if n > 0)
    gaps = 0
    for p, available in enumerate(structure.available):
        if occupancy.count[p] < 2:
            continue
        ordered = sorted(available)
        pattern = [(p, s) in occupancy.busy for s in ordered]
        blocks = sum(
            1
            for j, on in enumerate(pattern)
            if on
            and (
                j == 0 or not pattern[j - 1] or not _same_day(structure, ordered[j - 1], ordered[j])
            )
        )
        gaps += blocks - 1
    liking = sum(structure.liking.get(key, 0) for key in occupancy.busy)
    return kept, covered, liking, -gaps
