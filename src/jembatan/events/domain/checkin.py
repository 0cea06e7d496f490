"""On the day: check-in, and no-shows whose meetings are freed for waiting requests."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from jembatan.core.domain.audit import log_action
from jembatan.events.models import Event, Meeting, Participant


def check_in(participant: Participant, user: Any) -> None:
    participant.checked_in_at = timezone.now()
    participant.no_show_at = None
    participant.save(update_fields=["checked_in_at", "no_show_at"])
    log_action("jembatan.participant.checked_in", participant, user)


def mark_no_show(participant: Participant, user: Any) -> int:
    """The participant did not come: their meetings (draft and published) are freed."""
    now = timezone.now()
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=participant.event_id)
        participant.no_show_at = now
        participant.checked_in_at = None
        participant.save(update_fields=["no_show_at", "checked_in_at"])
        freed = Meeting.objects.filter(
            Q(request__sender=participant) | Q(request__receiver=participant),
            freed_at__isnull=True,
        ).update(freed_at=now)
        log_action("jembatan.participant.no_show", participant, user, {"freed": freed})
    return freed
