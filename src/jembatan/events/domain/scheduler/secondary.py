"""Phase 2 objective: fewer moves, then everyone gets a meeting, then fewer idle gaps.

Weighted so that the order is strict: one more kept meeting outweighs any fairness or
gap change, one more participant covered outweighs any number of gaps. Phase 1's
objective is held by a constraint, so none of this can lower it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from jembatan.events.domain.scheduler.structure import Structure

if TYPE_CHECKING:
    from jembatan.events.domain.scheduler.solver import Model


def add_secondary_objective(model: Model, structure: Structure) -> None:
    cp = model.model
    gap_terms: list[cp_model.IntVar] = []
    covered: list[cp_model.IntVar] = []
    for p, slots in enumerate(structure.available):
        busy = [model.by_participant_slot.get((p, s), []) for s in sorted(slots)]
        if not any(busy):
            continue
        has_meeting = cp.NewBoolVar(f"covered{p}")
        cp.AddBoolOr([v for vs in busy for v in vs]).OnlyEnforceIf(has_meeting)
        covered.append(has_meeting)
        # A block starts at slot j when p meets at j but not at j-1; blocks - 1 = idle gaps.
        previous: list[cp_model.IntVar] = []
        for now in busy:
            if now:
                start = cp.NewBoolVar("")
                cp.Add(sum(now) - sum(previous) <= start)
                gap_terms.append(start)
            previous = now
    max_gaps = len(gap_terms) + 1
    kept = [
        model.x[(r, slot)]
        for r, (slot, _table) in structure.preferred.items()
        if r not in structure.fixed and (r, slot) in model.x
    ]
    cover_weight = max_gaps + 1
    keep_weight = cover_weight * (len(covered) + 1) + max_gaps
    cp.Maximize(
        keep_weight * sum(kept)
        + (cover_weight + 1) * sum(covered)
        - sum(gap_terms)
    )
