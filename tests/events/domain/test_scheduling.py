from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from jembatan.core.models import AuditLogEntry
from jembatan.events.domain import drafts
from jembatan.events.domain.checkin import check_in, mark_no_show
from jembatan.events.domain.requests import lock_request
from jembatan.events.domain.scheduling import (
    PublishError,
    abandoned_at,
    execute_run,
    publish_draft,
    start_run,
)
from jembatan.events.models import Meeting, RunKind, ScheduleRun, Stage
from jembatan.events.tasks import task_schedule_event
from tests.events import factories


def placements(event, stage: str = Stage.DRAFT) -> dict[int, tuple[str, int]]:  # type: ignore[no-untyped-def]
    return {
        m.request_id: (m.slot.code, m.table.number)
        for m in Meeting.objects.filter(
            event=event, stage=stage, freed_at__isnull=True
        ).select_related("slot", "table")
    }


def run(event, user=None, **kwargs) -> ScheduleRun:  # type: ignore[no-untyped-def]
    return execute_run(start_run(event, user, time_limit=3, **kwargs).pk)


def three_requests(fair):  # type: ignore[no-untyped-def]
    return (
        factories.accepted(fair.budi, fair.tanaka, 3),  # id+en / ja: needs Rina
        factories.accepted(fair.suzuki, fair.dewi, 2),  # ja+en / id: needs Rina
        factories.accepted(fair.budi, fair.suzuki, 2),  # both speak English
    )


def test_run_writes_the_draft_and_records_the_run(fair, officer) -> None:  # type: ignore[no-untyped-def]
    r1, r2, r3 = three_requests(fair)
    result = run(fair.event, officer)
    assert (result.status, result.solver_status) == ("succeeded", "optimal")
    assert (result.objective, result.upper_bound, result.meeting_count) == (7, 7, 3)
    assert (result.request_count, result.reasons, result.started_by) == (3, {}, officer)
    assert result.build_seconds is not None
    assert result.solve_seconds is not None
    meetings = Meeting.objects.filter(event=fair.event, stage=Stage.DRAFT)
    assert sorted(m.request_id for m in meetings) == [r1.pk, r2.pk, r3.pk]
    interpreters = {m.request_id: m.interpreter for m in meetings}
    assert interpreters == {r1.pk: fair.rina, r2.pk: fair.rina, r3.pk: None}
    assert drafts.draft_conflicts(fair.event) == []
    assert "jembatan.schedule_run.schedule_finished" in AuditLogEntry.objects.values_list(
        "action", flat=True
    )


def test_run_reports_why_requests_are_left_out(fair, company) -> None:  # type: ignore[no-untyped-def]
    e = fair.event
    early = factories.participant(e, company, "Andi Wijaya", ["ja"], slots=["d1-0900"])
    late = factories.participant(e, fair.suzuki.company, "Kato Ren", ["ja"], slots=["d1-1330"])
    no_slot = factories.accepted(early, late, 3)
    fair.rina.available_everywhere = False
    fair.rina.save()
    fair.rina.available_slots.set([factories.slot(e, "d1-0900")])
    factories.accepted(fair.budi, fair.tanaka, 3)
    lost = factories.accepted(fair.suzuki, fair.dewi, 1)  # also needs Rina, at d1-0900 only
    fair.budi.max_meetings = 1
    fair.budi.save()
    capped = factories.accepted(fair.budi, fair.suzuki, 1)
    result = run(e)
    assert result.reasons == {
        str(no_slot.pk): "no_common_slot",
        str(lost.pk): "no_interpreter",
        str(capped.pk): "participant_cap",
    }
    assert (result.objective, result.upper_bound) == (3, 3)


def test_failed_run_leaves_the_previous_draft_untouched(fair, officer) -> None:  # type: ignore[no-untyped-def]
    *_, r3 = three_requests(fair)
    run(fair.event)
    before = list(Meeting.objects.filter(stage=Stage.DRAFT).values_list("pk", "slot", "table"))
    lock_request(
        r3, factories.slot(fair.event, "d1-0900"), fair.event.tables.get(number=1), officer
    )
    fair.event.slots.filter(code="d1-0900").update(blocked=True)  # the lock is now invalid
    failed = run(fair.event, officer)
    assert failed.status == "failed"
    assert 'locked[0] (request "r' in failed.error
    assert "d1-0900" in failed.error
    after = list(Meeting.objects.filter(stage=Stage.DRAFT).values_list("pk", "slot", "table"))
    assert after == before


def test_rerun_keeps_every_published_meeting(fair, officer, company) -> None:  # type: ignore[no-untyped-def]
    three_requests(fair)
    run(fair.event)
    publish_draft(fair.event, officer)
    published = placements(fair.event, Stage.PUBLISHED)
    late = factories.participant(fair.event, company, "Andi Wijaya", ["ja"])
    new = factories.accepted(late, fair.tanaka, 3)
    again = run(fair.event, officer)
    draft = placements(fair.event)
    assert {k: draft[k] for k in published} == published
    assert new.pk in draft
    assert (again.moved, again.dropped) == ([], [])


def test_publish_copies_the_draft_and_refuses_conflicts(fair, officer) -> None:  # type: ignore[no-untyped-def]
    three_requests(fair)
    run(fair.event)
    first, second = Meeting.objects.filter(stage=Stage.DRAFT).select_related("slot", "table")[:2]
    drafts.move_meeting(first, second.slot, second.table, officer)
    with pytest.raises(PublishError, match="while it has") as refused:
        publish_draft(fair.event, officer)
    assert refused.value.conflicts
    assert not Meeting.objects.filter(stage=Stage.PUBLISHED).exists()
    drafts.drop_meeting(first, officer)
    assert publish_draft(fair.event, officer) == 2
    fair.event.refresh_from_db()
    assert fair.event.schedule_published_at is not None
    assert placements(fair.event, Stage.PUBLISHED) == placements(fair.event)
    assert AuditLogEntry.objects.filter(action="jembatan.event.published").count() == 1


def test_draft_edits_list_every_conflict_with_names(fair, officer) -> None:  # type: ignore[no-untyped-def]
    r1, r2, r3 = three_requests(fair)
    run(fair.event)
    m1 = Meeting.objects.get(request=r1, stage=Stage.DRAFT)
    m3 = Meeting.objects.get(request=r3, stage=Stage.DRAFT)
    conflicts = drafts.move_meeting(m3, m1.slot, m1.table, officer)
    code, table = drafts.slot_time(m1.slot, fair.event), m1.table.number
    where = f"({code}, table {table})"
    tanaka, suzuki = f"Budi Santoso – Tanaka Hiroshi {where}", f"Budi Santoso – Suzuki Yuki {where}"
    # Which of the two comes first in the draft depends on the rows' order.
    first, second = (suzuki, tanaka) if conflicts[0].startswith(suzuki) else (tanaka, suzuki)
    assert conflicts == [
        f"{first}: table {table} in slot {code} already holds {second}",
        f"{first}: participant Budi Santoso (PT Karton Jaya Abadi) already meets in slot "
        f"{code} ({second})",
    ]
    assert len(conflicts) == 2
    assert drafts.drop_meeting(m3, officer) == []
    m2 = Meeting.objects.get(request=r2, stage=Stage.DRAFT)
    slots = (m1.slot.code, m2.slot.code)
    assert drafts.swap_meetings(m1, m2, officer) == []
    m1.refresh_from_db()
    m2.refresh_from_db()
    assert (m2.slot.code, m1.slot.code) == slots


def test_draft_move_of_a_locked_meeting_is_a_conflict(fair, officer) -> None:  # type: ignore[no-untyped-def]
    *_, r3 = three_requests(fair)
    lock_request(
        r3, factories.slot(fair.event, "d1-1300"), fair.event.tables.get(number=2), officer
    )
    run(fair.event)
    m3 = Meeting.objects.get(request=r3, stage=Stage.DRAFT)
    assert (m3.slot.code, m3.table.number) == ("d1-1300", 2)
    used = set(Meeting.objects.filter(slot=m3.slot).values_list("table__number", flat=True))
    free = fair.event.tables.exclude(number__in=used).first()
    conflicts = drafts.move_meeting(m3, m3.slot, free, officer)
    when = drafts.slot_time(m3.slot, fair.event)
    assert conflicts == [
        f"locked[0] (request Budi Santoso – Suzuki Yuki): not kept at slot {when} table 2"
    ]


def test_no_show_frees_meetings_and_fill_places_waiting_requests(fair, officer, clock) -> None:  # type: ignore[no-untyped-def]
    e = fair.event
    _, r2, _ = three_requests(fair)
    lock_request(r2, factories.slot(e, "d1-1000"), e.tables.get(number=1), officer)
    kato = factories.participant(e, fair.budi.company, "Kato Ren", ["ja"], slots=["d1-1000"])
    waiting = factories.accepted(kato, fair.suzuki, 1)  # Suzuki is busy at d1-1000
    first = run(e)
    assert first.status == "succeeded"
    assert waiting.pk not in placements(e)
    publish_draft(e, officer)
    kept = {k: v for k, v in placements(e, Stage.PUBLISHED).items() if k != r2.pk}
    check_in(fair.suzuki, officer)
    assert mark_no_show(fair.dewi, officer) == 1  # published meetings (the draft's copy too)
    filled = execute_run(start_run(e, officer, kind=RunKind.FILL, time_limit=3).pk)
    assert (filled.status, filled.meeting_count) == ("succeeded", 1)
    after = placements(e, Stage.PUBLISHED)
    assert after == {**kept, waiting.pk: ("d1-1000", after[waiting.pk][1])}
    assert placements(e) == after  # the draft follows
    assert Meeting.objects.filter(request=r2, stage=Stage.PUBLISHED).get().freed_at is not None


def test_task_schedule_event_runs_inline(fair) -> None:  # type: ignore[no-untyped-def]
    three_requests(fair)
    assert task_schedule_event.delay(fair.event.pk).get() == "succeeded"
    assert ScheduleRun.objects.get().meeting_count == 3
    run_ = ScheduleRun.objects.get()
    assert execute_run(run_.pk).pk == run_.pk  # a finished run is not run again


def left_running(event, seconds_ago: float) -> ScheduleRun:  # type: ignore[no-untyped-def]
    """A run a worker took ``seconds_ago`` and then vanished from (killed half-way)."""
    run_ = start_run(event, None, time_limit=3)
    started = timezone.now() - dt.timedelta(seconds=seconds_ago)
    ScheduleRun.objects.filter(pk=run_.pk).update(status="running", started_at=started)
    return ScheduleRun.objects.get(pk=run_.pk)


def test_a_run_abandoned_past_its_time_limit_and_the_grace_is_taken_over(fair, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_SCHEDULER_RUN_GRACE = 10
    three_requests(fair)
    dead = left_running(fair.event, 14)  # 3 s limit + 10 s grace ago, and one more
    assert dead.started_at is not None
    assert abandoned_at(dead) == dead.started_at + dt.timedelta(seconds=13)
    done = execute_run(dead.pk)
    assert (done.status, done.meeting_count) == ("succeeded", 3)
    assert done.started_at is not None
    assert done.started_at > dead.started_at
    assert Meeting.objects.filter(event=fair.event, stage=Stage.DRAFT).count() == 3
    actions = list(AuditLogEntry.objects.values_list("action", flat=True))
    assert actions.count("jembatan.schedule_run.taken_over") == 1
    assert actions.count("jembatan.schedule_run.schedule_finished") == 1
    assert abandoned_at(done) is None


def test_a_run_still_within_its_time_limit_and_the_grace_is_left_alone(fair, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_SCHEDULER_RUN_GRACE = 10
    three_requests(fair)
    alive = left_running(fair.event, 12)
    seen = execute_run(alive.pk)
    assert (seen.status, seen.started_at) == ("running", alive.started_at)
    assert not Meeting.objects.filter(event=fair.event).exists()
    # Inline (no broker) the task answers "running" rather than waiting for the run.
    assert task_schedule_event.delay(fair.event.pk, alive.pk).get() == "running"


def test_command_schedule_and_solve(fair, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    three_requests(fair)
    call_command("events", "schedule", str(fair.event.pk), "--time-limit", "3")
    assert "3 meetings of 3 accepted requests, objective 7 of at most 7" in capsys.readouterr().out
    source = tmp_path / "instance.json"
    target = tmp_path / "schedule.json"
    from jembatan.events.domain.instances import build_event_data

    source.write_text(json.dumps(build_event_data(fair.event).data))
    call_command(
        "events", "solve", "--input", str(source), "--output", str(target), "--time-limit", "2"
    )
    assert json.loads(target.read_text())["objective"] == 7
    source.write_text(json.dumps({"slots": []}))
    with pytest.raises(CommandError, match="not written"):
        call_command(
            "events", "solve", "--input", str(source), "--output", str(tmp_path / "x.json")
        )
    assert not (tmp_path / "x.json").exists()
    with pytest.raises(CommandError, match="no event with id 999"):
        call_command("events", "schedule", "999")


def test_draft_conflicts_name_the_slot_by_its_time_not_its_code(fair, officer) -> None:  # type: ignore[no-untyped-def]
    three_requests(fair)
    run(fair.event, officer)
    first, second = Meeting.objects.filter(event=fair.event, stage=Stage.DRAFT)[:2]
    with translation.override("en"):
        conflicts = drafts.move_meeting(first, second.slot, second.table, officer)
    assert conflicts
    starts = timezone.localtime(second.slot.starts_at, fair.event.zone)
    assert any(starts.strftime("%H:%M") in message for message in conflicts)
    assert not any("d1-" in message for message in conflicts)
