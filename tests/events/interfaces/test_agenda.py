from __future__ import annotations

import datetime as dt
import io
import zoneinfo

import openpyxl
import pypdf
from icalendar import Calendar

from jembatan.events.domain.scheduling import execute_run, publish_draft, start_run
from jembatan.events.interfaces.agenda_ics import participant_ics
from jembatan.events.interfaces.agenda_pdf import interpreter_pdf, participant_pdf, table_pdf
from jembatan.events.interfaces.plan_xlsx import plan_xlsx
from jembatan.events.models import Meeting, Stage
from tests.events import factories

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


def published(fair, officer):  # type: ignore[no-untyped-def]
    requests = (
        factories.accepted(fair.budi, fair.tanaka, 3),
        factories.accepted(fair.budi, fair.suzuki, 2),
    )
    execute_run(start_run(fair.event, officer, time_limit=3).pk)
    publish_draft(fair.event, officer)
    return {
        r.pk: Meeting.objects.select_related("slot", "table").get(request=r, stage=Stage.PUBLISHED)
        for r in requests
    }


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split())  # cells wrap: compare words, not line breaks


def test_participant_ics_lists_meetings_with_partner_table_interpreter(fair, officer) -> None:  # type: ignore[no-untyped-def]
    meetings = published(fair, officer)
    calendar = Calendar.from_ical(participant_ics(fair.budi))
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert len(events) == 2
    expected = sorted(meetings.values(), key=lambda m: m.slot.starts_at)
    for item, meeting in zip(events, expected, strict=True):
        assert item.decoded("dtstart") == meeting.slot.starts_at
        assert item.decoded("dtstart").utcoffset() == dt.timedelta(hours=7)
        assert item.decoded("dtend") - item.decoded("dtstart") == dt.timedelta(minutes=30)
        # Budi's agenda language is Indonesian.
        assert f"Meja {meeting.table.number}" in str(item["location"])
    summaries = sorted(str(e["summary"]) for e in events)
    assert summaries == [
        "Pertemuan dengan Suzuki Yuki (Toyohashi Pack)",
        "Pertemuan dengan Tanaka Hiroshi (Akashi Seimitsu)",
    ]
    with_tanaka = next(e for e in events if "Tanaka" in str(e["summary"]))
    assert "Juru bahasa: Rina Wijaya" in str(with_tanaka["description"])


def test_participant_pdf_shows_partners_and_tables(fair, officer) -> None:  # type: ignore[no-untyped-def]
    meetings = published(fair, officer)
    text = pdf_text(participant_pdf(fair.budi))
    assert "Budi Santoso" in text
    assert "Tanaka Hiroshi (Akashi Seimitsu)" in text
    assert "Suzuki Yuki (Toyohashi Pack)" in text
    for meeting in meetings.values():
        assert f"Meja {meeting.table.number}" in text  # in Budi's language, Indonesian
        assert meeting.slot.starts_at.astimezone(JAKARTA).strftime("%H:%M") in text
    assert "Rina Wijaya" in text


def test_participant_pdf_in_japanese_for_a_japanese_participant(fair, officer) -> None:  # type: ignore[no-untyped-def]
    published(fair, officer)
    text = pdf_text(participant_pdf(fair.tanaka))
    assert "Budi Santoso (PT Karton Jaya Abadi)" in text
    assert "Tanaka Hiroshi" in text


def test_table_and_interpreter_pdfs(fair, officer) -> None:  # type: ignore[no-untyped-def]
    meetings = published(fair, officer)
    first = next(iter(meetings.values()))
    text = pdf_text(table_pdf(first.table))
    assert f"Table {first.table.number}" in text
    assert "Budi Santoso (PT Karton Jaya Abadi)" in text
    roster = pdf_text(interpreter_pdf(fair.rina))
    assert "Rina Wijaya" in roster
    assert "Budi Santoso (PT Karton Jaya Abadi) – Tanaka Hiroshi (Akashi Seimitsu)" in roster


def test_plan_xlsx_holds_every_published_meeting(fair, officer) -> None:  # type: ignore[no-untyped-def]
    meetings = published(fair, officer)
    book = openpyxl.load_workbook(io.BytesIO(plan_xlsx(fair.event)))
    rows = list(book["Meetings"].iter_rows(values_only=True))
    assert rows[0][:5] == ("Day", "Starts", "Ends", "Table", "Participant")
    by_partner = {row[6]: row for row in rows[1:]}
    assert set(by_partner) == {"Tanaka Hiroshi", "Suzuki Yuki"}
    tanaka = by_partner["Tanaka Hiroshi"]
    meeting = next(m for m in meetings.values() if m.request.receiver_id == fair.tanaka.pk)
    starts = meeting.slot.starts_at.astimezone(JAKARTA)
    ends = meeting.slot.ends_at.astimezone(JAKARTA)
    assert tanaka[:4] == (
        "2026-03-10",
        starts.strftime("%H:%M"),
        ends.strftime("%H:%M"),
        f"Table {meeting.table.number}",
    )
    assert tanaka[8:] == ("Rina Wijaya", 3)
    grid = list(book["Grid"].iter_rows(values_only=True))
    assert grid[0] == ("Slot", "Table 1", "Table 2", "Table 3")
    assert [row[0] for row in grid[1:]] == [
        "2026-03-10 09:00–09:30",
        "2026-03-10 09:30–10:00",
        "2026-03-10 10:00–10:30",
        "2026-03-10 13:00–13:30",
        "2026-03-10 13:30–14:00",
    ]


def test_plan_xlsx_shows_no_internal_slot_code(fair, officer) -> None:  # type: ignore[no-untyped-def]
    published(fair, officer)
    book = openpyxl.load_workbook(io.BytesIO(plan_xlsx(fair.event)))
    cells = [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
    ]
    assert [c for c in cells if c.startswith("d1-")] == []


def test_participant_ics_carries_the_event_zone_definition(fair, officer) -> None:  # type: ignore[no-untyped-def]
    published(fair, officer)
    calendar = Calendar.from_ical(participant_ics(fair.budi))
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["tzid"]) for z in zones] == ["Asia/Jakarta"]
    assert [str(z.walk("STANDARD")[0]["tzoffsetto"].to_ical()) for z in zones] == ["+0700"]
    for item in calendar.walk("VEVENT"):
        assert item["dtstart"].params["TZID"] == "Asia/Jakarta"


def test_participant_ics_in_tokyo_names_the_tokyo_zone(db, company, other_company) -> None:  # type: ignore[no-untyped-def]
    event = factories.scheduled_event(time_zone="Asia/Tokyo")
    sato = factories.participant(event, other_company, "Sato Ken", ["ja", "id"])
    ayu = factories.participant(event, company, "Ayu Lestari", ["id"])
    factories.accepted(sato, ayu)
    execute_run(start_run(event, None, time_limit=3).pk)
    publish_draft(event, None)
    calendar = Calendar.from_ical(participant_ics(sato))
    assert [str(z["tzid"]) for z in calendar.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    (item,) = calendar.walk("VEVENT")
    assert item.decoded("dtstart").utcoffset() == dt.timedelta(hours=9)
