from __future__ import annotations

import pytest

from jembatan.events.domain.feedback import RatingError, rate_meeting
from jembatan.events.models import FollowUp, Meeting, MeetingRating, MeetingRequest, Stage
from tests.events import factories


def meeting(fair, stage: str = Stage.PUBLISHED) -> Meeting:  # type: ignore[no-untyped-def]
    request = MeetingRequest.objects.filter(
        sender=fair.budi, receiver=fair.suzuki
    ).first() or factories.accepted(fair.budi, fair.suzuki)
    return Meeting.objects.create(
        event=fair.event,
        request=request,
        stage=stage,
        slot=factories.slot(fair.event, "d1-0900"),
        table=fair.event.tables.get(number=1),
    )


def test_rating_with_a_next_step_records_a_follow_up(fair, member) -> None:  # type: ignore[no-untyped-def]
    m = meeting(fair)
    rating = rate_meeting(
        m,
        fair.budi,
        happened=True,
        usefulness=5,
        next_step=True,
        next_step_text="Kirim sampel karton ke Toyohashi bulan April.",
        user=member,
    )
    assert (rating.usefulness, rating.next_step) == (5, True)
    follow_up = FollowUp.objects.get()
    assert (follow_up.meeting, follow_up.text) == (
        m,
        "Kirim sampel karton ke Toyohashi bulan April.",
    )
    rate_meeting(
        m, fair.budi, happened=True, usefulness=3, next_step=False, next_step_text="", user=member
    )
    assert MeetingRating.objects.get().usefulness == 3
    assert FollowUp.objects.count() == 0


def test_rating_of_a_meeting_that_did_not_happen_drops_usefulness(fair, member) -> None:  # type: ignore[no-untyped-def]
    rating = rate_meeting(
        meeting(fair),
        fair.budi,
        happened=False,
        usefulness=4,
        next_step=True,
        next_step_text="x",
        user=member,
    )
    assert (rating.usefulness, rating.next_step, rating.next_step_text) == (None, False, "")
    assert FollowUp.objects.count() == 0


def test_rating_refused_for_outsiders_and_drafts(fair, member) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RatingError, match="Tanaka Hiroshi did not take part"):
        rate_meeting(
            meeting(fair),
            fair.tanaka,
            happened=True,
            usefulness=2,
            next_step=False,
            next_step_text="",
            user=member,
        )
    with pytest.raises(RatingError, match="published schedule"):
        rate_meeting(
            meeting(fair, Stage.DRAFT),
            fair.budi,
            happened=True,
            usefulness=2,
            next_step=False,
            next_step_text="",
            user=member,
        )
