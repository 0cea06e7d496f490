from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from jembatan.core.models import AuditLogEntry
from jembatan.events.domain.requests import (
    RequestError,
    add_request,
    answer_request,
    block_slot,
    lock_request,
    send_request,
    window_problem,
)
from jembatan.events.models import MeetingRequest, RequestStatus
from tests.events import factories


def actions() -> list[str]:
    return list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True))


def test_send_request_waits_for_an_answer(fair, member) -> None:  # type: ignore[no-untyped-def]
    request = send_request(fair.budi, fair.tanaka, 3, "Kami memproduksi kemasan karton.", member)
    assert (request.status, request.priority, request.created_by) == ("pending", 3, member)
    assert actions() == ["jembatan.meeting_request.sent"]


def test_send_request_auto_accepted_when_the_event_says_so(fair, member) -> None:  # type: ignore[no-untyped-def]
    fair.event.auto_accept = True
    fair.event.save()
    request = send_request(fair.budi, fair.tanaka, 1, "", member)
    assert request.status == RequestStatus.ACCEPTED
    assert request.answered_at is not None
    assert actions() == ["jembatan.meeting_request.sent", "jembatan.meeting_request.accepted"]


def test_answer_request_accept_then_answer_again_refused(fair, outsider) -> None:  # type: ignore[no-untyped-def]
    request = send_request(fair.budi, fair.tanaka, 2, "", None)
    answer_request(request, True, outsider)
    request.refresh_from_db()
    assert request.status == "accepted"
    with pytest.raises(RequestError, match="already answered: Accepted"):
        answer_request(request, False, outsider)
    assert actions()[-1] == "jembatan.meeting_request.accepted"


def test_answer_request_decline(fair, outsider) -> None:  # type: ignore[no-untyped-def]
    request = send_request(fair.budi, fair.tanaka, 2, "", None)
    answer_request(request, False, outsider)
    request.refresh_from_db()
    assert request.status == "declined"
    assert actions()[-1] == "jembatan.meeting_request.declined"


def test_send_request_same_company_or_twice_refused(fair, company) -> None:  # type: ignore[no-untyped-def]
    colleague = factories.participant(fair.event, company, "Andi Wijaya", ["id"])
    with pytest.raises(RequestError, match="same company"):
        send_request(fair.budi, colleague, 2, "", None)
    send_request(fair.budi, fair.tanaka, 2, "", None)
    with pytest.raises(RequestError, match="Budi Santoso has already asked to meet Tanaka Hiroshi"):
        send_request(fair.budi, fair.tanaka, 3, "", None)
    assert MeetingRequest.objects.count() == 1


def test_add_request_by_organiser_is_accepted(fair, officer) -> None:  # type: ignore[no-untyped-def]
    request = add_request(fair.suzuki, fair.dewi, 3, officer)
    assert (request.status, request.added_by_organiser) == ("accepted", True)
    assert actions() == ["jembatan.meeting_request.added"]


def test_lock_request_needs_acceptance_and_an_open_slot(fair, officer) -> None:  # type: ignore[no-untyped-def]
    pending = send_request(fair.budi, fair.tanaka, 2, "", None)
    slot = factories.slot(fair.event, "d1-0930")
    table = fair.event.tables.get(number=2)
    with pytest.raises(RequestError, match="Only an accepted request"):
        lock_request(pending, slot, table, officer)
    request = factories.accepted(fair.suzuki, fair.dewi)
    block_slot(slot, True, officer)
    with pytest.raises(RequestError, match="Slot d1-0930 is blocked"):
        lock_request(request, slot, table, officer)
    block_slot(slot, False, officer)
    lock_request(request, slot, table, officer)
    request.refresh_from_db()
    assert (request.lock_slot.code, request.lock_table.number) == ("d1-0930", 2)
    with pytest.raises(RequestError, match="both a slot and a table"):
        lock_request(request, slot, None, officer)
    assert actions()[-3:] == [
        "jembatan.slot.blocked",
        "jembatan.slot.unblocked",
        "jembatan.meeting_request.locked",
    ]


def test_send_request_outside_the_request_window_refused(fair) -> None:  # type: ignore[no-untyped-def]
    fair.event.requests_close = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    fair.event.save()
    with pytest.raises(
        RequestError, match=r"Meeting requests: This closed on 2026-03-01 07:00 \(Asia/Jakarta\)"
    ):
        send_request(fair.budi, fair.tanaka, 2, "", None)


def test_window_problem_open_closed_and_unbounded() -> None:
    opens = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    closes = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    assert window_problem(opens, closes, dt.datetime(2026, 2, 15, tzinfo=dt.UTC), tokyo) == ""
    assert window_problem(opens, closes, dt.datetime(2026, 1, 15, tzinfo=dt.UTC), tokyo) == (
        "This opens on 2026-02-01 09:00 (Asia/Tokyo)."
    )
    assert window_problem(None, None, closes, tokyo) == ""
