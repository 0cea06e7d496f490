"""Events feeding the partnership pipeline (events sits above engagement).

- A meeting held at an event (published, not freed, both participants checked in, neither a
  no-show, its slot over, and no rating saying it did not take place) moves the two
  companies' open introduction from "introduced" to "first meeting held", by itself.
- A pair that met and both rated the meeting as worth continuing, with no introduction
  between them yet, is offered one; it opens once both companies accept, with no expression
  of interest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jembatan.accounts.rules import users_company
from jembatan.core.domain.audit import log_action
from jembatan.engagement.domain.origins import Origin, register_origin
from jembatan.engagement.domain.pipeline import change_stage
from jembatan.engagement.models import Introduction
from jembatan.engagement.models import Stage as PipelineStage
from jembatan.events.models import (
    Event,
    EventIntroduction,
    IntroductionOffer,
    Meeting,
    Stage,
)


class OfferError(ValueError):
    pass


def held_meetings(now: dt.datetime) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(
            stage=Stage.PUBLISHED,
            freed_at__isnull=True,
            slot__ends_at__lte=now,
            request__sender__checked_in_at__isnull=False,
            request__sender__no_show_at__isnull=True,
            request__receiver__checked_in_at__isnull=False,
            request__receiver__no_show_at__isnull=True,
        )
        .exclude(ratings__happened=False)
        .exclude(request__sender__company_id=F("request__receiver__company_id"))
        .select_related("event", "request__sender__company", "request__receiver__company")
        .prefetch_related("ratings")
    )


def pair_q(first: int, second: int) -> Q:
    return Q(company_a_id=first, company_b_id=second) | Q(company_a_id=second, company_b_id=first)


def open_introduction(first: int, second: int) -> Introduction | None:
    return (
        Introduction.objects.filter(pair_q(first, second))
        .exclude(stage=PipelineStage.CLOSED)
        .order_by("-created_at", "-id")
        .first()
    )


def companies_of(meeting: Meeting) -> tuple[Any, Any]:
    return meeting.request.sender.company, meeting.request.receiver.company


def advance_for(meeting: Meeting, now: dt.datetime) -> bool:
    """Move the pair's introduction to "met"; True when it moved."""
    first, second = companies_of(meeting)
    introduction = open_introduction(first.pk, second.pk)
    if introduction is None:
        return False
    EventIntroduction.objects.get_or_create(
        introduction=introduction,
        event=meeting.event,
        kind=EventIntroduction.Kind.MET_AT_EVENT,
        defaults={"meeting": meeting, "created_at": now},
    )
    if introduction.stage != PipelineStage.INTRODUCED:
        return False
    change_stage(
        None,
        introduction,
        PipelineStage.MET,
        reason=_("Met at %(event)s") % {"event": meeting.event.name},
        now=now,
    )
    return True


def worth_continuing_for_both(meeting: Meeting) -> bool:
    ratings = list(meeting.ratings.all())
    participants = {meeting.request.sender_id, meeting.request.receiver_id}
    yes = {r.participant_id for r in ratings if r.happened and r.worth_continuing}
    return participants <= yes


def offer_for(meeting: Meeting, now: dt.datetime) -> IntroductionOffer | None:
    if not worth_continuing_for_both(meeting):
        return None
    first, second = companies_of(meeting)
    if (
        Introduction.objects.filter(pair_q(first.pk, second.pk))
        .exclude(stage=PipelineStage.CLOSED)
        .exists()
    ):
        return None
    if IntroductionOffer.objects.filter(meeting=meeting).exists():
        return None
    try:
        with transaction.atomic():
            offer = IntroductionOffer.objects.create(
                meeting=meeting, company_a=first, company_b=second, created_at=now
            )
            log_action("jembatan.introduction.offered", offer, None, {"meeting": meeting.pk})
    except IntegrityError:
        return None
    from jembatan.notifications.domain.notify import notify_company

    for company, partner in ((first, second), (second, first)):
        notify_company(
            company,
            "events.introduction_offered",
            offer,
            {"offer": offer, "event": meeting.event, "partner": partner, "company": company},
            link=reverse("events:introduction_offer", args=[offer.pk]),
            now=now,
        )
    return offer


def sync_meetings(meetings: Iterable[Meeting], now: dt.datetime) -> tuple[int, int]:
    """(introductions moved to "met", introductions offered) for these held meetings."""
    moved = offered = 0
    for meeting in meetings:
        moved += advance_for(meeting, now)
        offered += offer_for(meeting, now) is not None
    return moved, offered


def sync_held_meetings(
    now: dt.datetime | None = None, event: Event | None = None
) -> tuple[int, int]:
    """The periodic task (and after each rating): every held meeting, idempotently."""
    now = now or timezone.now()
    rows = held_meetings(now)
    if event is not None:
        rows = rows.filter(event=event)
    return sync_meetings(rows, now)


def visible_offers(user: Any) -> QuerySet[IntroductionOffer]:
    rows = IntroductionOffer.objects.select_related(
        "meeting__event", "company_a", "company_b", "introduction"
    )
    if getattr(user, "is_authenticated", False) and user.is_officer:
        return rows
    company = users_company(user)
    if company is None:
        return rows.none()
    return rows.filter(Q(company_a_id=company) | Q(company_b_id=company))


def side_of(offer: IntroductionOffer, user: Any) -> str | None:
    company = users_company(user)
    if company == offer.company_a_id:
        return "a"
    if company == offer.company_b_id:
        return "b"
    return None


def accept_offer(
    actor: Any, offer: IntroductionOffer, now: dt.datetime | None = None
) -> IntroductionOffer:
    """One side accepts; when both have, the introduction opens at "first meeting held"."""
    now = now or timezone.now()
    side = side_of(offer, actor)
    if side is None:
        raise PermissionDenied
    with transaction.atomic():
        locked = IntroductionOffer.objects.select_for_update().get(pk=offer.pk)
        if locked.declined_at is not None:
            raise OfferError(_("This introduction was declined."))
        if getattr(locked, f"{side}_accepted_at") is not None:
            raise OfferError(_("Your company has already accepted."))
        setattr(locked, f"{side}_accepted_at", now)
        locked.save(update_fields=[f"{side}_accepted_at"])
        log_action("jembatan.introduction.offer_accepted", locked, actor, {"side": side})
        if locked.a_accepted_at and locked.b_accepted_at and locked.introduction_id is None:
            introduction = Introduction.objects.create(
                company_a=locked.company_a,
                company_b=locked.company_b,
                stage=PipelineStage.INTRODUCED,
                created_at=now,
                stage_changed_at=now,
                last_activity_at=now,
            )
            introduction.stage_changes.create(
                from_stage="",
                to_stage=PipelineStage.INTRODUCED,
                reason=_("Offered after %(event)s") % {"event": locked.meeting.event.name},
                changed_by=actor,
                changed_at=now,
            )
            EventIntroduction.objects.create(
                introduction=introduction,
                event=locked.meeting.event,
                meeting=locked.meeting,
                kind=EventIntroduction.Kind.OFFERED_AT_EVENT,
                created_at=now,
            )
            change_stage(
                None,
                introduction,
                PipelineStage.MET,
                reason=_("Met at %(event)s") % {"event": locked.meeting.event.name},
                now=now,
            )
            locked.introduction = introduction
            locked.save(update_fields=["introduction"])
    return locked


def decline_offer(
    actor: Any, offer: IntroductionOffer, now: dt.datetime | None = None
) -> IntroductionOffer:
    if side_of(offer, actor) is None:
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        locked = IntroductionOffer.objects.select_for_update().get(pk=offer.pk)
        if locked.introduction_id is not None or locked.declined_at is not None:
            raise OfferError(_("This offer has already been settled."))
        locked.declined_at = now
        locked.declined_by = actor
        locked.save(update_fields=["declined_at", "declined_by"])
        log_action("jembatan.introduction.offer_declined", locked, actor, {})
    return locked


def _event_choices() -> list[tuple[str, str]]:
    rows = Event.objects.filter(introduction_links__isnull=False).distinct().order_by("name")
    return [(str(e.pk), e.name) for e in rows]


def _event_q(value: str) -> Q:
    return Q(event_links__event_id=int(value)) if value.isdigit() else Q(pk__in=[])


def _event_names(introduction_ids: Iterable[int]) -> dict[int, str]:
    names: dict[int, list[str]] = {}
    rows = EventIntroduction.objects.filter(introduction_id__in=list(introduction_ids))
    for link in rows.select_related("event").order_by("created_at", "id"):
        found = names.setdefault(link.introduction_id, [])
        if link.event.name not in found:
            found.append(link.event.name)
    return {pk: ", ".join(found) for pk, found in names.items()}


def register_event_origin() -> None:
    register_origin(
        Origin(
            key="event",
            label=gettext_lazy("Event of origin"),
            choices=_event_choices,
            q=_event_q,
            names=_event_names,
        )
    )
