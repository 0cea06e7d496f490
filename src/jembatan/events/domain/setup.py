"""Saving an event's set-up (sessions, tables) without losing what already uses its slots.

Unlike :func:`jembatan.events.domain.slots.generate_slots`, which replaces every slot and
is refused once meetings exist, this keeps each slot whose time is still planned (same
start and end in UTC), so its meetings, locks and the participants' availability stay
attached; it renames the slot when the day numbering changes. A slot or a table that
would disappear while a meeting or a lock uses it makes the whole save refused, naming
each meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.events.domain.slots import SessionSpec, SlotError, SlotSpec, plan_slots
from jembatan.events.models import Event, Meeting, MeetingRequest, Session, Slot, Table


@dataclass(frozen=True, slots=True)
class SlotChanges:
    kept: int
    created: int
    removed: int


def _meeting_labels(meetings: Iterable[Meeting]) -> list[str]:
    """One line per request and place; a meeting in the draft and the published schedule
    alike is named once, with both stages."""
    stages: dict[tuple[int, int, int], list[str]] = {}
    first: dict[tuple[int, int, int], Meeting] = {}
    for meeting in meetings:
        key = (meeting.request_id, meeting.slot_id, meeting.table_id)
        first.setdefault(key, meeting)
        stages.setdefault(key, []).append(meeting.get_stage_display().lower())
    return [
        _("%(sender)s – %(receiver)s (%(slot)s, table %(table)s, %(stage)s)")
        % {
            "sender": m.request.sender.name,
            "receiver": m.request.receiver.name,
            "slot": m.slot.code,
            "table": m.table.number,
            "stage": ", ".join(sorted(stages[key])),
        }
        for key, m in first.items()
    ]


def _lock_label(request: MeetingRequest) -> str:
    return _("%(sender)s – %(receiver)s (locked to %(slot)s)") % {
        "sender": request.sender.name,
        "receiver": request.receiver.name,
        "slot": request.lock_slot.code if request.lock_slot else "",
    }


def _refuse_if_used(event: Event, slots: Sequence[Slot], table_numbers: Sequence[int]) -> None:
    """Raise SlotError naming the meetings and locks that the removals would drop."""
    slot_ids = [s.pk for s in slots]
    meetings = (
        Meeting.objects.filter(event=event)
        .filter(Q(slot_id__in=slot_ids) | Q(table__number__in=table_numbers))
        .select_related("slot", "table", "request__sender", "request__receiver")
    )
    problems = _meeting_labels(meetings.order_by("slot__starts_at", "table__number", "stage"))
    locks = (
        MeetingRequest.objects.filter(event=event, lock_slot_id__in=slot_ids)
        .exclude(pk__in=meetings.values("request_id"))  # already named with their meeting
        .select_related("sender", "receiver", "lock_slot")
    )
    problems += [_lock_label(r) for r in locks]
    if problems:
        raise SlotError(
            _(
                "These changes would remove slots or tables that meetings use; change them "
                "back or drop these meetings first: %(meetings)s."
            )
            % {"meetings": "; ".join(problems)}
        )


def _plan(event: Event) -> tuple[list[Session], list[SlotSpec]]:
    sessions = list(Session.objects.filter(event=event))
    specs = plan_slots(
        [SessionSpec(s.day, s.starts, s.ends, s.slot_minutes, s.break_minutes) for s in sessions],
        event.zone,
    )
    return sessions, specs


def sync_slots(event: Event, table_names: Sequence[str] | None = None) -> SlotChanges:
    """Make the event's slots and tables match its sessions and table count.

    ``table_names`` names tables 1.. in order (None: keep the names they have; empty:
    clear them). Raises
    SlotError, changing nothing, when a slot or table in use would disappear.
    """
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=event.pk)
        sessions, specs = _plan(event)
        existing = {(s.starts_at, s.ends_at): s for s in Slot.objects.filter(event=event)}
        planned = {(spec.starts_at, spec.ends_at) for spec in specs}
        gone = [slot for key, slot in existing.items() if key not in planned]
        extra_tables = list(
            Table.objects.filter(event=event, number__gt=event.table_count).values_list(
                "number", flat=True
            )
        )
        _refuse_if_used(event, gone, extra_tables)
        Slot.objects.filter(pk__in=[s.pk for s in gone]).delete()
        Table.objects.filter(event=event, number__in=extra_tables).delete()
        kept, new = _apply(event, sessions, specs, existing)
        _name_tables(event, table_names)
    return SlotChanges(kept=kept, created=new, removed=len(gone))


def _apply(
    event: Event,
    sessions: list[Session],
    specs: list[SlotSpec],
    existing: dict[tuple[dt.datetime, dt.datetime], Slot],
) -> tuple[int, int]:
    """Update kept slots (session, code) and create the new ones; returns (kept, created)."""
    changed: list[Slot] = []
    new: list[Slot] = []
    for spec in specs:
        slot = existing.get((spec.starts_at, spec.ends_at))
        session = sessions[spec.session]
        if slot is None:
            new.append(
                Slot(
                    event=event,
                    session=session,
                    code=spec.code,
                    starts_at=spec.starts_at,
                    ends_at=spec.ends_at,
                )
            )
        elif slot.code != spec.code or slot.session_id != session.pk:
            slot.code, slot.session = spec.code, session
            changed.append(slot)
    # Codes are unique per event and a renumbering may swap two: park them first.
    for slot in changed:
        Slot.objects.filter(pk=slot.pk).update(code=f"~{slot.pk}")
    Slot.objects.bulk_update(changed, ["code", "session"])
    Slot.objects.bulk_create(new)
    return len(specs) - len(new), len(new)


def _name_tables(event: Event, names: Sequence[str] | None) -> None:
    """Tables 1..table_count exist; with ``names``, table n is called names[n-1] (or nothing)."""
    existing = {t.number for t in Table.objects.filter(event=event)}
    Table.objects.bulk_create(
        Table(event=event, number=n) for n in range(1, event.table_count + 1) if n not in existing
    )
    if names is None:
        return
    tables = list(Table.objects.filter(event=event))
    for table in tables:
        table.name = names[table.number - 1] if table.number <= len(names) else ""
    Table.objects.bulk_update(tables, ["name"])


def save_event(
    actor: Any,
    event: Event,
    write: Callable[[Event], Event],
    table_names: Sequence[str] | None = None,
) -> tuple[Event, SlotChanges]:
    """Create `event` (unsaved) or save its set-up, as `actor`: the one code path of the
    organisers' page and the admin.

    `write` stores the event and its sessions (a form and its formset) and returns the saved
    event; then the slots and tables follow the sessions (sync_slots) and one audit entry is
    written (`jembatan.event.created` or `.changed`), all in one transaction. Raises
    PermissionDenied, or SlotError (changing nothing) when a slot or table in use would go.
    """
    creating = event.pk is None
    allowed = (
        actor.has_perm("events.add_event")
        if creating
        else actor.has_perm("events.organise_event", event)
    )
    if not allowed:
        raise PermissionDenied(_("Only a programme officer can set up an event."))
    with transaction.atomic():
        event = write(event)
        changes = sync_slots(event, table_names)
        log_action(f"jembatan.event.{'created' if creating else 'changed'}", event, actor)
    return event, changes
