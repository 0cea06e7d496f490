"""An independent validator: every rule of the file format, checked on a written schedule.

Deliberately shares no code with the solver (only the parsed :class:`Instance`), so a
bug in the solver's bookkeeping cannot hide itself. Takes the output as decoded JSON.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from jembatan.events.domain.scheduler.instance import Instance

STATUSES = ("optimal", "feasible")


def check_schedule(instance: Instance, output: object) -> list[str]:
    """Every rule the schedule breaks, one message each; empty when it is valid."""
    if not isinstance(output, Mapping):
        return ["the schedule must be a JSON object"]
    problems = [
        f'missing key "{key}"'
        for key in ("meetings", "unscheduled", "objective", "upper_bound", "status")
        if key not in output
    ]
    meetings = output.get("meetings")
    if not isinstance(meetings, list):
        return [*problems, "meetings: must be a list"]
    placed: dict[str, tuple[str, int]] = {}
    seats: dict[tuple[str, int], int] = {}
    attends: dict[tuple[str, str], int] = {}
    serves: dict[tuple[str, str], int] = {}
    total: Counter[str] = Counter()
    for n, meeting in enumerate(meetings):
        problems.extend(_check_meeting(instance, n, meeting, placed, seats, attends, serves, total))
    for who, count in total.items():
        cap = instance.participant(who).max_meetings
        if cap is not None and count > cap:
            problems.append(f"participant {who!r}: {count} meetings, more than max_meetings {cap}")
    problems.extend(_check_runs(instance, attends))
    for n, lock in enumerate(instance.locked):
        if placed.get(lock.request) != (lock.slot, lock.table):
            problems.append(
                f'locked[{n}] (request "{lock.request}"): not kept at slot "{lock.slot}" table {lock.table}'
            )
    problems.extend(_check_totals(instance, output, placed))
    return problems


def _check_meeting(
    instance: Instance,
    n: int,
    meeting: object,
    placed: dict[str, tuple[str, int]],
    seats: dict[tuple[str, int], int],
    attends: dict[tuple[str, str], int],
    serves: dict[tuple[str, str], int],
    total: Counter[str],
) -> list[str]:
    where = f"meetings[{n}]"
    if (
        not isinstance(meeting, Mapping)
        or not {"request", "slot", "table", "interpreter"} <= set(meeting)
        or not set(meeting) <= {"request", "slot", "table", "interpreter", "attendees"}
    ):
        return [f"{where}: must be an object with request, slot, table and interpreter"]
    request_id, slot, table, interpreter_id = (
        meeting["request"],
        meeting["slot"],
        meeting["table"],
        meeting["interpreter"],
    )
    if request_id not in instance.requests_by_id:
        return [f"{where}: request {request_id!r} is not listed"]
    if slot not in instance.slots:
        return [f"{where}: slot {slot!r} is not in slots"]
    problems = []
    if not isinstance(table, int) or isinstance(table, bool) or not 1 <= table <= instance.tables:
        problems.append(f"{where}: table {table!r} is not between 1 and {instance.tables}")
    if request_id in placed:
        problems.append(f"{where}: request {request_id!r} is scheduled more than once")
    placed[request_id] = (slot, table)
    if (slot, table) in seats:
        problems.append(
            f"{where}: table {table} in slot {slot!r} already holds meetings[{seats[(slot, table)]}]"
        )
    seats[(slot, table)] = n
    attendees, problem = _attendees(instance, where, request_id, meeting.get("attendees"))
    if problem:
        return [*problems, problem]
    for who in attendees:
        total[who] += 1
        if not instance.is_available(instance.participant(who), slot):
            problems.append(f"{where}: participant {who!r} is not available in slot {slot!r}")
        if (who, slot) in attends:
            problems.append(
                f"{where}: participant {who!r} already meets in slot {slot!r} (meetings[{attends[(who, slot)]}])"
            )
        attends[(who, slot)] = n
    problems.extend(
        _check_interpreter(instance, where, attendees, request_id, slot, interpreter_id, serves, n)
    )
    return problems


def _attendees(
    instance: Instance, where: str, request_id: str, given: object
) -> tuple[tuple[str, str], str | None]:
    """Who attends: given, or the request's two participants when it names no company."""
    request = instance.request(request_id)
    sides = []
    for side in (request.a, request.b):
        company = instance.companies_by_id.get(side)
        sides.append(set(company.participants) if company else {side})
    if given is None:
        if (
            len(sides[0]) == 1
            and len(sides[1]) == 1
            and request.a not in instance.companies_by_id
            and request.b not in instance.companies_by_id
        ):
            return (request.a, request.b), None
        return ("", ""), f"{where}: request {request_id!r} names a company but no attendees"
    if not isinstance(given, list) or len(given) != 2 or not all(isinstance(g, str) for g in given):
        return ("", ""), f"{where}: attendees must be two participant ids"
    a, b = str(given[0]), str(given[1])
    if a not in sides[0] or b not in sides[1] or a == b:
        return ("", ""), f"{where}: attendees {given!r} cannot hold request {request_id!r}"
    return (a, b), None


def _check_interpreter(
    instance: Instance,
    where: str,
    attendees: tuple[str, str],
    request_id: str,
    slot: str,
    interpreter_id: object,
    serves: dict[tuple[str, str], int],
    n: int,
) -> list[str]:
    a, b = instance.participant(attendees[0]), instance.participant(attendees[1])
    needed = not a.languages & b.languages
    if interpreter_id is None:
        return [f"{where}: request {request_id!r} needs an interpreter"] if needed else []
    if not needed:
        return [f"{where}: request {request_id!r} needs no interpreter but has {interpreter_id!r}"]
    matches = [i for i in instance.interpreters if i.id == interpreter_id]
    if not matches:
        return [f"{where}: interpreter {interpreter_id!r} is not listed"]
    interpreter = matches[0]
    problems = []
    if not (interpreter.languages & a.languages and interpreter.languages & b.languages):
        problems.append(
            f"{where}: interpreter {interpreter_id!r} does not speak a language of each participant"
        )
    if slot not in interpreter.available:
        problems.append(
            f"{where}: interpreter {interpreter_id!r} is not available in slot {slot!r}"
        )
    if (interpreter.id, slot) in serves:
        problems.append(
            f"{where}: interpreter {interpreter_id!r} already serves meetings[{serves[(interpreter.id, slot)]}] in slot {slot!r}"
        )
    serves[(interpreter.id, slot)] = n
    return problems


def _check_runs(instance: Instance, attends: dict[tuple[str, str], int]) -> list[str]:
    """At most max_consecutive meetings in a row (adjacent slots of the same day)."""
    problems = []
    day = [s.split("-", 1)[0] if "-" in s else "" for s in instance.slots]
    for participant in instance.participants:
        limit = participant.max_consecutive
        if limit is None:
            limit = instance.max_consecutive
        if limit is None:
            continue
        run = 0
        for k, slot in enumerate(instance.slots):
            if k and day[k] != day[k - 1]:
                run = 0
            run = run + 1 if (participant.id, slot) in attends else 0
            if run == limit + 1:
                problems.append(
                    f"participant {participant.id!r}: more than {limit} meetings in a row "
                    f"(up to slot {slot!r})"
                )
    return problems


def _check_totals(
    instance: Instance, output: Mapping[str, object], placed: dict[str, tuple[str, int]]
) -> list[str]:
    problems = []
    expected = [r.id for r in instance.requests if r.id not in placed]
    unscheduled = output.get("unscheduled")
    if not isinstance(unscheduled, list) or sorted(map(str, unscheduled)) != sorted(expected):
        problems.append("unscheduled: must list exactly the requests without a meeting")
    objective = sum(instance.request(r).priority for r in placed if r in instance.requests_by_id)
    if output.get("objective") != objective:
        problems.append(
            f"objective: {output.get('objective')!r}, but the meetings sum to {objective}"
        )
    bound = output.get("upper_bound")
    if not isinstance(bound, int) or bound < objective:
        problems.append(f"upper_bound: {bound!r} is below the objective {objective}")
    status = output.get("status")
    if status not in STATUSES:
        problems.append(f"status: {status!r} is not one of {', '.join(STATUSES)}")
    elif (status == "optimal") != (bound == objective):
        problems.append(
            f"status: {status!r} does not match objective {objective} and upper_bound {bound!r}"
        )
    return problems
