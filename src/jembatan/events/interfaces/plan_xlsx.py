"""The whole published plan as a workbook: one row per meeting, and a slot × table grid."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jembatan.core.interfaces.spreadsheets import SafeWorkbook
from jembatan.events.domain.agenda import published_meetings
from jembatan.events.models import Event


def plan_xlsx(event: Event) -> bytes:
    zone = event.zone
    meetings = list(published_meetings(event))
    book = SafeWorkbook()  # names come from participants: never let one be a formula
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Meetings")[:31]
    sheet.append(
        [
            _("Day"),
            _("Starts"),
            _("Ends"),
            _("Table"),
            _("Participant"),
            _("Company"),
            _("Partner"),
            _("Partner's company"),
            _("Interpreter"),
            _("Priority"),
        ]
    )
    for m in meetings:
        r = m.request
        sheet.append(
            [
                m.slot.starts_at.astimezone(zone).strftime("%Y-%m-%d"),
                m.slot.starts_at.astimezone(zone).strftime("%H:%M"),
                m.slot.ends_at.astimezone(zone).strftime("%H:%M"),
                m.table.label,
                r.sender.name,
                r.sender.company.name,
                r.receiver.name,
                r.receiver.company.name,
                m.interpreter.name if m.interpreter else "",
                r.priority,
            ]
        )
    grid = book.create_sheet(_("Grid")[:31])
    tables = list(event.tables.order_by("number"))
    grid.append([_("Slot"), *[t.label for t in tables]])
    cells = {
        (m.slot_id, m.table_id): f"{m.request.sender.name} – {m.request.receiver.name}"
        for m in meetings
    }
    for slot in event.slots.order_by("starts_at"):
        start = slot.starts_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        time = f"{start}–{slot.ends_at.astimezone(zone):%H:%M}"
        grid.append([time, *[cells.get((slot.pk, t.pk), "") for t in tables]])
    return book.to_bytes()
