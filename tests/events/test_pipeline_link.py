"""Events feeding the pipeline: a held meeting moves the pair's introduction to "met"; a pair
that both rated the meeting worth continuing is offered an introduction."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from jembatan.engagement.models import Introduction
from jembatan.events.domain.feedback import rate_meeting
from jembatan.events.domain.pipeline import accept_offer, decline_offer, sync_held_meetings
from jembatan.events.models import (
    EventIntroduction,
    IntroductionOffer,
    Meeting,
    Participant,
    Stage,
    Table,
)
from jembatan.notifications.models import Notification
from tests.engagement.agreements.conftest import make_introduction
from tests.events import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(company: Any, other_company: Any) -> Meeting:
    event = factories.scheduled_event()
    table = Table.objects.get(event=event, number=1)
    budi = factories.participant(event, company, "Budi Santoso", ["id", "en"])
    tanaka = factories.participant(event, other_company, "Tanaka Ken", ["ja", "en"])
    request = factories.accepted(budi, tanaka)
    return Meeting.objects.create(
        event=event,
        request=request,
        stage=Stage.PUBLISHED,
        slot=factories.slot(event, "d1-0900"),
        table=table,
    )


def check_in(*participants: Participant) -> None:
    for person in participants:
        Participant.objects.filter(pk=person.pk).update(checked_in_at=timezone.now())


def test_a_held_meeting_moves_the_introduction_to_met(
    meeting: Meeting, company: Any, other_company: Any
) -> None:
    introduction = make_introduction(
        other_company, company, now=timezone.now() - dt.timedelta(days=200)
    )
    check_in(meeting.request.sender, meeting.request.receiver)
    assert sync_held_meetings() == (1, 0)
    introduction.refresh_from_db()
    assert introduction.stage == "met"
    change = introduction.stage_changes.last()
    assert change is not None
    assert (change.to_stage, change.changed_by, change.reason) == (
        "met",
        None,
        "Met at Temu Bisnis Indonesia–Jepang 2026",
    )
    assert EventIntroduction.objects.get().kind == "met"
    assert sync_held_meetings() == (0, 0)


def test_a_no_show_or_a_missing_check_in_moves_nothing(
    meeting: Meeting, company: Any, other_company: Any
) -> None:
    introduction = make_introduction(other_company, company)
    check_in(meeting.request.sender)
    assert sync_held_meetings() == (0, 0)
    Participant.objects.filter(pk=meeting.request.receiver_id).update(no_show_at=timezone.now())
    check_in(meeting.request.receiver)
    assert sync_held_meetings() == (0, 0)
    introduction.refresh_from_db()
    assert introduction.stage == "introduced"


def test_a_freed_or_future_meeting_moves_nothing(
    meeting: Meeting, company: Any, other_company: Any
) -> None:
    make_introduction(other_company, company)
    check_in(meeting.request.sender, meeting.request.receiver)
    before = meeting.slot.ends_at - dt.timedelta(minutes=1)
    assert sync_held_meetings(now=before) == (0, 0)
    Meeting.objects.filter(pk=meeting.pk).update(freed_at=timezone.now())
    assert sync_held_meetings() == (0, 0)


def rate(meeting: Meeting, participant: Participant, worth: bool | None, user: Any) -> None:
    rate_meeting(
        meeting,
        participant,
        happened=True,
        usefulness=4,
        next_step=False,
        next_step_text="",
        user=user,
        worth_continuing=worth,
    )


def test_both_worth_continuing_offers_an_introduction_both_accept(
    meeting: Meeting, member: Any, outsider: Any, teammate: Any, viewer: Any
) -> None:
    check_in(meeting.request.sender, meeting.request.receiver)
    rate(meeting, meeting.request.sender, True, member)
    assert IntroductionOffer.objects.count() == 0
    rate(meeting, meeting.request.receiver, True, outsider)
    offer = IntroductionOffer.objects.get()
    assert sorted(
        Notification.objects.filter(kind="events.introduction_offered").values_list(
            "recipient__username", flat=True
        )
    ) == ["member", "outsider", "teammate"]
    with pytest.raises(PermissionDenied):
        accept_offer(viewer, offer)
    accept_offer(member, offer)
    assert Introduction.objects.count() == 0
    offer = accept_offer(outsider, offer)
    introduction = Introduction.objects.get()
    assert offer.introduction == introduction
    assert introduction.interest is None
    assert introduction.stage == "met"
    assert {introduction.company_a, introduction.company_b} == {
        meeting.request.sender.company,
        meeting.request.receiver.company,
    }
    assert EventIntroduction.objects.get().kind == "offered"


def test_one_no_means_no_offer(meeting: Meeting, member: Any, outsider: Any) -> None:
    check_in(meeting.request.sender, meeting.request.receiver)
    rate(meeting, meeting.request.sender, True, member)
    rate(meeting, meeting.request.receiver, False, outsider)
    assert IntroductionOffer.objects.count() == 0


def test_a_declined_offer_opens_nothing(meeting: Meeting, member: Any, outsider: Any) -> None:
    check_in(meeting.request.sender, meeting.request.receiver)
    rate(meeting, meeting.request.sender, True, member)
    rate(meeting, meeting.request.receiver, True, outsider)
    offer = decline_offer(member, IntroductionOffer.objects.get())
    assert offer.declined_at is not None
    assert Introduction.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("member", 200),
        ("teammate", 200),
        ("outsider", 200),
        ("officer", 200),
        ("viewer", 404),
        ("anonymous", 302),
    ],
)
def test_offer_page_by_role(
    meeting: Meeting, member: Any, outsider: Any, as_user: Any, role: str, status: int
) -> None:
    check_in(meeting.request.sender, meeting.request.receiver)
    rate(meeting, meeting.request.sender, True, member)
    rate(meeting, meeting.request.receiver, True, outsider)
    offer = IntroductionOffer.objects.get()
    assert as_user(role).get(f"/events/offers/{offer.pk}/").status_code == status


def test_rating_form_asks_worth_continuing(meeting: Meeting, member: Any, as_user: Any) -> None:
    participant = meeting.request.sender
    url = f"/events/{meeting.event_id}/participants/{participant.pk}/meetings/{meeting.pk}/rate/"
    page = as_user("member").get(url)
    assert page.status_code == 200
    assert 'name="worth_continuing"' in page.content.decode()


def test_both_accept_on_the_offer_page(
    meeting: Meeting, member: Any, outsider: Any, as_user: Any
) -> None:
    check_in(meeting.request.sender, meeting.request.receiver)
    rate(meeting, meeting.request.sender, True, member)
    rate(meeting, meeting.request.receiver, True, outsider)
    offer = IntroductionOffer.objects.get()
    url = f"/events/offers/{offer.pk}/"
    first = as_user("member").post(url, {"answer": "accept"})
    assert (first.status_code, first["Location"]) == (302, url)
    # An officer sees the offer but answers for no company: nothing changes.
    as_user("officer").post(url, {"answer": "accept"})
    second = as_user("outsider").post(url, {"answer": "accept"})
    introduction = Introduction.objects.get()
    assert second["Location"] == f"/interests/introductions/{introduction.pk}/"
