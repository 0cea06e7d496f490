"""Downloads: agendas (PDF, iCalendar) and the whole plan (XLSX)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from jembatan.events.interfaces.agenda_ics import participant_ics
from jembatan.events.interfaces.agenda_pdf import interpreter_pdf, participant_pdf, table_pdf
from jembatan.events.interfaces.plan_xlsx import plan_xlsx
from jembatan.events.models import Interpreter, Table
from jembatan.events.views.common import get_organised_event, get_participant

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def agenda_pdf(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    participant = get_participant(request, pk, participant_pk, "events.view_agenda")
    return _file(participant_pdf(participant), "application/pdf", f"agenda-{participant.pk}.pdf")


@login_required
def agenda_ics(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    participant = get_participant(request, pk, participant_pk, "events.view_agenda")
    return _file(participant_ics(participant), "text/calendar", f"agenda-{participant.pk}.ics")


@login_required
def table_sheet(request: HttpRequest, pk: int, table_number: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    table = get_object_or_404(
        Table.objects.select_related("event"), event=event, number=table_number
    )
    return _file(table_pdf(table), "application/pdf", f"table-{table.number}.pdf")


@login_required
def interpreter_roster(request: HttpRequest, pk: int, interpreter_pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    interpreter = get_object_or_404(
        Interpreter.objects.select_related("event"), event=event, pk=interpreter_pk
    )
    return _file(
        interpreter_pdf(interpreter), "application/pdf", f"interpreter-{interpreter.pk}.pdf"
    )


@login_required
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_organised_event(request, pk)
    return _file(plan_xlsx(event), XLSX, f"event-{event.pk}-plan.xlsx")
