"""The scheduling instance: its dataclasses (parsing is in ``parsing.py``).

Decisions beyond design.md, written down here because users will meet them:
- ``interpreters`` and ``locked`` may be left out (no interpreters, no locks).
- An interpreter without ``available`` is available in every slot, as for participants.
- Unknown keys are rejected, so that a typo such as ``"lockd"`` cannot silently drop locks.
- Two requests for the same pair of participants are allowed: they are separate requests,
  each scheduled at most once; the participant rule keeps them in different slots.
- A request is locked at most once; ``max_meetings`` may be 0; ``tables`` is at least 1.
- ``companies`` group the representatives of one company; a request's ``a`` or ``b`` may
  name a company, and then any one of its participants attends. Company ids share the
  name space of participant ids. A lock (or a previous meeting without ``attendees``) of
  such a request seats the company's first listed participant.
- ``max_consecutive`` (top level, and per participant, which overrides it): at most that
  many meetings in a row. Slots are consecutive when adjacent in ``slots`` and on the same
  day: the day is the text before the first ``-`` of a slot id (``d1-0930``: ``d1``);
  slot ids without ``-`` are all one day.
- ``preferred`` / ``unwanted`` (per participant): slots to favour or avoid; soft, they
  never cost a priority point.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    languages: frozenset[str]
    available: frozenset[str] | None = None  # None: every slot
    max_meetings: int | None = None  # None: no limit
    max_consecutive: int | None = None  # None: the event's setting
    preferred: frozenset[str] = frozenset()
    unwanted: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Company:
    id: str
    participants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Interpreter:
    id: str
    languages: frozenset[str]
    available: frozenset[str]


@dataclass(frozen=True, slots=True)
class MeetingRequest:
    id: str
    a: str
    b: str
    priority: int


@dataclass(frozen=True, slots=True)
class LockedMeeting:
    request: str
    slot: str
    table: int


@dataclass(frozen=True)
class Instance:
    slots: tuple[str, ...]
    tables: int
    participants: tuple[Participant, ...]
    interpreters: tuple[Interpreter, ...] = ()
    requests: tuple[MeetingRequest, ...] = ()
    locked: tuple[LockedMeeting, ...] = ()
    companies: tuple[Company, ...] = ()
    max_consecutive: int | None = None  # None: no limit

    @cached_property
    def companies_by_id(self) -> dict[str, Company]:
        return {c.id: c for c in self.companies}

    def attendees(self, side: str) -> tuple[str, ...]:
        """Who may attend for one side of a request: a company's participants, or the one."""
        company = self.companies_by_id.get(side)
        return company.participants if company is not None else (side,)

    def pairs(self, request: MeetingRequest) -> list[tuple[str, str]]:
        """Every (attendee a, attendee b) who can hold the request's meeting."""
        return [
            (a, b) for a in self.attendees(request.a) for b in self.attendees(request.b) if a != b
        ]

    def lock_pair(self, request: MeetingRequest) -> tuple[str, str]:
        """The attendees of a locked request: the first pair (first listed representatives)."""
        pairs = self.pairs(request)
        return pairs[0] if pairs else (request.a, request.b)

    def max_run(self, participant: Participant) -> int | None:
        if participant.max_consecutive is not None:
            return participant.max_consecutive
        return self.max_consecutive

    @cached_property
    def previous_slot(self) -> dict[str, str | None]:
        """Slot -> the slot just before it on the same day (None for a day's first)."""
        result: dict[str, str | None] = {}
        for n, slot in enumerate(self.slots):
            before = self.slots[n - 1] if n else None
            result[slot] = before if before is not None and day_of(before) == day_of(slot) else None
        return result

    @cached_property
    def participants_by_id(self) -> dict[str, Participant]:
        return {p.id: p for p in self.participants}

    @cached_property
    def requests_by_id(self) -> dict[str, MeetingRequest]:
        return {r.id: r for r in self.requests}

    def participant(self, participant_id: str) -> Participant:
        return self.participants_by_id[participant_id]

    def request(self, request_id: str) -> MeetingRequest:
        return self.requests_by_id[request_id]

    def is_available(self, participant: Participant, slot: str) -> bool:
        return participant.available is None or slot in participant.available

    def needs_interpreter(
        self, request: MeetingRequest, pair: tuple[str, str] | None = None
    ) -> bool:
        pa, pb = pair or self.lock_pair(request)
        a, b = self.participant(pa), self.participant(pb)
        return not a.languages & b.languages

    def can_interpret(
        self, interpreter: Interpreter, request: MeetingRequest, pair: tuple[str, str] | None = None
    ) -> bool:
        pa, pb = pair or self.lock_pair(request)
        a, b = self.participant(pa), self.participant(pb)
        return bool(interpreter.languages & a.languages and interpreter.languages & b.languages)


def day_of(slot: str) -> str:
    """The day of a slot id: the text before its first ``-`` (all one day without one)."""
    return slot.split("-", 1)[0] if "-" in slot else ""
