"""Meeting requests: send, answer, add as organiser, lock to a slot and table; slot blocks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.events.domain.notices import (
    tell_request_answered,
    tell_request_arranged,
    tell_request_sent,
)
from jembatan.events.models import MeetingRequest, Participant, RequestStatus, Slot, Table


class RequestError(ValueError):
    """The request cannot be made or changed; the message says why, in the user's language."""


def _check_pair(sender: Participant, receiver: Participant) -> None:
    if sender.event_id != receiver.event_id:
        raise RequestError(_("Both participants must take part in the same event."))
    if sender.company_id == receiver.company_id:
        raise RequestError(_("Representatives of the same company do not need a meeting."))
    if MeetingRequest.objects.filter(sender=sender, receiver=receiver).exists():
        raise RequestError(
            _("%(sender)s has already asked to meet %(receiver)s.")
            % {"sender": sender.name, "receiver": receiver.name}
        )


def send_request(
    sender: Participant,
    receiver: Participant,
    priority: int,
    message: str,
    user: Any,
    *,
    sender_any: bool = False,
    receiver_any: bool = False,
) -> MeetingRequest:
    """A participant asks to meet another; accepted at once where the organisers said so.

    ``receiver_any``: the request is to the receiver's company, any of its representatives
    may attend; ``sender_any`` likewise for the sender's side. Otherwise the named person."""
    _check_pair(sender, receiver)
    event = sender.event
    closed = window_problem(event.requests_open, event.requests_close, timezone.now(), event.zone)
    if closed:
        raise RequestError(_("Meeting requests: %(reason)s") % {"reason": closed})
    auto = event.auto_accept
    request = MeetingRequest.objects.create(
        event_id=sender.event_id,
        sender=sender,
        receiver=receiver,
        priority=priority,
        message=message,
        sender_any=sender_any,
        receiver_any=receiver_any,
        status=RequestStatus.ACCEPTED if auto else RequestStatus.PENDING,
        answered_at=timezone.now() if auto else None,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    log_action("jembatan.meeting_request.sent", request, user, {"priority": priority})
    if auto:
        log_action("jembatan.meeting_request.accepted", request, user, {"automatic": True})
    tell_request_sent(request, user)
    return request


def add_request(
    sender: Participant,
    receiver: Participant,
    priority: int,
    user: Any,
    *,
    sender_any: bool = False,
    receiver_any: bool = False,
) -> MeetingRequest:
    """An organiser adds a request; it needs no answer (``*_any`` as for send_request)."""
    _check_pair(sender, receiver)
    request = MeetingRequest.objects.create(
        event_id=sender.event_id,
        sender=sender,
        receiver=receiver,
        priority=priority,
        sender_any=sender_any,
        receiver_any=receiver_any,
        status=RequestStatus.ACCEPTED,
        added_by_organiser=True,
        answered_at=timezone.now(),
        created_by=user,
    )
    log_action("jembatan.meeting_request.added", request, user, {"priority": priority})
    tell_request_arranged(request, user)
    return request


def answer_request(request: MeetingRequest, accept: bool, user: Any) -> None:
    """The receiver accepts or declines a waiting request."""
    with transaction.atomic():
        locked = MeetingRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != RequestStatus.PENDING:
            raise RequestError(
                _("This request was already answered: %(status)s.")
                % {"status": locked.get_status_display()}
            )
        request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
        request.answered_at = timezone.now()
        request.save(update_fields=["status", "answered_at"])
        action = "accepted" if accept else "declined"
        log_action(f"jembatan.meeting_request.{action}", request, user)
        tell_request_answered(request, accept, user)


def lock_request(
    request: MeetingRequest, slot: Slot | None, table: Table | None, user: Any
) -> None:
    """Pin an accepted request to a slot and table (both None: release the lock)."""
    if (slot is None) != (table is None):
        raise RequestError(_("Choose both a slot and a table, or neither."))
    if slot is not None and table is not None:
        if request.status != RequestStatus.ACCEPTED:
            raise RequestError(_("Only an accepted request can be locked to a slot."))
        if slot.event_id != request.event_id or table.event_id != request.event_id:
            raise RequestError(_("The slot and the table must belong to the request's event."))
        if slot.blocked:
            raise RequestError(_("Slot %(slot)s is blocked.") % {"slot": slot.code})
    request.lock_slot, request.lock_table = slot, table
    request.save(update_fields=["lock_slot", "lock_table"])
    data = {"slot": slot.code, "table": table.number} if slot and table else {}
    log_action(
        "jembatan.meeting_request.locked" if slot else "jembatan.meeting_request.unlocked",
        request,
        user,
        data,
    )


def block_slot(slot: Slot, blocked: bool, user: Any) -> None:
    slot.blocked = blocked
    slot.save(update_fields=["blocked"])
    log_action("jembatan.slot.blocked" if blocked else "jembatan.slot.unblocked", slot, user)


def window_problem(
    opens: dt.datetime | None, closes: dt.datetime | None, now: dt.datetime, zone: dt.tzinfo
) -> str:
    """Why the window is shut at ``now`` (empty when open), with times in the event's zone;
    an unset bound does not limit."""
    if opens is not None and now < opens:
        return _("This opens on %(when)s.") % {"when": _when(opens, zone)}
    if closes is not None and now >= closes:
        return _("This closed on %(when)s.") % {"when": _when(closes, zone)}
    return ""


def window_state(opens: dt.datetime | None, closes: dt.datetime | None, now: dt.datetime) -> str:
    """``upcoming``, ``open`` or ``closed`` at ``now``; the same bounds as :func:`window_problem`."""
    if opens is not None and now < opens:
        return "upcoming"
    if closes is not None and now >= closes:
        return "closed"
    return "open"


def _when(moment: dt.datetime, zone: dt.tzinfo) -> str:
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M} ({zone})"
