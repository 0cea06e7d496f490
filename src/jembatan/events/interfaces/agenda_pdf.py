"""Agendas as PDF (reportlab): a participant's, a table's sheet, an interpreter's roster.

One font for every script, embedded: the project's IPAex Gothic (core.interfaces.pdf_fonts)
has Japanese and Latin glyphs (Indonesian is Latin), and ships with an installed package.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from jembatan.core.domain.zones import zone_label
from jembatan.core.interfaces.pdf_fonts import pdf_font
from jembatan.core.interfaces.pdf_text import text_paragraph
from jembatan.events.domain.agenda import (
    AgendaLine,
    interpreter_agenda,
    participant_agenda,
    table_agenda,
)
from jembatan.events.models import Interpreter, Participant, Table


def _font() -> str:
    return pdf_font()


def _time(line: AgendaLine) -> str:
    return f"{line.starts:%Y-%m-%d %H:%M}–{line.ends:%H:%M}"


def render(
    title: str, subtitle: str, headers: Sequence[str], rows: Sequence[Sequence[str]]
) -> bytes:
    font = _font()
    title_style = ParagraphStyle("title", fontName=font, fontSize=15, leading=19)
    text_style = ParagraphStyle("text", fontName=font, fontSize=9, leading=12)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, leftMargin=15 * mm, rightMargin=15 * mm
    )
    # Names and venues are people's text: shown as text, never read as markup.
    cells = [[text_paragraph(h, text_style) for h in headers]]
    cells += [[text_paragraph(c, text_style) for c in row] for row in rows]
    table = PdfTable(cells, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [
        text_paragraph(title, title_style),
        text_paragraph(subtitle, text_style),
        Spacer(1, 6 * mm),
    ]
    if rows:
        story.append(table)
    else:
        story.append(Paragraph(_("No meeting is scheduled."), text_style))
    document.build(story)
    return buffer.getvalue()


def participant_pdf(participant: Participant) -> bytes:
    """The participant's agenda, in the language they chose for it."""
    event = participant.event
    with translation.override(participant.agenda_language):
        rows = [
            [_time(line), line.partner_label, line.table, line.interpreter or "–"]
            for line in participant_agenda(participant)
        ]
        return render(
            _("Agenda of %(name)s") % {"name": participant.name},
            _("%(event)s, %(venue)s (times in %(zone)s)")
            % {"event": event.name, "venue": event.venue, "zone": zone_label(event.time_zone)},
            [_("Time"), _("Partner"), _("Table"), _("Interpreter")],
            rows,
        )


def _sides(line: AgendaLine) -> str:
    request = line.meeting.request
    return (
        f"{request.sender.name} ({request.sender.company.name}) – "
        f"{request.receiver.name} ({request.receiver.company.name})"
    )


def table_pdf(table: Table) -> bytes:
    event = table.event
    rows = [[_time(line), _sides(line), line.interpreter or "–"] for line in table_agenda(table)]
    return render(
        _("%(table)s: meetings") % {"table": table.label},
        _("%(event)s, %(venue)s (times in %(zone)s)")
        % {"event": event.name, "venue": event.venue, "zone": zone_label(event.time_zone)},
        [_("Time"), _("Participants"), _("Interpreter")],
        rows,
    )


def interpreter_pdf(interpreter: Interpreter) -> bytes:
    event = interpreter.event
    rows = [[_time(line), line.table, _sides(line)] for line in interpreter_agenda(interpreter)]
    return render(
        _("Roster of %(name)s") % {"name": interpreter.name},
        _("%(event)s, %(venue)s (times in %(zone)s)")
        % {"event": event.name, "venue": event.venue, "zone": zone_label(event.time_zone)},
        [_("Time"), _("Table"), _("Participants")],
        rows,
    )
