"""Checks that the locked meetings can all stand together, naming the lock that cannot."""

from __future__ import annotations

from collections import Counter

from jembatan.events.domain.scheduler.instance import Instance, LockedMeeting
from jembatan.events.domain.scheduler.matching import InterpreterMatching


def lock_problems(instance: Instance) -> list[str]:
    """Every way the locks break the rules; empty when the locks alone are a valid schedule.

    Locks are taken in order, so the message names the later of two conflicting locks.
    """
    problems: list[str] = []
    slots = set(instance.slots)
    seen_request: dict[str, int] = {}
    table_taken: dict[tuple[str, int], int] = {}
    busy: dict[tuple[str, str], int] = {}
    meetings: Counter[str] = Counter()
    matchings: dict[str, InterpreterMatching] = {}
    for n, lock in enumerate(instance.locked):
        where = f'locked[{n}] (request "{lock.request}")'
        if lock.request not in instance.requests_by_id:
            problems.append(f'locked[{n}]: request "{lock.request}" is not listed')
            continue
        if lock.slot not in slots:
            problems.append(f'{where}: slot "{lock.slot}" is not in slots')
            continue
        if not 1 <= lock.table <= instance.tables:
            problems.append(f"{where}: table {lock.table} is not between 1 and {instance.tables}")
            continue
        if lock.request in seen_request:
            problems.append(
                f"{where}: the request is already locked by locked[{seen_request[lock.request]}]"
            )
            continue
        seen_request[lock.request] = n
        if (lock.slot, lock.table) in table_taken:
            other = table_taken[(lock.slot, lock.table)]
            problems.append(
                f'{where}: table {lock.table} in slot "{lock.slot}" is already taken by locked[{other}]'
            )
        table_taken[(lock.slot, lock.table)] = n
        problems.extend(_participant_problems(instance, n, lock, busy, meetings))
        problems.extend(_interpreter_problems(instance, n, lock, matchings))
    return problems


def _participant_problems(
    instance: Instance,
    n: int,
    lock: LockedMeeting,
    busy: dict[tuple[str, str], int],
    meetings: Counter[str],
) -> list[str]:
    where = f'locked[{n}] (request "{lock.request}")'
    request = instance.request(lock.request)
    problems = []
    for who in instance.lock_pair(request):
        participant = instance.participant(who)
        if not instance.is_available(participant, lock.slot):
            problems.append(f'{where}: participant "{who}" is not available in slot "{lock.slot}"')
        if (who, lock.slot) in busy:
            other = busy[(who, lock.slot)]
            problems.append(
                f'{where}: participant "{who}" already meets in slot "{lock.slot}" (locked[{other}])'
            )
        busy[(who, lock.slot)] = n
        meetings[who] += 1
        if participant.max_meetings is not None and meetings[who] > participant.max_meetings:
            problems.append(
                f'{where}: participant "{who}" would have more than max_meetings '
                f"({participant.max_meetings}) locked meetings"
            )
    return problems


def _interpreter_problems(
    instance: Instance,
    n: int,
    lock: LockedMeeting,
    matchings: dict[str, InterpreterMatching],
) -> list[str]:
    request = instance.request(lock.request)
    if not instance.needs_interpreter(request):
        return []
    eligible = [
        k
        for k, interpreter in enumerate(instance.interpreters)
        if lock.slot in interpreter.available and instance.can_interpret(interpreter, request)
    ]
    matching = matchings.setdefault(lock.slot, InterpreterMatching())
    if matching.add(n, eligible):
        return []
    where = f'locked[{n}] (request "{lock.request}")'
    if not eligible:
        return [f'{where}: needs an interpreter and none is available in slot "{lock.slot}"']
    return [
        (
            f'{where}: needs an interpreter and every one available in slot "{lock.slot}" '
            "is taken by other locked meetings"
        )
    ]
