"""An indexed view of an instance, and the occupancy of a partial schedule.

The solver, the bound, the greedy baseline and the final repair all work on integer
indices; this module builds them once.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from jembatan.events.domain.scheduler.deadline import CHECK_EVERY
from jembatan.events.domain.scheduler.instance import Instance
from jembatan.events.domain.scheduler.matching import InterpreterMatching


class OutOfTimeError(Exception):
    """The deadline passed before the instance was indexed."""


@dataclass
class Structure:
    instance: Instance
    n_slots: int
    tables: int
    slot_index: dict[str, int]
    participant_index: dict[str, int]
    available: list[frozenset[int]]  # participant -> slots
    cap: list[int]  # participant -> most meetings possible: min(max_meetings, |available|)
    ends: list[tuple[int, int]]  # request -> (participant a, participant b)
    priority: list[int]
    eligible: list[tuple[int, ...]]  # request -> interpreters able to serve it; () if none needed
    needs_interpreter: list[bool]
    interpreter_available: list[frozenset[int]]
    options: list[tuple[int, ...]]  # request -> slots it may take
    fixed: dict[int, tuple[int, int]]  # request -> (slot, table): locks and kept meetings
    slot_capacity: list[int] = field(default_factory=list)  # slot -> meetings it can hold
    # (participant, slot) taken by meetings outside the model (LNS sub-problems only)
    busy: frozenset[tuple[int, int]] = frozenset()
    preferred: dict[int, tuple[int, int]] = field(default_factory=dict)  # soft previous
    preferred_interpreter: dict[int, int] = field(default_factory=dict)
    # Indices above are of variants: a request with a company side has one variant per
    # pair of attendees who could hold it; at most one variant of a request is placed.
    request_of: list[int] = field(default_factory=list)  # variant -> request index
    variants_of: list[list[int]] = field(default_factory=list)  # request -> its variants
    max_run: list[int] = field(default_factory=list)  # participant -> most meetings in a row
    previous_slot: list[int] = field(default_factory=list)  # slot -> slot before (same day), -1
    liking: dict[tuple[int, int], int] = field(default_factory=dict)  # (participant, slot) -> +1/-1

    @property
    def n_requests(self) -> int:
        return len(self.ends)

    def eligible_in(self, request: int, slot: int) -> list[int]:
        return [i for i in self.eligible[request] if slot in self.interpreter_available[i]]

    def variant(
        self, request: int, slot: int, attendees: tuple[int, int] | None = None
    ) -> int | None:
        """The variant of ``request`` with these attendees (else the first) open in ``slot``."""
        open_ = [v for v in self.variants_of[request] if slot in self.options[v]]
        for v in open_:
            if attendees is None or self.ends[v] == attendees:
                return v
        return open_[0] if open_ else None

    def run_length(
        self, busy: set[tuple[int, int]] | frozenset[tuple[int, int]], p: int, slot: int
    ) -> int:
        """Meetings in a row that ``p`` would have with one more in ``slot``."""
        length = 1
        s = self.previous_slot[slot]
        while s >= 0 and ((p, s) in busy or (p, s) in self.busy):
            length += 1
            s = self.previous_slot[s]
        s = slot + 1
        while (
            s < self.n_slots
            and self.previous_slot[s] == s - 1
            and ((p, s) in busy or (p, s) in self.busy)
        ):
            length += 1
            s += 1
        return length

    def requests_of(self) -> list[list[int]]:
        """Participant -> the requests with at least one option that involve them."""
        result: list[list[int]] = [[] for _ in self.available]
        for r, (a, b) in enumerate(self.ends):
            if self.options[r]:
                result[a].append(r)
                result[b].append(r)
        return result


def build_structure(
    instance: Instance,
    fixed: Mapping[str, tuple[str, int]] | None = None,
    preferred: Mapping[str, tuple[str, int, str | None]] | None = None,
    attendees: Mapping[str, tuple[str, str]] | None = None,
    end: float | None = None,
) -> Structure:
    """Index ``instance``; ``fixed`` adds meetings to keep (request -> slot, table) to locks;
    ``preferred`` are previous places to keep where possible, with their ``attendees``.

    Raises :class:`OutOfTimeError` if ``end`` (a ``perf_counter`` time) passes meanwhile."""
    slot_index = {s: n for n, s in enumerate(instance.slots)}
    participant_index = {p.id: n for n, p in enumerate(instance.participants)}
    all_slots = frozenset(range(len(instance.slots)))
    available = [
        all_slots if p.available is None else frozenset(slot_index[s] for s in p.available)
        for p in instance.participants
    ]
    cap = [
        len(av) if p.max_meetings is None else min(p.max_meetings, len(av))
        for p, av in zip(instance.participants, available, strict=True)
    ]
    interpreter_available = [
        frozenset(slot_index[s] for s in i.available) for i in instance.interpreters
    ]
    request_index = {r.id: n for n, r in enumerate(instance.requests)}
    pinned = {
        request_index[lock.request]: (slot_index[lock.slot], lock.table) for lock in instance.locked
    }
    for request_id, (slot, table) in (fixed or {}).items():
        pinned[request_index[request_id]] = (slot_index[slot], table)
    ends: list[tuple[int, int]] = []
    priority: list[int] = []
    eligible: list[tuple[int, ...]] = []
    needs: list[bool] = []
    options: list[tuple[int, ...]] = []
    request_of: list[int] = []
    variants_of: list[list[int]] = []
    pinned_variants: dict[int, tuple[int, int]] = {}
    liking: dict[tuple[int, int], int] = {}
    for p, participant in enumerate(instance.participants):
        for slot in participant.preferred:
            liking[(p, slot_index[slot])] = 1
        for slot in participant.unwanted:
            liking[(p, slot_index[slot])] = -1
    languages_of = [p.languages for p in instance.participants]
    interpreting: dict[tuple[frozenset[str], frozenset[str]], tuple[bool, tuple[int, ...]]] = {}
    # Slots where any interpreter of a group is free: once per group, not once per request.
    served_in: dict[tuple[int, ...], frozenset[int]] = {}
    # Options of a pair of availabilities (and a group): a few thousand among many requests.
    options_memo: dict[
        tuple[frozenset[int], frozenset[int], tuple[int, ...] | None], tuple[int, ...]
    ] = {}
    liked = {p for p, _s in liking}
    companies = instance.companies_by_id
    clock = time.perf_counter
    for n, request in enumerate(instance.requests):
        if end is not None and n % CHECK_EVERY == 0 and clock() > end:
            raise OutOfTimeError
        if request.a in companies or request.b in companies:
            pairs = instance.pairs(request)
            lock_pair = instance.lock_pair(request)
        else:  # the common case: two participants, one pair
            lock_pair = (request.a, request.b)
            pairs = [lock_pair]
        mine: list[int] = []
        for pair in pairs:
            if n in pinned and pair != lock_pair:
                continue  # a lock seats the first listed representatives
            v = len(ends)
            mine.append(v)
            a, b = participant_index[pair[0]], participant_index[pair[1]]
            languages = (languages_of[a], languages_of[b])
            known = interpreting.get(languages)
            if known is None:  # a few language pairs among many requests
                need = not languages[0] & languages[1]
                known = interpreting[languages] = (
                    need,
                    tuple(
                        k
                        for k, i in enumerate(instance.interpreters)
                        if need and i.languages & languages[0] and i.languages & languages[1]
                    ),
                )
            need, can = known
            ends.append((a, b))
            priority.append(request.priority)
            needs.append(need)
            eligible.append(can)
            request_of.append(n)
            if n in pinned:
                pinned_variants[v] = pinned[n]
                options.append((pinned[n][0],))
                continue
            if not (cap[a] and cap[b]):
                options.append(())
                continue
            if a in liked or b in liked:
                slots = available[a] & available[b]
                if need:
                    slots = slots & _served_in(served_in, can, interpreter_available)

                def order(s: int, a: int = a, b: int = b) -> tuple[int, int]:
                    return (-liking.get((a, s), 0) - liking.get((b, s), 0), s)

                options.append(tuple(sorted(slots, key=order)))
                continue
            key = (available[a], available[b], can if need else None)
            found = options_memo.get(key)
            if found is None:
                slots = available[a] & available[b]
                if need:
                    slots = slots & _served_in(served_in, can, interpreter_available)
                found = options_memo[key] = tuple(sorted(slots))
            options.append(found)
        variants_of.append(mine)
    no_limit = len(instance.slots)
    max_run = [
        no_limit if (m := instance.max_run(p)) is None else min(m, no_limit)
        for p in instance.participants
    ]
    previous_slot = [
        -1 if (before := instance.previous_slot[s]) is None else slot_index[before]
        for s in instance.slots
    ]
    structure = Structure(
        instance,
        len(instance.slots),
        instance.tables,
        slot_index,
        participant_index,
        available,
        cap,
        ends,
        priority,
        eligible,
        needs,
        interpreter_available,
        options,
        pinned_variants,
        [instance.tables] * len(instance.slots),
        request_of=request_of,
        variants_of=variants_of,
        max_run=max_run,
        previous_slot=previous_slot,
        liking=liking,
    )
    interpreter_index = {i.id: n for n, i in enumerate(instance.interpreters)}
    for request_id, (slot, table, interpreter) in (preferred or {}).items():
        who = (attendees or {}).get(request_id)
        seated = None
        if who is not None and who[0] in participant_index and who[1] in participant_index:
            seated = (participant_index[who[0]], participant_index[who[1]])
        r = structure.variant(request_index[request_id], slot_index[slot], seated)
        if r is None:
            continue
        structure.preferred[r] = (slot_index[slot], table)
        if interpreter in interpreter_index:
            structure.preferred_interpreter[r] = interpreter_index[interpreter]
    return structure


def _served_in(
    memo: dict[tuple[int, ...], frozenset[int]],
    group: tuple[int, ...],
    interpreter_available: list[frozenset[int]],
) -> frozenset[int]:
    """The slots in which at least one interpreter of ``group`` is available."""
    found = memo.get(group)
    if found is None:
        found = memo[group] = frozenset().union(*(interpreter_available[i] for i in group))
    return found


class Occupancy:
    """What a partial schedule uses: participants' slots, tables per slot, interpreters."""

    def __init__(self, structure: Structure) -> None:
        self.structure = structure
        self.slot_of: dict[int, int] = {}
        self.busy: set[tuple[int, int]] = set()  # (participant, slot)
        self.count = [0] * len(structure.available)
        self.used_tables = [0] * structure.n_slots
        self.interpreters = [InterpreterMatching() for _ in range(structure.n_slots)]
        self.placed: set[int] = set()  # requests (not variants) with a meeting
        # (interpreters, slot) -> whether one more meeting fits; False stays true while
        # meetings are only added (cleared on removal); True only once placing is over
        self.interpreting_memo: dict[tuple[tuple[int, ...], int], bool] = {}
        self.stopped = False  # a deadline stopped the placing: the schedule may not be maximal

    def fits(self, request: int, slot: int) -> bool:
        st = self.structure
        a, b = st.ends[request]
        if (
            st.request_of[request] in self.placed
            or self.used_tables[slot] >= st.slot_capacity[slot]
            or (a, slot) in self.busy
            or (b, slot) in self.busy
            or self.count[a] >= st.cap[a]
            or self.count[b] >= st.cap[b]
        ):
            return False
        no_limit = st.n_slots
        if (st.max_run[a] < no_limit and st.run_length(self.busy, a, slot) > st.max_run[a]) or (
            st.max_run[b] < no_limit and st.run_length(self.busy, b, slot) > st.max_run[b]
        ):
            return False
        if not st.needs_interpreter[request]:
            return True
        key = (st.eligible[request], slot)
        if self.interpreting_memo.get(key) is False:
            return False  # placing only ever takes interpreters: still no one free
        if not self.interpreters[slot].can_add(st.eligible_in(request, slot)):
            self.interpreting_memo[key] = False
            return False
        return True

    def place(self, request: int, slot: int) -> bool:
        """Place the request in the slot if it fits there; say whether it did."""
        if not self.fits(request, slot):
            return False
        st = self.structure
        if st.needs_interpreter[request]:
            prefer = st.preferred_interpreter.get(request)
            if not self.interpreters[slot].add(request, st.eligible_in(request, slot), prefer):
                return False
        a, b = st.ends[request]
        self.slot_of[request] = slot
        self.placed.add(st.request_of[request])
        self.busy.update(((a, slot), (b, slot)))
        self.count[a] += 1
        self.count[b] += 1
        self.used_tables[slot] += 1
        return True

    def remove(self, request: int) -> None:
        slot = self.slot_of.pop(request)
        self.placed.discard(self.structure.request_of[request])
        a, b = self.structure.ends[request]
        self.busy.difference_update(((a, slot), (b, slot)))
        self.count[a] -= 1
        self.count[b] -= 1
        self.used_tables[slot] -= 1
        if self.structure.needs_interpreter[request]:
            self.interpreters[slot].remove(request)
            self.interpreting_memo.clear()  # an interpreter is free again

    def place_first(self, request: int, slots: tuple[int, ...] | list[int]) -> bool:
        """Place the request in the first of ``slots`` where it fits; say whether it did.

        The cheap tests come first, inline: greedy passes call this for every request."""
        st = self.structure
        if st.request_of[request] in self.placed:
            return False
        a, b = st.ends[request]
        if self.count[a] >= st.cap[a] or self.count[b] >= st.cap[b]:
            return False
        busy, used, capacity = self.busy, self.used_tables, st.slot_capacity
        memo = self.interpreting_memo if st.needs_interpreter[request] else None
        group = st.eligible[request]
        for s in slots:
            if used[s] >= capacity[s] or (a, s) in busy or (b, s) in busy:
                continue
            if memo is not None and memo.get((group, s)) is False:
                continue  # no interpreter of the group is free there (see fits)
            if self.place(request, s):
                return True
        return False

    def objective(self) -> int:
        return sum(self.structure.priority[r] for r in self.slot_of)
