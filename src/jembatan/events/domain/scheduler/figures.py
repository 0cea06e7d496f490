"""Figures of a schedule for organisers: idle gaps, fairness, preferences, moves.

An idle gap is a run of one or more of a participant's available slots without a meeting
between two of their meetings on the same day. A participant "with requests" is one who
could attend some request (named in it, or a representative of a company named in it).
"""

from __future__ import annotations

from collections.abc import Iterable

from jembatan.events.domain.scheduler.instance import Instance, day_of


def schedule_figures(
    instance: Instance,
    attendance: Iterable[tuple[str, str]],
    never_possible: int,
    moved: int | None,
) -> dict[str, object]:
    """``attendance``: (participant, slot) of every meeting; ``never_possible``: a proven
    lower bound on participants with requests but no meeting (none of their requests can
    take any slot)."""
    busy: dict[str, set[str]] = {}
    for who, slot in attendance:
        busy.setdefault(who, set()).add(slot)
    days = [day_of(slot) for slot in instance.slots]
    gaps = {who: idle_gaps(instance, who, slots, days) for who, slots in busy.items()}
    if instance.companies:
        wanted = {p for r in instance.requests for pair in instance.pairs(r) for p in pair}
    else:  # each side is one participant
        wanted = {r.a for r in instance.requests} | {r.b for r in instance.requests}
    liked = {p.id: (p.preferred, p.unwanted) for p in instance.participants}
    figures: dict[str, object] = {
        "idle_gaps_mean": round(sum(gaps.values()) / len(gaps), 3) if gaps else 0.0,
        "idle_gaps_max": max(gaps.values(), default=0),
        "participants_with_requests_but_no_meeting": len(wanted - set(busy)),
        "preferred_slots_met": sum(
            len(slots & liked[who][0]) for who, slots in busy.items() if who in liked
        ),
        "unwanted_slots_met": sum(
            len(slots & liked[who][1]) for who, slots in busy.items() if who in liked
        ),
        "best_proven": {"participants_with_requests_but_no_meeting_at_least": never_possible},
    }
    if moved is not None:
        figures["moved"] = moved
    return figures


def idle_gaps(instance: Instance, who: str, slots: set[str], days: list[str] | None = None) -> int:
    """``days``: the day of each of the instance's slots, if the caller has worked them out."""
    participant = instance.participant(who)
    available = participant.available
    by_day: dict[str, list[bool]] = {}
    for slot, day in zip(instance.slots, days or [day_of(s) for s in instance.slots], strict=True):
        if available is None or slot in available:
            by_day.setdefault(day, []).append(slot in slots)
    total = 0
    for pattern in by_day.values():
        if not any(pattern):
            continue
        first = pattern.index(True)
        last = len(pattern) - 1 - pattern[::-1].index(True)
        inner = pattern[first : last + 1]
        total += sum(1 for j in range(1, len(inner)) if not inner[j] and inner[j - 1])
    return total
