"""The schedule (the solver's output) and the optional re-scheduling extras of the input.

Extras, beside the documented format and never required:
- ``"previous"``: the published schedule (the output object, or just its meetings list).
  Its meetings stay in place unless ``"allow_moves": true``; with moves allowed the solver
  keeps as many in place as it can without lowering the objective. A previous meeting
  whose request is gone, or which breaks the current rules (a participant no longer
  available, a lock now in its place, a table no longer there), is released: the request
  is placed afresh and reported under ``"moved"`` or ``"dropped"``.
- Output keys ``"reasons"`` (request id to a reason code, for each unscheduled request),
  and with ``previous``: ``"moved"`` and ``"dropped"`` (request ids). Each meeting has
  ``"attendees"`` ([attendee for a, attendee for b]); ``"figures"`` holds idle gaps,
  fairness, preferences and (with ``previous``) the count of meetings moved or dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from jembatan.events.domain.scheduler.errors import InstanceError, Problems, describe

OPTIMAL = "optimal"
FEASIBLE = "feasible"

# Reason codes for unscheduled requests, in the order they are tested.
NO_COMMON_SLOT = "no_common_slot"  # no slot in which both participants are available
NO_INTERPRETER = "no_interpreter"  # an interpreter is needed and none is free
PARTICIPANT_CAP = "participant_cap"  # a participant is at max_meetings or fully booked
CAPACITY = "capacity"  # the tables are full where both are free: lost to higher priorities
TIME_LIMIT = "time_limit"  # the time limit ran out before the request was tried


@dataclass(frozen=True, slots=True)
class Meeting:
    request: str
    slot: str
    table: int
    interpreter: str | None = None
    attendees: tuple[str, str] | None = None  # who attends for a and b (always written)

    def to_json(self) -> dict[str, object]:
        return {
            "request": self.request,
            "slot": self.slot,
            "table": self.table,
            "interpreter": self.interpreter,
            "attendees": list(self.attendees) if self.attendees else None,
        }


@dataclass(frozen=True)
class Schedule:
    meetings: tuple[Meeting, ...]
    unscheduled: tuple[str, ...]
    objective: int
    upper_bound: int
    status: str
    reasons: dict[str, str] = field(default_factory=dict)
    moved: tuple[str, ...] | None = None  # None: no previous schedule was given
    dropped: tuple[str, ...] | None = None
    stats: dict[str, float] = field(default_factory=dict)  # timings and bounds, not written
    # (seconds since the start, objective, bound) at each improvement; not written
    trace: tuple[tuple[float, int, int], ...] = ()
    figures: dict[str, object] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "meetings": [m.to_json() for m in self.meetings],
            "unscheduled": list(self.unscheduled),
            "objective": self.objective,
            "upper_bound": self.upper_bound,
            "status": self.status,
            "reasons": dict(self.reasons),
        }
        if self.moved is not None:
            data["moved"] = list(self.moved)
        if self.dropped is not None:
            data["dropped"] = list(self.dropped)
        data["figures"] = dict(self.figures)
        return data


@dataclass(frozen=True, slots=True)
class Extras:
    previous: tuple[Meeting, ...] | None = None
    allow_moves: bool = False


def parse_extras(data: Mapping[str, object]) -> Extras:
    allow_moves = data.get("allow_moves", False)
    if not isinstance(allow_moves, bool):
        raise InstanceError([f"allow_moves: must be true or false, got {describe(allow_moves)}"])
    previous = data.get("previous")
    if previous is None:
        return Extras(None, allow_moves)
    return Extras(parse_meetings(previous, "previous"), allow_moves)


def parse_meetings(data: object, where: str = "previous") -> tuple[Meeting, ...]:
    """Meetings from a schedule object (``{"meetings": [...]}``) or a bare list of them."""
    if isinstance(data, Mapping):
        data = data.get("meetings")
        where = f"{where}.meetings"
    if not isinstance(data, list):
        raise InstanceError([f"{where}: must be a list of meetings, got {describe(data)}"])
    problems = Problems()
    meetings = [_parse_meeting(f"{where}[{n}]", entry, problems) for n, entry in enumerate(data)]
    problems.raise_if_any()
    return tuple(m for m in meetings if m is not None)


def _parse_meeting(where: str, entry: object, problems: Problems) -> Meeting | None:
    if not isinstance(entry, Mapping):
        problems.add(f"{where}: must be an object, got {describe(entry)}")
        return None
    request, slot, table = entry.get("request"), entry.get("slot"), entry.get("table")
    interpreter = entry.get("interpreter")
    attendees = entry.get("attendees")
    bad = len(problems.messages)
    if not isinstance(request, str):
        problems.add(f"{where}: request must be a string, got {describe(request)}")
    if not isinstance(slot, str):
        problems.add(f"{where}: slot must be a string, got {describe(slot)}")
    if not isinstance(table, int) or isinstance(table, bool):
        problems.add(f"{where}: table must be an integer, got {describe(table)}")
    if interpreter is not None and not isinstance(interpreter, str):
        problems.add(f"{where}: interpreter must be a string or null, got {describe(interpreter)}")
    if attendees is not None and (
        not isinstance(attendees, list)
        or len(attendees) != 2
        or not all(isinstance(a, str) for a in attendees)
    ):
        problems.add(f"{where}: attendees must be two participant ids, got {describe(attendees)}")
    for key in sorted(set(entry) - {"request", "slot", "table", "interpreter", "attendees"}):
        problems.add(f'{where}: unknown key "{key}"')
    if len(problems.messages) > bad:
        return None
    # Narrowing for the type checker: the checks above reported every other case.
    assert isinstance(request, str)
    assert isinstance(slot, str)
    assert isinstance(table, int)
    pair = (str(attendees[0]), str(attendees[1])) if isinstance(attendees, list) else None
    return Meeting(
        request, slot, table, interpreter if isinstance(interpreter, str) else None, pair
    )
