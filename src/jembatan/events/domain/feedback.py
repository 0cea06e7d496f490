"""After the event: a participant rates a meeting; a planned next step is a follow-up."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.events.models import FollowUp, Meeting, MeetingRating, Participant, Stage


class RatingError(ValueError):
    pass


def can_be_rated(meeting: Meeting) -> bool:
    """A meeting is rated once it is over: after its slot's end."""
    return meeting.slot.ends_at <= timezone.now()


def not_yet_text(meeting: Meeting) -> str:
    ends = timezone.localtime(meeting.slot.ends_at, meeting.event.zone)
    return _("This meeting can be rated once it is over, after %(end)s.") % {
        "end": formats.date_format(ends, "DATETIME_FORMAT")
    }


def rate_meeting(
    meeting: Meeting,
    participant: Participant,
    *,
    happened: bool,
    usefulness: int | None,
    next_step: bool,
    next_step_text: str,
    user: Any,
    worth_continuing: bool | None = None,
) -> MeetingRating:
    """Record (or replace) the participant's rating; keep the follow-up in step with it."""
    if meeting.stage != Stage.PUBLISHED:
        raise RatingError(_("Only meetings of the published schedule can be rated."))
    if not can_be_rated(meeting):
        raise RatingError(not_yet_text(meeting))
    if participant.pk not in (meeting.request.sender_id, meeting.request.receiver_id):
        raise RatingError(
            _("%(name)s did not take part in this meeting.") % {"name": participant.name}
        )
    with transaction.atomic():
        rating, _created = MeetingRating.objects.update_or_create(
            meeting=meeting,
            participant=participant,
            defaults={
                "happened": happened,
                "usefulness": usefulness if happened else None,
                "next_step": happened and next_step,
                "next_step_text": next_step_text if happened and next_step else "",
                "worth_continuing": worth_continuing if happened else None,
            },
        )
        if rating.next_step:
            FollowUp.objects.update_or_create(
                rating=rating, defaults={"meeting": meeting, "text": rating.next_step_text}
            )
        else:
            FollowUp.objects.filter(rating=rating).delete()
        log_action(
            "jembatan.meeting.rated",
            meeting,
            user,
            {
                "participant": participant.pk,
                "next_step": rating.next_step,
                "worth_continuing": rating.worth_continuing,
            },
        )
    # A held meeting moves the pair's introduction on, or offers one (domain/pipeline.py).
    from jembatan.events.domain.pipeline import held_meetings, sync_meetings

    now = timezone.now()
    sync_meetings(held_meetings(now).filter(pk=meeting.pk), now)
    return rating
