"""The participant's event-day page: the next meeting (time in the event's zone, table,
partner, interpreter), then the rest of the day; only the participant's own meetings."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.events.domain.event_day import event_day
from jembatan.events.models import Meeting, Stage
from tests.events import factories

pytestmark = pytest.mark.django_db
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


def at(local: str, day: str = "2026-03-10") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day} {local}").replace(tzinfo=JAKARTA)


def _published(fair, sender, receiver, code: str, table: int = 1, **kwargs) -> Meeting:  # type: ignore[no-untyped-def]
    return Meeting.objects.create(
        event=fair.event,
        request=factories.accepted(sender, receiver),
        stage=Stage.PUBLISHED,
        slot=factories.slot(fair.event, code),
        table=fair.event.tables.get(number=table),
        **kwargs,
    )


def _three(fair) -> list[Meeting]:  # type: ignore[no-untyped-def]
    return [
        _published(fair, fair.budi, fair.tanaka, "d1-0900", 2, interpreter=fair.rina),
        _published(fair, fair.budi, fair.suzuki, "d1-1000", 1),
        _published(fair, fair.dewi, fair.budi, "d1-1300", 3),
    ]


def _url(fair, participant=None) -> str:  # type: ignore[no-untyped-def]
    return f"/events/{fair.event.pk}/participants/{(participant or fair.budi).pk}/day/"


def test_event_day_before_the_first_meeting(fair) -> None:  # type: ignore[no-untyped-def]
    _three(fair)
    day = event_day(fair.budi, at("08:00"))
    assert day.day == dt.date(2026, 3, 10)
    assert day.current is None
    assert day.next is not None
    assert (day.next.starts.strftime("%H:%M"), day.next.table, day.next.interpreter) == (
        "09:00",
        "Table 2",
        "Rina Wijaya",
    )
    assert day.next.partner == fair.tanaka
    assert [line.partner for line in day.later] == [fair.suzuki, fair.dewi]
    assert day.earlier == []


def test_event_day_during_a_meeting(fair) -> None:  # type: ignore[no-untyped-def]
    _three(fair)
    day = event_day(fair.budi, at("10:10"))
    assert day.current is not None
    assert day.current.partner == fair.suzuki
    assert day.next is not None
    assert day.next.partner == fair.dewi
    assert day.later == []
    assert [line.partner for line in day.earlier] == [fair.tanaka]


def test_event_day_after_the_last_meeting_and_before_the_event(fair) -> None:  # type: ignore[no-untyped-def]
    _three(fair)
    after = event_day(fair.budi, at("14:00"))
    assert (after.day, after.current, after.next) == (dt.date(2026, 3, 10), None, None)
    assert len(after.earlier) == 3
    assert event_day(fair.budi, at("08:00", "2026-03-11")).day is None
    before = event_day(fair.budi, at("20:00", "2026-03-08"))
    assert before.day == dt.date(2026, 3, 10)
    assert before.next is not None
    assert before.next.partner == fair.tanaka


def test_event_day_page_shows_the_next_meeting(fair, as_user, clock) -> None:  # type: ignore[no-untyped-def]
    _three(fair)
    clock.set("2026-03-10 08:30")
    response = as_user("member").get(_url(fair))
    assert response.status_code == 200
    html = response.content.decode()
    next_card = html.split('id="next-title"')[1].split("</section>")[0]
    assert "09:00" in next_card
    assert "Table 2" in next_card
    assert "Tanaka Hiroshi" in next_card
    assert "Akashi Seimitsu" in next_card
    assert "Interpreter: Rina Wijaya" in next_card
    later = html.split('id="later-title"')[1]
    assert later.index("Suzuki Yuki") < later.index("Dewi Lestari")
    assert "times in Asia/Jakarta" in html


def test_event_day_page_in_japanese(fair, as_user, clock, member) -> None:  # type: ignore[no-untyped-def]
    _three(fair)
    clock.set("2026-03-10 08:30")
    member.language = "ja"  # the page opens in the user's language
    member.save()
    html = as_user("member").get(_url(fair)).content.decode()
    assert "次の商談" in html
    assert "通訳者：Rina Wijaya" in html
    assert "時刻はAsia/Jakartaで表示" in html


def test_event_day_page_only_the_participants_own_meetings(fair, company, as_user, clock) -> None:  # type: ignore[no-untyped-def]
    andi = factories.participant(fair.event, company, "Andi Wijaya", ["id"])
    _published(fair, fair.budi, fair.tanaka, "d1-0900", 2)
    _published(fair, andi, fair.suzuki, "d1-1000", 1)
    # A request to the company that Andi attends for Budi is Andi's meeting, not Budi's.
    _published(fair, fair.dewi, fair.budi, "d1-1300", 3, receiver_attendee=andi)
    clock.set("2026-03-10 08:30")
    budi = as_user("member").get(_url(fair)).content.decode()
    assert "Tanaka Hiroshi" in budi
    assert "Suzuki Yuki" not in budi
    assert "Dewi Lestari" not in budi
    teammate = as_user("teammate").get(_url(fair, andi)).content.decode()
    assert "Suzuki Yuki" in teammate
    assert "Dewi Lestari" in teammate
    assert "Tanaka Hiroshi" not in teammate


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("member", 200),
        ("teammate", 200),
        ("officer", 200),
        ("outsider", 404),
        ("viewer", 404),
        ("anonymous", 302),
    ],
)
def test_event_day_page_who_may_open_it(fair, as_user, role: str, status: int) -> None:  # type: ignore[no-untyped-def]
    _published(fair, fair.budi, fair.tanaka, "d1-0900", 2)
    response = as_user(role).get(_url(fair))
    assert response.status_code == status
    if role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
    if status != 200:
        assert b"Tanaka Hiroshi" not in response.content


def _count(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_event_day_page_queries_do_not_grow(
    fair, as_user, clock, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    clock.set("2026-03-10 08:30")
    client = as_user("member")
    _published(fair, fair.budi, fair.tanaka, "d1-0900", 2, interpreter=fair.rina)
    one = _count(client, _url(fair))
    _published(fair, fair.budi, fair.suzuki, "d1-1000", 1)
    _published(fair, fair.dewi, fair.budi, "d1-1300", 3)
    with django_assert_num_queries(one):
        response = client.get(_url(fair))
    day = response.context["day"]
    assert [day.next.partner.name] + [line.partner.name for line in day.later] == [
        "Tanaka Hiroshi",
        "Suzuki Yuki",
        "Dewi Lestari",
    ]
