"""Registering a representative and changing the registration: the one code path of the
web pages and the admin, which decides who may do it and writes the audit entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.events.domain.requests import window_problem
from jembatan.events.models import Event, Participant


class RegistrationClosedError(Exception):
    """Registration is not open now for someone who is not an organiser."""


def registration_problem(actor: Any, event: Event, now: dt.datetime | None = None) -> str:
    """Why `actor` may not register anyone for `event` now ("" when they may): organisers
    always may; company members while registration is open."""
    if actor.has_perm("events.organise_event", event):
        return ""
    return window_problem(
        event.registration_opens, event.registration_closes, now or timezone.now(), event.zone
    )


def _require(actor: Any, participant: Participant) -> None:
    if participant.pk is not None:
        allowed = actor.has_perm("events.change_participant", participant)
    elif actor.has_perm("events.organise_event", participant.event):
        allowed = True
    else:
        # A member registers representatives of their own company only.
        own = getattr(actor, "company_id_or_none", None)
        allowed = bool(
            actor.has_perm("events.register_participant", participant.event)
            and own is not None
            and participant.company_id == own
        )
    if not allowed:
        raise PermissionDenied(_("You may not register or change this participant."))


def wish_problem(participant: Participant) -> str:
    """Why the participant's preferred and unwanted slots do not fit ("" when they do)."""
    both = set(participant.preferred_slots.values_list("code", flat=True)) & set(
        participant.unwanted_slots.values_list("code", flat=True)
    )
    if both:
        return _("Unwanted slots: %(slots)s cannot be preferred and unwanted at once.") % {
            "slots": ", ".join(sorted(both))
        }
    return ""


def save_participant(
    actor: Any,
    participant: Participant,
    write: Callable[[Participant], None],
    now: dt.datetime | None = None,
) -> Participant:
    """Register `participant` (unsaved) or save changes to it, as `actor`.

    `write` stores the row and its availability and wishes (a form's save and save_m2m); it
    runs in the transaction with the audit entry (`jembatan.participant.registered` or
    `.changed`). Raises PermissionDenied, RegistrationClosedError outside the registration
    window, or ValidationError (changing nothing) when a slot is both preferred and unwanted.
    """
    _require(actor, participant)
    creating = participant.pk is None
    if creating:
        closed = registration_problem(actor, participant.event, now)
        if closed:
            raise RegistrationClosedError(_("Registration: %(reason)s") % {"reason": closed})
        participant.registered_by = actor
    with transaction.atomic():
        write(participant)
        problem = wish_problem(participant)
        if problem:
            raise ValidationError({"unwanted_slots": problem})
        action = "registered" if creating else "changed"
        log_action(f"jembatan.participant.{action}", participant, actor)
    return participant
