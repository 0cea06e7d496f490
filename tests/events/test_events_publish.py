"""A meeting keeps its identity when the schedule is published again: the same row (rating
links), the same calendar UID, a SEQUENCE that counts its moves."""

from __future__ import annotations

from icalendar import Calendar

from jembatan.events.domain import drafts
from jembatan.events.domain.checkin import mark_no_show
from jembatan.events.domain.scheduling import execute_run, publish_draft, start_run
from jembatan.events.interfaces.agenda_ics import participant_ics
from jembatan.events.models import Meeting, RunKind, Stage
from tests.events import factories


def published_rows(event) -> dict[int, tuple[int, str, int, int]]:  # type: ignore[no-untyped-def]
    """request pk -> (meeting pk, slot code, table number, sequence) of the published rows."""
    return {
        m.request_id: (m.pk, m.slot.code, m.table.number, m.sequence)
        for m in Meeting.objects.filter(event=event, stage=Stage.PUBLISHED).select_related(
            "slot", "table"
        )
    }


def schedule_and_publish(event) -> None:  # type: ignore[no-untyped-def]
    assert execute_run(start_run(event, None, time_limit=3).pk).status == "succeeded"
    publish_draft(event, None)


def two_meetings(fair):  # type: ignore[no-untyped-def]
    return factories.accepted(fair.budi, fair.suzuki), factories.accepted(fair.dewi, fair.suzuki)


def ics_entries(participant) -> dict[str, int]:  # type: ignore[no-untyped-def]
    calendar = Calendar.from_ical(participant_ics(participant))
    return {str(e["uid"]): int(e["sequence"]) for e in calendar.walk("VEVENT")}


def test_republish_after_a_new_run_keeps_every_meeting_row(fair) -> None:  # type: ignore[no-untyped-def]
    two_meetings(fair)
    schedule_and_publish(fair.event)
    before = published_rows(fair.event)
    schedule_and_publish(fair.event)  # a late run: a whole new draft, published again
    assert published_rows(fair.event) == before


def test_republish_after_a_move_keeps_the_row_and_counts_the_move(fair) -> None:  # type: ignore[no-untyped-def]
    first, second = two_meetings(fair)
    schedule_and_publish(fair.event)
    before = published_rows(fair.event)
    uids = ics_entries(fair.suzuki)
    draft = Meeting.objects.get(request=first, stage=Stage.DRAFT)
    free = factories.slot(fair.event, "d1-1330")
    assert drafts.move_meeting(draft, free, fair.event.tables.get(number=3), None) == []
    publish_draft(fair.event, None)
    after = published_rows(fair.event)
    assert after[first.pk] == (before[first.pk][0], "d1-1330", 3, 1)
    assert after[second.pk] == before[second.pk]
    assert ics_entries(fair.suzuki) == {
        uid: (1 if uid.startswith(f"meeting-{first.pk}-") else 0) for uid in uids
    }


def test_republish_after_a_swap_keeps_both_rows(fair) -> None:  # type: ignore[no-untyped-def]
    first, _second = two_meetings(fair)
    factories.accepted(fair.budi, fair.tanaka)
    schedule_and_publish(fair.event)
    before = published_rows(fair.event)
    budi_suzuki = Meeting.objects.get(request=first, stage=Stage.DRAFT)
    other = (
        Meeting.objects.filter(event=fair.event, stage=Stage.DRAFT)
        .exclude(request=first)
        .exclude(slot=budi_suzuki.slot)
        .exclude(request__sender=fair.dewi)  # Suzuki would meet two people at once
        .first()
    )
    assert other is not None
    assert drafts.swap_meetings(budi_suzuki, other, None) == []
    publish_draft(fair.event, None)  # the two rows trade places in the published schedule
    after = published_rows(fair.event)
    assert {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in before.items()}
    assert after[first.pk][1:3] == before[other.request_id][1:3]
    assert after[other.request_id][1:3] == before[first.pk][1:3]


def test_rating_link_still_opens_after_republishing(fair, as_user) -> None:  # type: ignore[no-untyped-def]
    first, _second = two_meetings(fair)
    schedule_and_publish(fair.event)
    meeting = Meeting.objects.get(request=first, stage=Stage.PUBLISHED)
    url = f"/events/{fair.event.pk}/participants/{fair.budi.pk}/meetings/{meeting.pk}/rate/"
    assert as_user("member").get(url).status_code == 200  # the fair was on 10 March 2026
    schedule_and_publish(fair.event)
    response = as_user("member").get(url)
    assert response.status_code == 200
    assert response.context["meeting"].request == first


def test_meeting_dropped_from_the_draft_leaves_the_published_schedule(fair) -> None:  # type: ignore[no-untyped-def]
    first, second = two_meetings(fair)
    schedule_and_publish(fair.event)
    before = published_rows(fair.event)
    drafts.drop_meeting(Meeting.objects.get(request=first, stage=Stage.DRAFT), None)
    publish_draft(fair.event, None)
    assert published_rows(fair.event) == {second.pk: before[second.pk]}


def test_fill_gives_a_freed_request_its_own_row_back(fair, officer, clock) -> None:  # type: ignore[no-untyped-def]
    first, _second = two_meetings(fair)
    schedule_and_publish(fair.event)
    row = Meeting.objects.get(request=first, stage=Stage.PUBLISHED)
    # Dewi is marked absent by mistake, then she is there after all: the filling run places
    # her meeting with Suzuki again, in the same row.
    mark_no_show(fair.dewi, officer)
    fair.dewi.no_show_at = None
    fair.dewi.save()
    freed = Meeting.objects.get(stage=Stage.PUBLISHED, request__sender=fair.dewi)
    execute_run(start_run(fair.event, officer, kind=RunKind.FILL, time_limit=3).pk)
    again = Meeting.objects.get(stage=Stage.PUBLISHED, request__sender=fair.dewi)
    assert (again.pk, again.freed_at) == (freed.pk, None)
    assert again.sequence == 1
    assert Meeting.objects.get(request=first, stage=Stage.PUBLISHED).pk == row.pk
