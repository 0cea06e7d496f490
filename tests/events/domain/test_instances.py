from __future__ import annotations

import pytest

from jembatan.events.domain.instances import build_event_data
from jembatan.events.domain.requests import block_slot, lock_request
from jembatan.events.domain.scheduler import InstanceError
from jembatan.events.models import RequestStatus
from tests.events import factories


def test_build_event_data_from_the_database(fair, company) -> None:  # type: ignore[no-untyped-def]
    e, b, t, s, d = fair.event, fair.budi, fair.tanaka, fair.suzuki, fair.dewi
    colleague = factories.participant(
        e, company, "Andi Wijaya", ["id"], slots=["d1-0900", "d1-1300"], max_meetings=2
    )
    factories.interpreter(e, "Kenji Mori", ["ja", "en"], slots=["d1-1000", "d1-1330"])
    r1 = factories.accepted(b, t, 3)
    r2 = factories.accepted(s, d, 1)
    r3 = factories.accepted(colleague, s, 2)
    pending = factories.accepted(d, t)
    pending.status = RequestStatus.PENDING
    pending.save()
    lock_request(r2, factories.slot(e, "d1-1300"), e.tables.get(number=3), None)
    block_slot(factories.slot(e, "d1-0900"), True, None)
    rina, kenji = e.interpreters.order_by("id")
    data = build_event_data(e).data
    assert data == {
        "slots": ["d1-0930", "d1-1000", "d1-1300", "d1-1330"],
        "tables": 3,
        "participants": [
            {"id": f"p{b.pk}", "languages": ["en", "id"]},
            {"id": f"p{t.pk}", "languages": ["ja"]},
            {"id": f"p{s.pk}", "languages": ["en", "ja"]},
            {"id": f"p{d.pk}", "languages": ["id"]},
            {
                "id": f"p{colleague.pk}",
                "languages": ["id"],
                "available": ["d1-1300"],  # d1-0900 is blocked
                "max_meetings": 2,
            },
        ],
        "interpreters": [
            {
                "id": f"i{rina.pk}",
                "languages": ["id", "ja"],
                "available": ["d1-0930", "d1-1000", "d1-1300", "d1-1330"],
            },
            {"id": f"i{kenji.pk}", "languages": ["en", "ja"], "available": ["d1-1000", "d1-1330"]},
        ],
        "requests": [
            {"id": f"r{r1.pk}", "a": f"p{b.pk}", "b": f"p{t.pk}", "priority": 3},
            {"id": f"r{r2.pk}", "a": f"p{s.pk}", "b": f"p{d.pk}", "priority": 1},
            {"id": f"r{r3.pk}", "a": f"p{colleague.pk}", "b": f"p{s.pk}", "priority": 2},
        ],
        "locked": [{"request": f"r{r2.pk}", "slot": "d1-1300", "table": 3}],
    }
    instance = build_event_data(e).parse()
    assert instance.needs_interpreter(instance.request(f"r{r1.pk}")) is True


def test_build_event_data_no_show_is_available_nowhere(fair) -> None:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    fair.dewi.no_show_at = timezone.now()
    fair.dewi.save()
    participants = build_event_data(fair.event).data["participants"]
    assert participants[3] == {"id": f"p{fair.dewi.pk}", "languages": ["id"], "available": []}


def test_build_event_data_lock_in_a_blocked_slot_is_invalid(fair) -> None:  # type: ignore[no-untyped-def]
    request = factories.accepted(fair.suzuki, fair.dewi)
    lock_request(
        request, factories.slot(fair.event, "d1-1000"), fair.event.tables.get(number=1), None
    )
    fair.event.slots.filter(code="d1-1000").update(blocked=True)
    with pytest.raises(InstanceError, match="d1-1000"):
        build_event_data(fair.event).parse()
