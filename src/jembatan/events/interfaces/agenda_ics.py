"""A participant's agenda as an iCalendar file (RFC 5545), one VEVENT per meeting.

Each UID is derived from the meeting's request (one meeting per request and event), so a
re-published or refilled schedule updates the same calendar entries; SEQUENCE counts the
meeting's moves. Times carry the event's zone (TZID) with its VTIMEZONE definition.
"""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from jembatan.events.domain.agenda import participant_agenda
from jembatan.events.models import Participant


def participant_ics(participant: Participant) -> bytes:
    event = participant.event
    calendar = Calendar()
    calendar.add("prodid", "-//Jembatan//Business-matching agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{event.name}: {participant.name}")
    with translation.override(participant.agenda_language):
        for line in participant_agenda(participant):
            item = CalendarEvent()
            item.add("uid", f"meeting-{line.meeting.request_id}-{event.pk}@jembatan")
            item.add("dtstamp", dt.datetime.now(dt.UTC))
            item.add("sequence", line.meeting.sequence)
            item.add("dtstart", line.starts)
            item.add("dtend", line.ends)
            item.add("summary", _("Meeting with %(partner)s") % {"partner": line.partner_label})
            item.add("location", f"{event.venue}, {line.table}")
            description = [_("Table: %(table)s") % {"table": line.table}]
            if line.interpreter:
                description.append(_("Interpreter: %(name)s") % {"name": line.interpreter})
            item.add("description", "\n".join(description))
            calendar.add_component(item)
    calendar.add_missing_timezones()
    return calendar.to_ical()
