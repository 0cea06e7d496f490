"""On the day: check-in only on the event's days, a confirmed no-show, ratings once a
meeting is over. The `clock` fixture sets what "now" is."""

from __future__ import annotations

import pytest

from jembatan.core.models import AuditLogEntry
from jembatan.events.domain.checkin import (
    CheckinError,
    FreedCountChangedError,
    check_in,
    mark_no_show,
    meetings_freed_by_no_show,
)
from jembatan.events.domain.feedback import RatingError, rate_meeting
from jembatan.events.domain.scheduling import execute_run, publish_draft, start_run
from jembatan.events.models import Meeting, MeetingRating, Stage
from tests.events import factories


def publish(fair, *pairs):  # type: ignore[no-untyped-def]
    for sender, receiver in pairs:
        factories.accepted(sender, receiver)
    execute_run(start_run(fair.event, None, time_limit=3).pk)
    publish_draft(fair.event, None)


def messages_of(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(m) for m in response.context["messages"]]


# Check-in on the event's days only


def test_check_in_refused_before_the_event_day(fair, officer, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set("2026-01-20 10:00")  # seven weeks before
    with pytest.raises(CheckinError, match=r"^Check-in is open on the event's days only \("):
        check_in(fair.budi, officer)
    with pytest.raises(CheckinError, match="event's days only"):
        mark_no_show(fair.budi, officer)
    fair.budi.refresh_from_db()
    assert (fair.budi.checked_in_at, fair.budi.no_show_at) == (None, None)


def test_check_in_on_the_event_day_in_the_event_zone(fair, officer, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set("2026-03-10 00:30")  # just after midnight in Jakarta: still 9 March in UTC
    check_in(fair.budi, officer)
    fair.budi.refresh_from_db()
    assert fair.budi.checked_in_at == clock.now
    clock.set("2026-03-11 00:30")
    with pytest.raises(CheckinError, match="event's days only"):
        check_in(fair.dewi, officer)


def test_check_in_outside_the_days_when_an_officer_says_so(fair, officer, member, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set("2026-03-09 16:00")
    check_in(fair.budi, officer, outside_event_days=True)
    entry = AuditLogEntry.objects.get(action="jembatan.participant.checked_in")
    assert entry.data == {"outside_event_days": True}
    with pytest.raises(CheckinError, match="Only programme officers"):
        check_in(fair.dewi, member, outside_event_days=True)


# A no-show, counted and confirmed


def test_no_show_counts_published_meetings_only(fair, officer, clock) -> None:  # type: ignore[no-untyped-def]
    publish(fair, (fair.budi, fair.suzuki), (fair.dewi, fair.suzuki))
    assert Meeting.objects.filter(stage=Stage.DRAFT).count() == 2  # copies, not counted
    assert meetings_freed_by_no_show(fair.suzuki) == 2
    assert mark_no_show(fair.suzuki, officer, expected=2) == 2
    assert Meeting.objects.filter(freed_at=clock.now).count() == 4  # draft copies freed too
    assert meetings_freed_by_no_show(fair.suzuki) == 0


def test_no_show_refused_when_the_count_shown_is_stale(fair, officer, clock) -> None:  # type: ignore[no-untyped-def]
    publish(fair, (fair.budi, fair.suzuki))
    with pytest.raises(FreedCountChangedError, match="now frees 1 meeting") as caught:
        mark_no_show(fair.suzuki, officer, expected=0)
    assert caught.value.count == 1
    assert Meeting.objects.filter(freed_at__isnull=False).count() == 0
    fair.suzuki.refresh_from_db()
    assert fair.suzuki.no_show_at is None


def test_no_show_page_asks_first_and_says_how_many_meetings(fair, as_user, clock) -> None:  # type: ignore[no-untyped-def]
    publish(fair, (fair.budi, fair.suzuki), (fair.dewi, fair.suzuki))
    client = as_user("officer")
    url = f"/events/{fair.event.pk}/checkin/{fair.suzuki.pk}/absent/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Mark Suzuki Yuki as a no-show?" in html
    assert "This frees 2 published meetings." in html
    assert '<input type="hidden" name="expected" value="2">' in html
    assert sorted(line.partner.name for line in page.context["agenda"]) == [
        "Budi Santoso",
        "Dewi Lestari",
    ]
    # A POST without the confirmed number only shows the question again.
    again = client.post(url)
    assert (again.status_code, again.context["freed"]) == (200, 2)
    assert Meeting.objects.filter(freed_at__isnull=False).count() == 0
    done = client.post(url, {"expected": "2"}, follow=True)
    assert messages_of(done)[-1] == "Suzuki Yuki did not come: 2 meetings are freed."
    assert Meeting.objects.filter(stage=Stage.PUBLISHED, freed_at__isnull=True).count() == 0


def test_check_in_page_offers_no_buttons_before_the_event(fair, as_user, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set("2026-01-20 10:00")
    client = as_user("officer")
    html = client.get(f"/events/{fair.event.pk}/checkin/").content.decode()
    assert "Check-in is open on the event's days" in html
    assert "The event's days: Tue 10 Mar 2026." in html
    assert f"/checkin/{fair.budi.pk}/present/" not in html
    response = client.post(f"/events/{fair.event.pk}/checkin/{fair.budi.pk}/present/", follow=True)
    assert messages_of(response)[-1] == (
        "Check-in is open on the event's days only (Tue 10 Mar 2026)."
    )
    anyway = client.get(f"/events/{fair.event.pk}/checkin/?any_day=1").content.decode()
    assert f"/checkin/{fair.budi.pk}/present/" in anyway
    assert '<input type="hidden" name="any_day" value="1">' in anyway
    response = client.post(
        f"/events/{fair.event.pk}/checkin/{fair.budi.pk}/present/", {"any_day": "1"}, follow=True
    )
    assert messages_of(response)[-1] == "Budi Santoso is checked in."


def test_check_in_page_on_the_day_offers_the_buttons(fair, as_user, clock) -> None:  # type: ignore[no-untyped-def]
    html = as_user("officer").get(f"/events/{fair.event.pk}/checkin/").content.decode()
    assert f"/checkin/{fair.budi.pk}/present/" in html
    assert f'href="/events/{fair.event.pk}/checkin/{fair.budi.pk}/absent/"' in html
    assert "Check-in is open on the event's days" not in html


# Ratings once the meeting is over


def budi_meeting(fair) -> Meeting:  # type: ignore[no-untyped-def]
    publish(fair, (fair.budi, fair.suzuki))
    return Meeting.objects.select_related("slot").get(stage=Stage.PUBLISHED)


def rate(meeting: Meeting, participant, user) -> MeetingRating:  # type: ignore[no-untyped-def]
    return rate_meeting(
        meeting,
        participant,
        happened=True,
        usefulness=4,
        next_step=False,
        next_step_text="",
        user=user,
    )


def test_rating_refused_before_the_meeting_ends(fair, member, clock) -> None:  # type: ignore[no-untyped-def]
    meeting = budi_meeting(fair)
    clock.now = meeting.slot.ends_at - (meeting.slot.ends_at - meeting.slot.starts_at) / 2
    with pytest.raises(RatingError, match="can be rated once it is over, after Tue 10 Mar 2026"):
        rate(meeting, fair.budi, member)
    clock.now = meeting.slot.ends_at
    assert rate(meeting, fair.budi, member).usefulness == 4


def test_rating_link_shown_only_after_the_meeting(fair, as_user, clock) -> None:  # type: ignore[no-untyped-def]
    meeting = budi_meeting(fair)
    client = as_user("member")
    page = f"/events/{fair.event.pk}/participants/{fair.budi.pk}/"
    rate_url = f"{page}meetings/{meeting.pk}/rate/"
    assert rate_url not in client.get(page).content.decode()
    response = client.get(rate_url, follow=True)
    assert response.redirect_chain == [(page, 302)]
    assert messages_of(response)[-1].startswith("This meeting can be rated once it is over")
    clock.now = meeting.slot.ends_at
    assert rate_url in client.get(page).content.decode()
    assert client.get(rate_url).status_code == 200
