"""From the database to the scheduler's instance (design.md's file format), and back.

Ids in the instance are the rows' keys with a letter: ``p12`` participant 12, ``i3``
interpreter 3, ``r40`` meeting request 40; slots go by their code, tables by number.
Blocked slots are left out of ``slots``; no-show participants are available nowhere.

The optional keys (``companies``, ``max_consecutive``, ``preferred``/``unwanted``,
``previous``) appear only where the event uses the feature, so an instance without them
reads exactly as before. ``c7`` is company 7: a request to (or from) a company that has
two or more representatives at the event names it instead of the participant, and any
of them may attend.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from jembatan.events.domain.scheduler import Instance, parse_instance
from jembatan.events.domain.scheduler import Meeting as PlannedMeeting
from jembatan.events.models import (
    Event,
    Interpreter,
    Meeting,
    MeetingRequest,
    Participant,
    RequestStatus,
    Stage,
)


def participant_key(pk: int) -> str:
    return f"p{pk}"


def interpreter_key(pk: int) -> str:
    return f"i{pk}"


def request_key(pk: int) -> str:
    return f"r{pk}"


def company_key(pk: int) -> str:
    return f"c{pk}"


def key_pk(key: str) -> int:
    return int(key[1:])


@dataclass
class EventData:
    """The instance as decoded JSON, and the names that explain its ids to people."""

    data: dict[str, object]
    labels: dict[str, str] = field(default_factory=dict)

    def parse(self) -> Instance:
        return parse_instance(self.data)


def accepted_requests(event: Event) -> list[MeetingRequest]:
    return list(
        MeetingRequest.objects.filter(event=event, status=RequestStatus.ACCEPTED)
        .select_related("sender__company", "receiver__company", "lock_slot", "lock_table")
        .order_by("id")
    )


def _wishes(p: Participant, open_codes: set[str]) -> dict[str, object]:
    """The participant's optional keys: breaks and preferred or unwanted slots."""
    entry: dict[str, object] = {}
    if p.max_consecutive is not None:
        entry["max_consecutive"] = p.max_consecutive
    for key, slots in (("preferred", p.preferred_slots), ("unwanted", p.unwanted_slots)):
        codes = sorted(s.code for s in slots.all() if s.code in open_codes)
        if codes:
            entry[key] = codes
    return entry


def _side(participant_pk: int, company_pk: int, anyone: bool, shared: dict[int, list[int]]) -> str:
    """A request's "a" or "b": the company where any representative may attend and the
    company has several at the event, else the named participant."""
    if anyone and len(shared.get(company_pk, ())) > 1:
        return company_key(company_pk)
    return participant_key(participant_pk)


def build_event_data(
    event: Event,
    extra_locks: Iterable[Meeting] = (),
    skip_locks: bool = False,
    previous: Iterable[Meeting] = (),
) -> EventData:
    """The event's instance: open slots, tables, participants, interpreters, accepted
    requests and their locks (plus ``extra_locks``: meetings to keep exactly in place),
    companies with several representatives, breaks and wishes, and ``previous``: the
    published meetings to keep where they are when re-scheduling after late changes."""
    slots = list(event.slots.filter(blocked=False).order_by("starts_at"))
    codes = [s.code for s in slots]
    open_codes = set(codes)
    participants = list(
        Participant.objects.filter(event=event)
        .select_related("company")
        .prefetch_related("available_slots", "preferred_slots", "unwanted_slots")
        .order_by("id")
    )
    shared: dict[int, list[int]] = {}
    for p in participants:
        shared.setdefault(p.company_id, []).append(p.pk)
    interpreters = list(
        Interpreter.objects.filter(event=event).prefetch_related("available_slots").order_by("id")
    )
    requests = accepted_requests(event)
    labels: dict[str, str] = {}
    entries: list[dict[str, object]] = []
    for p in participants:
        labels[participant_key(p.pk)] = f"{p.name} ({p.company.name})"
        entry: dict[str, object] = {"id": participant_key(p.pk), "languages": sorted(p.languages)}
        if p.no_show_at is not None:
            entry["available"] = []
        elif not p.available_everywhere:
            entry["available"] = sorted(
                s.code for s in p.available_slots.all() if s.code in open_codes
            )
        if p.max_meetings is not None:
            entry["max_meetings"] = p.max_meetings
        entry.update(_wishes(p, open_codes))
        entries.append(entry)
    interpreter_entries: list[dict[str, object]] = []
    for i in interpreters:
        labels[interpreter_key(i.pk)] = i.name
        available = (
            codes
            if i.available_everywhere
            else sorted(s.code for s in i.available_slots.all() if s.code in open_codes)
        )
        interpreter_entries.append(
            {"id": interpreter_key(i.pk), "languages": sorted(i.languages), "available": available}
        )
    request_entries = []
    locked: list[dict[str, object]] = []
    companies: dict[str, dict[str, object]] = {}
    for r in requests:
        labels[request_key(r.pk)] = f"{r.sender.name} – {r.receiver.name}"
        a = _side(r.sender_id, r.sender.company_id, r.sender_any, shared)
        b = _side(r.receiver_id, r.receiver.company_id, r.receiver_any, shared)
        for key, company in ((a, r.sender.company), (b, r.receiver.company)):
            if key.startswith("c") and key not in companies:
                labels[key] = company.name
                companies[key] = {
                    "id": key,
                    "participants": [participant_key(pk) for pk in shared[company.pk]],
                }
        request_entries.append({"id": request_key(r.pk), "a": a, "b": b, "priority": r.priority})
        if not skip_locks and r.lock_slot is not None and r.lock_table is not None:
            locked.append(
                {
                    "request": request_key(r.pk),
                    "slot": r.lock_slot.code,
                    "table": r.lock_table.number,
                }
            )
    already = {entry["request"] for entry in locked}
    known = {entry["id"] for entry in request_entries}
    for meeting in extra_locks:
        key = request_key(meeting.request_id)
        if key in known and key not in already:
            locked.append(
                {"request": key, "slot": meeting.slot.code, "table": meeting.table.number}
            )
    data: dict[str, object] = {
        "slots": codes,
        "tables": event.table_count,
        "participants": entries,
        "interpreters": interpreter_entries,
        "requests": request_entries,
        "locked": locked,
    }
    if companies:
        data["companies"] = [companies[key] for key in sorted(companies, key=key_pk)]
    if event.max_consecutive is not None:
        data["max_consecutive"] = event.max_consecutive
    # All of them, also those whose request is gone: the solver reports those as dropped.
    earlier = [m.to_json() for m in planned(previous)]
    if earlier:
        data["previous"] = earlier
    return EventData(data, labels)


def live_meetings(event: Event, stage: str) -> list[Meeting]:
    return list(
        Meeting.objects.filter(event=event, stage=stage, freed_at__isnull=True)
        .select_related("slot", "table", "interpreter", "request")
        .order_by("slot__starts_at", "table__number", "id")
    )


def planned(meetings: Iterable[Meeting]) -> list[PlannedMeeting]:
    """Meetings in the scheduler's terms (for ``previous`` and for checking a draft)."""
    return [
        PlannedMeeting(
            request_key(m.request_id),
            m.slot.code,
            m.table.number,
            interpreter_key(m.interpreter_id) if m.interpreter_id else None,
        )
        for m in meetings
    ]


def published_previous(event: Event) -> list[PlannedMeeting]:
    return planned(live_meetings(event, Stage.PUBLISHED))


KEY = re.compile(r"""(['"])([pir]\d+|d\d+-\d{4})\1|(meetings\[\d+\])""")


def explain(message: str, labels: dict[str, str]) -> str:
    """The scheduler's message with ids ('p12', 'd1-0900', meetings[3]) replaced by what
    people know, where `labels` has them."""
    return KEY.sub(lambda m: labels.get(m.group(2) or m.group(3), m.group(0)), message)


def attendee_fields(meeting: Mapping[str, object]) -> dict[str, int | None]:
    """The Meeting row's ``sender_attendee_id`` and ``receiver_attendee_id`` from an output
    meeting's ``"attendees"`` ([a, b], in the request's order); None where it has none."""
    pair = meeting.get("attendees")
    if not isinstance(pair, list | tuple) or len(pair) != 2:
        return {"sender_attendee_id": None, "receiver_attendee_id": None}
    a, b = (key_pk(str(key)) if key else None for key in pair)
    return {"sender_attendee_id": a, "receiver_attendee_id": b}


def output_attendees(output: Mapping[str, object]) -> dict[int, dict[str, int | None]]:
    """Request pk to attendee_fields, for the output's meetings that name attendees."""
    meetings = output.get("meetings")
    found: dict[int, dict[str, int | None]] = {}
    for meeting in meetings if isinstance(meetings, list) else []:
        if isinstance(meeting, Mapping) and "attendees" in meeting:
            found[key_pk(str(meeting["request"]))] = attendee_fields(meeting)
    return found


def output_figures(output: Mapping[str, object]) -> dict[str, object]:
    """What the run summary shows from the output: its ``"figures"`` (numbers only), and
    ``moved``: how many published meetings moved (the output gives a count or the list)."""
    figures = output.get("figures")
    shown: dict[str, object] = {}
    if isinstance(figures, Mapping):
        shown = {
            str(k): v
            for k, v in figures.items()
            if isinstance(v, int | float) and not isinstance(v, bool)
        }
    moved = output.get("moved")
    if isinstance(moved, int) and not isinstance(moved, bool):
        shown["moved"] = moved
    elif isinstance(moved, list):
        shown["moved"] = len(moved)
    return shown
