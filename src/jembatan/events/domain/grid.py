"""The draft as a grid an organiser reads like a spreadsheet: a row per slot (grouped by
day in the event's zone), a column per table, a cell per slot and table.

Built in memory from lists the draft page has already fetched, so the grid costs no
query of its own however many meetings it shows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from jembatan.events.models import Event, Meeting, ScheduleRun, Slot, Stage, Table


@dataclass(frozen=True)
class GridEntry:
    """A draft meeting in its cell, with what the organiser should notice about it."""

    meeting: Meeting
    locked: bool  # its request is locked to a slot and table (a VIP meeting)
    published: bool  # the published schedule has it at this very slot and table
    changed: bool  # published elsewhere: publishing this draft would move it
    double_booked: bool  # one of its participants has another meeting in this slot


@dataclass(frozen=True)
class GridCell:
    table: Table
    entries: tuple[GridEntry, ...]  # more than one: the table is used twice (a conflict)

    @property
    def clash(self) -> bool:
        return len(self.entries) > 1


@dataclass(frozen=True)
class GridRow:
    slot: Slot
    cells: tuple[GridCell, ...]

    @property
    def booked(self) -> int:
        return sum(len(c.entries) for c in self.cells)


@dataclass(frozen=True)
class GridDay:
    day: dt.date  # in the event's zone
    rows: tuple[GridRow, ...]


def _participants_by_slot(meetings: Iterable[Meeting]) -> Counter[tuple[int, int]]:
    seen: Counter[tuple[int, int]] = Counter()
    for m in meetings:
        seen[(m.slot_id, m.request.sender_id)] += 1
        seen[(m.slot_id, m.request.receiver_id)] += 1
    return seen


def draft_grid(
    event: Event,
    slots: Iterable[Slot],
    tables: Iterable[Table],
    draft: Iterable[Meeting],
    published: Iterable[Meeting] = (),
) -> list[GridDay]:
    """Days of rows of cells; ``slots`` in time order, ``draft`` with their requests."""
    draft = list(draft)
    tables = list(tables)
    placed = {m.request_id: (m.slot_id, m.table_id) for m in published}
    seen = _participants_by_slot(draft)
    cells: dict[tuple[int, int], list[GridEntry]] = {}
    for m in draft:
        where = placed.get(m.request_id)
        entry = GridEntry(
            m,
            locked=m.request.lock_slot_id is not None,
            published=where == (m.slot_id, m.table_id),
            changed=where is not None and where != (m.slot_id, m.table_id),
            double_booked=seen[(m.slot_id, m.request.sender_id)] > 1
            or seen[(m.slot_id, m.request.receiver_id)] > 1,
        )
        cells.setdefault((m.slot_id, m.table_id), []).append(entry)
    days: dict[dt.date, list[GridRow]] = {}
    zone = event.zone
    for slot in slots:
        row = GridRow(
            slot, tuple(GridCell(t, tuple(cells.get((slot.pk, t.pk), ()))) for t in tables)
        )
        days.setdefault(slot.starts_at.astimezone(zone).date(), []).append(row)
    return [GridDay(day, tuple(rows)) for day, rows in days.items()]


def split_stages(meetings: Iterable[Meeting]) -> tuple[list[Meeting], list[Meeting]]:
    """The draft's meetings and the published ones, from one query over both stages."""
    draft: list[Meeting] = []
    published: list[Meeting] = []
    for m in meetings:
        (draft if m.stage == Stage.DRAFT else published).append(m)
    return draft, published


def quality_percent(run: ScheduleRun | None) -> float | None:
    """The run's priority sum as a share of the bound no schedule can exceed (100: best)."""
    if run is None or run.objective is None or not run.upper_bound:
        return None
    return 100 * run.objective / run.upper_bound
