"""Which meetings of a previously published schedule can stay where they are."""

from __future__ import annotations

from collections.abc import Sequence

from jembatan.events.domain.scheduler.instance import Instance
from jembatan.events.domain.scheduler.schedule import Meeting
from jembatan.events.domain.scheduler.structure import Occupancy, build_structure


def keepable_meetings(
    instance: Instance, previous: Sequence[Meeting], end: float | None = None
) -> list[Meeting]:
    """The previous meetings that can all stay in place, together with the locks.

    Taken in order; a meeting is released when its request is gone or locked, its slot or
    table no longer exists, or it breaks a rule given the locks and the meetings kept
    before it. Indexing stops at ``end`` (:class:`OutOfTimeError`).
    """
    structure = build_structure(instance, end=end)
    occupancy = Occupancy(structure)
    request_index = {r.id: n for n, r in enumerate(instance.requests)}
    taken = set()
    for lock in instance.locked:
        for v in structure.variants_of[request_index[lock.request]]:
            occupancy.place(v, structure.slot_index[lock.slot])
        taken.add((lock.slot, lock.table))
    kept = []
    for meeting in previous:
        r = request_index.get(meeting.request)
        slot = structure.slot_index.get(meeting.slot)
        if (
            r is None
            or slot is None
            or not structure.variants_of[r]
            or structure.variants_of[r][0] in structure.fixed
            or not 1 <= meeting.table <= instance.tables
            or (meeting.slot, meeting.table) in taken
        ):
            continue
        # A kept meeting is pinned like a lock: with the first listed representatives.
        v = structure.variants_of[r][0]
        if slot in structure.options[v] and occupancy.place(v, slot):
            taken.add((meeting.slot, meeting.table))
            kept.append(meeting)
    return kept
