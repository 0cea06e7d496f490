"""On the day: check-in, and no-shows whose meetings are freed for waiting requests.

Check-in is for the event's days (the days of its sessions, in the event's zone): before
them a click is a mistake, since marking someone absent frees their meetings. An officer
may still check in or mark a no-show on another day by saying so explicitly (a rehearsal,
a participant who cancels the day before).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jembatan.core.domain.audit import log_action
from jembatan.events.models import Event, Meeting, Participant, Stage


class CheckinError(ValueError):
    """Check-in refused; the message says why, in the user's language."""


class FreedCountChangedError(CheckinError):
    """The meetings a no-show frees changed since the officer was told how many."""

    def __init__(self, message: str, count: int) -> None:
        super().__init__(message)
        self.count = count


def event_days(event: Event) -> list[dt.date]:
    """The local days on which the event has sessions, in order."""
    return sorted({s.day for s in event.sessions.all()})


def is_event_day(event: Event, now: dt.datetime | None = None) -> bool:
    today = (now or timezone.now()).astimezone(event.zone).date()
    return today in event_days(event)


def event_days_text(event: Event) -> str:
    return ", ".join(formats.date_format(day, "DATE_FORMAT") for day in event_days(event))


def _check_day(participant: Participant, user: Any, outside_event_days: bool) -> None:
    event = participant.event
    if is_event_day(event):
        return
    if not outside_event_days:
        raise CheckinError(
            _("Check-in is open on the event's days only (%(days)s).")
            % {"days": event_days_text(event) or _("no session yet")}
        )
    if not user.has_perm("events.check_in_any_day", event):
        raise CheckinError(_("Only programme officers may check in outside the event's days."))


def _live_published(participant: Participant) -> QuerySet[Meeting]:
    return Meeting.objects.filter(
        Q(request__sender=participant) | Q(request__receiver=participant),
        stage=Stage.PUBLISHED,
        freed_at__isnull=True,
    )


def meetings_freed_by_no_show(participant: Participant) -> int:
    """How many published meetings marking the participant absent would free."""
    return _live_published(participant).count()


def check_in(participant: Participant, user: Any, *, outside_event_days: bool = False) -> None:
    _check_day(participant, user, outside_event_days)
    participant.checked_in_at = timezone.now()
    participant.no_show_at = None
    participant.save(update_fields=["checked_in_at", "no_show_at"])
    log_action(
        "jembatan.participant.checked_in",
        participant,
        user,
        {"outside_event_days": True} if outside_event_days else None,
    )
    # Checked in after a meeting's slot (recorded late): the meeting counts as held now.
    from jembatan.events.domain.pipeline import held_meetings, sync_meetings

    now = timezone.now()
    sync_meetings(
        held_meetings(now).filter(
            Q(request__sender=participant) | Q(request__receiver=participant)
        ),
        now,
    )


def mark_no_show(
    participant: Participant,
    user: Any,
    *,
    expected: int | None = None,
    outside_event_days: bool = False,
) -> int:
    """The participant did not come: their meetings (draft and published) are freed.

    ``expected`` is the number of published meetings the officer was shown when confirming;
    if it no longer holds (someone published or filled meanwhile), nothing changes and
    :class:`FreedCountChangedError` carries the new number. Returns the published meetings freed.
    """
    _check_day(participant, user, outside_event_days)
    now = timezone.now()
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=participant.event_id)
        published = meetings_freed_by_no_show(participant)
        if expected is not None and expected != published:
            raise FreedCountChangedError(
                ngettext(
                    "The schedule changed: marking %(name)s absent now frees %(count)s meeting.",
                    "The schedule changed: marking %(name)s absent now frees %(count)s meetings.",
                    published,
                )
                % {"name": participant.name, "count": published},
                published,
            )
        participant.no_show_at = now
        participant.checked_in_at = None
        participant.save(update_fields=["no_show_at", "checked_in_at"])
        Meeting.objects.filter(
            Q(request__sender=participant) | Q(request__receiver=participant),
            freed_at__isnull=True,
        ).update(freed_at=now)
        details: dict[str, Any] = {"freed": published}
        if outside_event_days:
            details["outside_event_days"] = True
        log_action("jembatan.participant.no_show", participant, user, details)
    return published
