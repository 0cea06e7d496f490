"""Parsing a scheduling instance from its JSON, with errors that name the entry.

The rules of the format are written at the top of ``instance.py``; the locks are checked
against each other here, once the instance is whole.
"""

from __future__ import annotations

from collections.abc import Mapping

from jembatan.events.domain.scheduler.deadline import collector_paused
from jembatan.events.domain.scheduler.errors import InstanceError, Problems, describe
from jembatan.events.domain.scheduler.instance import (
    Company,
    Instance,
    Interpreter,
    LockedMeeting,
    MeetingRequest,
    Participant,
)
from jembatan.events.domain.scheduler.locks import lock_problems

TOP_KEYS = {
    "slots",
    "tables",
    "participants",
    "interpreters",
    "requests",
    "locked",
    "companies",
    "max_consecutive",
}
EXTRA_KEYS = {"previous", "allow_moves"}  # read by parse_extras (schedule.py)


def parse_instance(data: object) -> Instance:
    """Build an :class:`Instance` from decoded JSON, or raise :class:`InstanceError`.

    All problems found are reported together, each naming its entry.
    """
    with collector_paused():
        return _parse_instance(data)


def _parse_instance(data: object) -> Instance:
    problems = Problems()
    if not isinstance(data, Mapping):
        raise InstanceError(["the instance must be a JSON object"])
    for key in sorted(set(data) - TOP_KEYS - EXTRA_KEYS):
        problems.add(f'unknown key "{key}"')
    for key in ("slots", "tables", "participants", "requests"):
        if key not in data:
            problems.add(f'missing key "{key}"')
    problems.raise_if_any()
    slots = _parse_slots(data["slots"], problems)
    tables = _as_int(data["tables"])
    if tables is None or tables < 1:
        problems.add(f"tables: must be a positive integer, got {describe(data['tables'])}")
    known_slots = set(slots)
    participants = tuple(
        _parse_participant(f"participants[{n}]", entry, known_slots, problems)
        for n, entry in enumerate(_list(data, "participants", problems))
    )
    interpreters = tuple(
        _parse_interpreter(f"interpreters[{n}]", entry, known_slots, problems)
        for n, entry in enumerate(_list(data, "interpreters", problems))
    )
    max_consecutive = _as_int(data.get("max_consecutive"))
    if "max_consecutive" in data and (max_consecutive is None or max_consecutive < 1):
        problems.add(
            f"max_consecutive: must be a positive integer, got {describe(data['max_consecutive'])}"
        )
    problems.raise_if_any()  # requests and locks refer to the entries above
    _check_unique_ids("participants", [p.id for p in participants], problems)
    _check_unique_ids("interpreters", [i.id for i in interpreters], problems)
    known_participants = {p.id for p in participants}
    companies = tuple(
        _parse_company(f"companies[{n}]", entry, known_participants, problems)
        for n, entry in enumerate(_list(data, "companies", problems))
    )
    _check_unique_ids("companies", [c.id for c in companies], problems)
    for n, company in enumerate(companies):
        if company.id in known_participants:
            problems.add(f'companies[{n}]: id "{company.id}" is already a participant id')
    sides = known_participants | {c.id for c in companies}
    requests = _parse_requests(_list(data, "requests", problems), sides, problems)
    _check_unique_ids("requests", [r.id for r in requests], problems)
    locked = tuple(
        _parse_lock(f"locked[{n}]", entry, problems)
        for n, entry in enumerate(_list(data, "locked", problems))
    )
    problems.raise_if_any()
    instance = Instance(
        slots,
        tables or 1,
        participants,
        interpreters,
        requests,
        locked,
        companies,
        max_consecutive,
    )
    for problem in lock_problems(instance):
        problems.add(problem)
    problems.raise_if_any()
    return instance


def _as_int(value: object) -> int | None:
    """The value if it is a JSON integer (true and false are not), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _list(data: Mapping[str, object], key: str, problems: Problems) -> list[object]:
    value = data.get(key, [])
    if not isinstance(value, list):
        problems.add(f"{key}: must be a list, got {describe(value)}")
        return []
    return value


def _parse_slots(value: object, problems: Problems) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        problems.add(f"slots: must be a non-empty list of slot names, got {describe(value)}")
        return ()
    seen: set[str] = set()
    for n, slot in enumerate(value):
        if not isinstance(slot, str) or not slot:
            problems.add(f"slots[{n}]: must be a non-empty string, got {describe(slot)}")
        elif slot in seen:
            problems.add(f'slots[{n}]: slot "{slot}" is listed twice')
        else:
            seen.add(slot)
    return tuple(s for s in value if isinstance(s, str))


def _entry(
    where: str,
    entry: object,
    required: set[str],
    optional: set[str],
    problems: Problems,
) -> Mapping[str, object] | None:
    if not isinstance(entry, Mapping):
        problems.add(f"{where}: must be an object, got {describe(entry)}")
        return None
    ident = entry.get("id")
    label = f'{where} (id "{ident}")' if isinstance(ident, str) else where
    for key in sorted(required - set(entry)):
        problems.add(f'{label}: missing key "{key}"')
    for key in sorted(set(entry) - required - optional):
        problems.add(f'{label}: unknown key "{key}"')
    if "id" in required and "id" in entry and (not isinstance(ident, str) or not ident):
        problems.add(f"{where}: id must be a non-empty string, got {describe(ident)}")
    return entry


def _label(where: str, entry: Mapping[str, object]) -> str:
    ident = entry.get("id")
    return f'{where} (id "{ident}")' if isinstance(ident, str) else where


def _languages(label: str, value: object, problems: Problems) -> frozenset[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        problems.add(f"{label}: languages must be a non-empty list of strings")
        return frozenset()
    return frozenset(str(v) for v in value)


def _slot_set(
    label: str, value: object, known: set[str], problems: Problems, key: str = "available"
) -> frozenset[str]:
    if not isinstance(value, list):
        problems.add(f"{label}: {key} must be a list of slots, got {describe(value)}")
        return frozenset()
    result: set[str] = set()
    for slot in value:
        if not isinstance(slot, str) or slot not in known:
            problems.add(f"{label}: {key} slot {describe(slot)} is not in slots")
        elif slot in result:
            problems.add(f'{label}: {key} slot "{slot}" is listed twice')
        else:
            result.add(slot)
    return frozenset(result)


def _parse_participant(
    where: str, entry: object, known: set[str], problems: Problems
) -> Participant:
    data = _entry(
        where,
        entry,
        {"id", "languages"},
        {"available", "max_meetings", "max_consecutive", "preferred", "unwanted"},
        problems,
    )
    if data is None:
        return Participant("", frozenset())
    label = _label(where, data)
    available = None
    if "available" in data:
        available = _slot_set(label, data["available"], known, problems)
    soft = {
        key: _slot_set(label, data[key], known, problems, key) if key in data else frozenset()
        for key in ("preferred", "unwanted")
    }
    if soft["preferred"] & soft["unwanted"]:
        problems.add(f"{label}: a slot is both preferred and unwanted")
    raw_run = data.get("max_consecutive")
    run = _as_int(raw_run)
    if raw_run is not None and (run is None or run < 1):
        problems.add(
            f"{label}: max_consecutive must be a positive integer, got {describe(raw_run)}"
        )
    raw_cap = data.get("max_meetings")
    cap = _as_int(raw_cap)
    if raw_cap is not None and (cap is None or cap < 0):
        problems.add(
            f"{label}: max_meetings must be a non-negative integer, got {describe(raw_cap)}"
        )
    return Participant(
        str(data.get("id", "")),
        _languages(label, data.get("languages"), problems),
        available,
        cap,
        run,
        soft["preferred"],
        soft["unwanted"],
    )


def _parse_company(
    where: str, entry: object, participants: set[str], problems: Problems
) -> Company:
    data = _entry(where, entry, {"id", "participants"}, set(), problems)
    if data is None:
        return Company("", ())
    label = _label(where, data)
    members = data.get("participants")
    if not isinstance(members, list) or not members:
        problems.add(f"{label}: participants must be a non-empty list of participant ids")
        return Company(str(data.get("id", "")), ())
    for member in members:
        if not isinstance(member, str) or member not in participants:
            problems.add(f"{label}: participant {describe(member)} is not listed")
    if len(set(map(str, members))) != len(members):
        problems.add(f"{label}: a participant is listed twice")
    return Company(str(data.get("id", "")), tuple(str(m) for m in members))


def _parse_interpreter(
    where: str, entry: object, known: set[str], problems: Problems
) -> Interpreter:
    data = _entry(where, entry, {"id", "languages"}, {"available"}, problems)
    if data is None:
        return Interpreter("", frozenset(), frozenset())
    label = _label(where, data)
    available = (
        _slot_set(label, data["available"], known, problems)
        if "available" in data
        else frozenset(known)  # absent: every slot, as for participants
    )
    return Interpreter(
        str(data.get("id", "")), _languages(label, data.get("languages"), problems), available
    )


REQUEST_KEYS = {"id", "a", "b", "priority"}


def _parse_requests(
    entries: list[object], sides: set[str], problems: Problems
) -> tuple[MeetingRequest, ...]:
    """Every request; a well-formed entry takes a fast path (a large event has tens of
    thousands), any other the full checks that name what is wrong."""
    result = []
    keys = REQUEST_KEYS
    for n, entry in enumerate(entries):
        if type(entry) is dict and entry.keys() == keys:
            ident, a, b, priority = entry["id"], entry["a"], entry["b"], entry["priority"]
            if (
                type(ident) is str
                and ident
                and type(a) is str
                and type(b) is str
                and a != b
                and a in sides
                and b in sides
                and type(priority) is int
                and priority >= 1
            ):
                result.append(MeetingRequest(ident, a, b, priority))
                continue
        result.append(_parse_request(f"requests[{n}]", entry, sides, problems))
    return tuple(result)


def _parse_request(
    where: str, entry: object, sides: set[str], problems: Problems
) -> MeetingRequest:
    data = _entry(where, entry, {"id", "a", "b", "priority"}, set(), problems)
    if data is None:
        return MeetingRequest("", "", "", 1)
    label = _label(where, data)
    for side in ("a", "b"):
        who = data.get(side)
        if side in data and (not isinstance(who, str) or who not in sides):
            problems.add(f"{label}: participant {describe(who)} is not listed")
    if "a" in data and data.get("a") == data.get("b"):
        problems.add(f"{label}: a and b are the same participant {describe(data.get('a'))}")
    priority = _as_int(data.get("priority", 1))
    if priority is None or priority < 1:
        problems.add(
            f"{label}: priority must be a positive integer, got {describe(data.get('priority'))}"
        )
    return MeetingRequest(
        str(data.get("id", "")), str(data.get("a")), str(data.get("b")), priority or 1
    )


def _parse_lock(where: str, entry: object, problems: Problems) -> LockedMeeting:
    data = _entry(where, entry, {"request", "slot", "table"}, set(), problems)
    if data is None:
        return LockedMeeting("", "", 0)
    table = _as_int(data.get("table", 0))
    if table is None:
        problems.add(f"{where}: table must be an integer, got {describe(data.get('table'))}")
    return LockedMeeting(str(data.get("request")), str(data.get("slot")), table or 0)


def _check_unique_ids(key: str, ids: list[str], problems: Problems) -> None:
    first: dict[str, int] = {}
    for n, ident in enumerate(ids):
        if ident in first:
            problems.add(f'{key}[{n}]: id "{ident}" is already used by {key}[{first[ident]}]')
        else:
            first[ident] = n
