"""Expressions of interest, one action function per step.

pending --accept--> accepted (an Introduction is created)
   |  \\--decline--> declined      (the owner, with a reason)
   |   \\-withdraw-> withdrawn     (the requester)
   \\--(21 days unanswered)--> expired (a reminder to the owner after 7)
Mediated mode: awaiting_officer --forward--> pending; --ask_improvement--> (requester edits,
resubmit) --> awaiting_officer; --decline--> declined.

Each function checks who may do it and from which status, changes the row under a lock (two
people acting on the same expression at once: one wins, the other is told what happened),
writes the audit log and tells the other side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.accounts.rules import is_officer, users_company
from jembatan.core.domain.audit import log_action
from jembatan.engagement.domain.notices import tell_company, tell_officers
from jembatan.engagement.models import (
    OPEN_STATUSES,
    DeclineReason,
    ExpressionOfInterest,
    InterestStatus,
    Introduction,
    Stage,
)
from jembatan.opportunities.domain.language import detect_language
from jembatan.opportunities.models import Language, PartnershipProfile, Status
from jembatan.registry.models import Company, Contact

MAX_MESSAGE_LENGTH = 4000


class InterestError(Exception):
    """The action is not allowed now; the message names the rule, in the user's language."""


def max_open() -> int:
    return int(getattr(settings, "JEMBATAN_MAX_OPEN_INTERESTS", 5))


def reminder_after() -> dt.timedelta:
    return dt.timedelta(days=int(getattr(settings, "JEMBATAN_INTEREST_REMINDER_DAYS", 7)))


def expiry_after() -> dt.timedelta:
    return dt.timedelta(days=int(getattr(settings, "JEMBATAN_INTEREST_EXPIRY_DAYS", 21)))


def is_mediated(profile: PartnershipProfile) -> bool:
    """Whether an officer reviews expressions on this profile before its owner sees them."""
    return bool(
        getattr(settings, "JEMBATAN_MEDIATED_INTRODUCTIONS", False)
        or profile.introductions_through_officer
    )


def interest_link(interest: ExpressionOfInterest) -> str:
    return reverse("engagement:interest", args=[interest.pk])


def introduction_link(introduction: Introduction) -> str:
    return reverse("engagement:introduction", args=[introduction.pk])


def _company_of(actor: Any) -> Company | None:
    company_id = users_company(actor) if actor is not None else None
    return Company.objects.filter(pk=company_id).first() if company_id else None


def open_count(company: Company) -> int:
    return ExpressionOfInterest.objects.filter(
        requester_company=company, status__in=OPEN_STATUSES
    ).count()


def refusal_of(actor: Any) -> str | None:
    """Why `actor` may not express interest in any profile; None when they may. Asked before
    a request's body is read, so that a refused role learns nothing of its validation."""
    if actor is None or not actor.has_perm("engagement.express_interest"):
        return _("Only members of a registered company can express interest.")
    return None


def refusal(actor: Any, profile: PartnershipProfile, now: dt.datetime | None = None) -> str | None:
    """Why `actor` may not express interest in `profile` now, in the user's language; None
    when they may. The button and the form show this, and express_interest enforces it."""
    now = now or timezone.now()
    refused = refusal_of(actor)
    if refused is not None:
        return refused
    company_id = users_company(actor)
    if profile.company_id == company_id:
        return _("This is one of your company's own profiles.")
    if profile.status == Status.CLOSED:
        return _("This profile is closed.")
    if profile.status != Status.PUBLISHED or (
        profile.expires_at is not None and profile.expires_at <= now
    ):
        return _("This profile is no longer published.")
    if ExpressionOfInterest.objects.filter(
        requester_company_id=company_id, profile=profile, status__in=OPEN_STATUSES
    ).exists():
        return _("Your company already has an open expression of interest in this profile.")
    limit = max_open()
    if (
        ExpressionOfInterest.objects.filter(
            requester_company_id=company_id, status__in=OPEN_STATUSES
        ).count()
        >= limit
    ):
        return _(
            "Your company already has %(limit)d open expressions of interest, the most "
            "allowed at once. Wait for an answer or withdraw one first."
        ) % {"limit": limit}
    return None


def _check_message(message: str, language: str) -> tuple[str, str]:
    text = message.strip()
    if not text:
        raise InterestError(_("Write a message: what you propose and who you are."))
    if len(text) > MAX_MESSAGE_LENGTH:
        raise InterestError(
            _("The message is longer than %(limit)d characters.") % {"limit": MAX_MESSAGE_LENGTH}
        )
    if language and language not in Language.values:
        raise InterestError(_("Choose Indonesian, Japanese or English."))
    chosen = language or detect_language(text) or ""
    if not chosen:
        raise InterestError(_("Choose the language the message is written in."))
    return text, chosen


def _check_contacts(contacts: Iterable[Contact], company_id: int | None) -> list[Contact]:
    chosen = list(contacts)
    if any(contact.company_id != company_id for contact in chosen):
        raise InterestError(_("Choose only contacts of your own company."))
    return chosen


def express_interest(
    actor: Any,
    profile: PartnershipProfile,
    message: str,
    contacts: Iterable[Contact] = (),
    language: str = "",
    now: dt.datetime | None = None,
) -> ExpressionOfInterest:
    now = now or timezone.now()
    text, chosen_language = _check_message(message, language)
    company = _company_of(actor)
    chosen = _check_contacts(contacts, company.pk if company else None)
    try:
        with transaction.atomic():
            if company is not None:
                # One request per company at a time, so that the limit holds under concurrency.
                Company.objects.select_for_update().filter(pk=company.pk).first()
            problem = refusal(actor, profile, now)
            if problem:
                raise InterestError(problem)
            assert company is not None
            mediated = is_mediated(profile)
            interest = ExpressionOfInterest.objects.create(
                profile=profile,
                requester_company=company,
                sender=actor,
                message=text,
                message_language=chosen_language,
                mediated=mediated,
                status=InterestStatus.AWAITING_OFFICER if mediated else InterestStatus.PENDING,
                created_at=now,
            )
            interest.contacts.set(chosen)
            log_action(
                "jembatan.interest.sent",
                interest,
                actor,
                {"before": None, "after": interest.status, "profile": profile.pk},
            )
    except IntegrityError as error:
        raise InterestError(
            _("Your company already has an open expression of interest in this profile.")
        ) from error
    _announce_arrival(interest)
    return interest


def _context(interest: ExpressionOfInterest) -> dict[str, Any]:
    """What every notice about an interest may say: the profile's title, the requester's name
    (the owner learns who asks; the requester learns the owner only on acceptance)."""
    return {
        "interest": interest,
        "profile_title": interest.profile.title,
        "requester_name": interest.requester_company.name,
        "officer_note": interest.officer_note,
    }


def _announce_arrival(interest: ExpressionOfInterest) -> None:
    if interest.status == InterestStatus.AWAITING_OFFICER:
        tell_officers(
            "engagement.interest_awaiting_officer",
            interest,
            _context(interest),
            link=interest_link(interest),
        )
    else:
        tell_company(
            interest.profile.company,
            "engagement.interest_received",
            interest,
            _context(interest),
            link=interest_link(interest),
        )


def _lock(interest: ExpressionOfInterest) -> ExpressionOfInterest:
    return ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)


def _refresh(interest: ExpressionOfInterest, locked: ExpressionOfInterest) -> None:
    for field in (
        "status",
        "answered_at",
        "decline_reason",
        "decline_note",
        "officer_note",
        "improvement_requested",
        "forwarded_at",
        "message",
        "message_language",
        "reminded_at",
    ):
        setattr(interest, field, getattr(locked, field))


def _not_open_message(status: str) -> str:
    messages = {
        InterestStatus.ACCEPTED: _("This expression of interest has already been accepted."),
        InterestStatus.DECLINED: _("This expression of interest has already been declined."),
        InterestStatus.WITHDRAWN: _("This expression of interest has been withdrawn."),
        InterestStatus.EXPIRED: _("This expression of interest has expired."),
        InterestStatus.AWAITING_OFFICER: _(
            "This expression of interest is waiting for an officer."
        ),
        InterestStatus.PENDING: _("This expression of interest already reached the owner."),
    }
    return messages[InterestStatus(status)]


def _require(actor: Any, permission: str, interest: ExpressionOfInterest) -> None:
    if actor is None or not actor.has_perm(permission, interest):
        raise PermissionDenied(_("You may not do this with this expression of interest."))


def accept(
    actor: Any,
    interest: ExpressionOfInterest,
    contacts: Iterable[Contact] = (),
    now: dt.datetime | None = None,
) -> Introduction:
    """The owner accepts: an introduction discloses both names and the chosen contacts."""
    now = now or timezone.now()
    _require(actor, "engagement.answer_interest", interest)
    chosen = _check_contacts(contacts, interest.profile.company_id)
    with transaction.atomic():
        locked = _lock(interest)
        if locked.status != InterestStatus.PENDING:
            raise InterestError(_not_open_message(locked.status))
        locked.status = InterestStatus.ACCEPTED
        locked.answered_at = now
        locked.save(update_fields=["status", "answered_at"])
        introduction = Introduction.objects.create(
            interest=locked,
            profile=locked.profile,
            company_a=locked.requester_company,
            company_b=locked.profile.company,
            stage=Stage.INTRODUCED,
            created_at=now,
            stage_changed_at=now,
            last_activity_at=now,
        )
        introduction.contacts_a.set(locked.contacts.all())
        introduction.contacts_b.set(chosen)
        introduction.stage_changes.create(
            from_stage="", to_stage=Stage.INTRODUCED, changed_by=actor, changed_at=now
        )
        log_action(
            "jembatan.interest.accepted",
            locked,
            actor,
            {
                "before": InterestStatus.PENDING,
                "after": locked.status,
                "introduction": introduction.pk,
            },
        )
    _refresh(interest, locked)
    tell_company(
        interest.requester_company,
        "engagement.interest_accepted",
        interest,
        _context(interest) | {"owner_name": interest.profile.company.name},
        link=introduction_link(introduction),
    )
    return introduction


def decline(
    actor: Any,
    interest: ExpressionOfInterest,
    reason: str,
    note: str = "",
    now: dt.datetime | None = None,
) -> None:
    """The owner declines a pending expression, or an officer one awaiting review."""
    now = now or timezone.now()
    # Who may first: someone refused learns nothing of what a valid reason would be.
    officer = actor is not None and actor.has_perm("engagement.review_interests")
    if not officer:
        _require(actor, "engagement.answer_interest", interest)
    if reason not in DeclineReason.values:
        raise InterestError(_("Choose a reason for declining."))
    if reason == DeclineReason.OTHER and not note.strip():
        raise InterestError(_("Say why in the note when the reason is “other”."))
    with transaction.atomic():
        locked = _lock(interest)
        allowed = {InterestStatus.PENDING} | (
            {InterestStatus.AWAITING_OFFICER} if officer else set()
        )
        if locked.status not in allowed:
            raise InterestError(_not_open_message(locked.status))
        before = locked.status
        locked.status = InterestStatus.DECLINED
        locked.decline_reason = reason
        locked.decline_note = note.strip()
        locked.answered_at = now
        locked.save(update_fields=["status", "decline_reason", "decline_note", "answered_at"])
        log_action(
            "jembatan.interest.declined",
            locked,
            actor,
            {
                "before": before,
                "after": locked.status,
                "reason": reason,
                "note": locked.decline_note,
            },
        )
    _refresh(interest, locked)
    tell_company(
        interest.requester_company,
        "engagement.interest_declined",
        interest,
        _context(interest)
        | {"reason_label": DeclineReason(reason).label, "note": locked.decline_note},
        link=interest_link(interest),
    )


def withdraw(actor: Any, interest: ExpressionOfInterest, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    _require(actor, "engagement.withdraw_interest", interest)
    with transaction.atomic():
        locked = _lock(interest)
        if locked.status not in OPEN_STATUSES:
            raise InterestError(_not_open_message(locked.status))
        before = locked.status
        locked.status = InterestStatus.WITHDRAWN
        locked.answered_at = now
        locked.save(update_fields=["status", "answered_at"])
        log_action(
            "jembatan.interest.withdrawn", locked, actor, {"before": before, "after": locked.status}
        )
    _refresh(interest, locked)


def forward(
    actor: Any, interest: ExpressionOfInterest, note: str = "", now: dt.datetime | None = None
) -> None:
    """Mediated mode: an officer passes the expression on to the owner, with a note."""
    now = now or timezone.now()
    _require(actor, "engagement.review_interests", interest)
    with transaction.atomic():
        locked = _lock(interest)
        if locked.status != InterestStatus.AWAITING_OFFICER or locked.improvement_requested:
            raise InterestError(
                _("Only an expression waiting for an officer can be forwarded.")
                if locked.status != InterestStatus.AWAITING_OFFICER
                else _("The requester has not resubmitted it yet.")
            )
        locked.status = InterestStatus.PENDING
        locked.officer_note = note.strip()
        locked.forwarded_at = now
        locked.save(update_fields=["status", "officer_note", "forwarded_at"])
        log_action(
            "jembatan.interest.forwarded",
            locked,
            actor,
            {
                "before": InterestStatus.AWAITING_OFFICER,
                "after": locked.status,
                "note": locked.officer_note,
            },
        )
    _refresh(interest, locked)
    tell_company(
        interest.profile.company,
        "engagement.interest_received",
        interest,
        _context(interest),
        link=interest_link(interest),
    )
    tell_company(
        interest.requester_company,
        "engagement.interest_forwarded",
        interest,
        _context(interest),
        link=interest_link(interest),
    )


def ask_improvement(
    actor: Any, interest: ExpressionOfInterest, note: str, now: dt.datetime | None = None
) -> None:
    """Mediated mode: an officer sends the expression back to the requester to improve it."""
    _require(actor, "engagement.review_interests", interest)
    if not note.strip():
        raise InterestError(_("Say what the requester should improve."))
    with transaction.atomic():
        locked = _lock(interest)
        if locked.status != InterestStatus.AWAITING_OFFICER or locked.improvement_requested:
            raise InterestError(_("Only an expression waiting for an officer can be sent back."))
        locked.improvement_requested = True
        locked.officer_note = note.strip()
        locked.save(update_fields=["improvement_requested", "officer_note"])
        log_action(
            "jembatan.interest.improvement_asked",
            locked,
            actor,
            {
                "before": "awaiting_officer",
                "after": "improvement_requested",
                "note": locked.officer_note,
            },
        )
    _refresh(interest, locked)
    tell_company(
        interest.requester_company,
        "engagement.improvement_asked",
        interest,
        _context(interest),
        link=interest_link(interest),
    )


def resubmit(
    actor: Any,
    interest: ExpressionOfInterest,
    message: str,
    language: str = "",
    now: dt.datetime | None = None,
) -> None:
    """The requester edits the message an officer asked to improve and sends it back."""
    _require(actor, "engagement.withdraw_interest", interest)
    text, chosen_language = _check_message(message, language)
    with transaction.atomic():
        locked = _lock(interest)
        if locked.status != InterestStatus.AWAITING_OFFICER or not locked.improvement_requested:
            raise InterestError(_("No officer asked to improve this expression of interest."))
        before = locked.message
        locked.message = text
        locked.message_language = chosen_language
        locked.improvement_requested = False
        locked.save(update_fields=["message", "message_language", "improvement_requested"])
        log_action(
            "jembatan.interest.resubmitted",
            locked,
            actor,
            {"before": before, "after": locked.message},
        )
    _refresh(interest, locked)
    tell_officers(
        "engagement.interest_awaiting_officer",
        interest,
        _context(interest),
        link=interest_link(interest),
    )


def _for_display(
    interests: QuerySet[ExpressionOfInterest],
) -> QuerySet[ExpressionOfInterest]:
    """Everything the pages and the API read of each interest (and `public_view` of its
    profile), fetched up front."""
    return interests.select_related(
        "profile__company__region", "profile__sector", "requester_company", "introduction"
    ).prefetch_related(
        "contacts", "profile__attachments", "profile__classifications", "profile__translations"
    )


def officer_queue() -> list[ExpressionOfInterest]:
    """Expressions waiting for an officer (not those sent back to the requester), oldest first."""
    return list(
        _for_display(
            ExpressionOfInterest.objects.filter(
                status=InterestStatus.AWAITING_OFFICER, improvement_requested=False
            )
        ).order_by("created_at", "id")
    )


def awaiting_review() -> QuerySet[ExpressionOfInterest]:
    """Interests that wait for an officer (the review queue)."""
    return ExpressionOfInterest.objects.filter(
        status=InterestStatus.AWAITING_OFFICER, improvement_requested=False
    )


def queue_count() -> int:
    return awaiting_review().count()


def _reached_owner_at(interest: ExpressionOfInterest) -> dt.datetime:
    return interest.forwarded_at or interest.created_at


def remind_and_expire(now: dt.datetime | None = None) -> tuple[int, int]:
    """The daily follow-up: remind the owner of expressions unanswered for 7 days, expire
    those unanswered for 21; the requester is told in each case. Returns (reminded, expired)."""
    now = now or timezone.now()
    reminded = expired = 0
    pending = ExpressionOfInterest.objects.filter(status=InterestStatus.PENDING).select_related(
        "profile", "profile__company", "requester_company"
    )
    for interest in pending:
        waited = now - _reached_owner_at(interest)
        if waited >= expiry_after():
            with transaction.atomic():
                updated = ExpressionOfInterest.objects.filter(
                    pk=interest.pk, status=InterestStatus.PENDING
                ).update(status=InterestStatus.EXPIRED, answered_at=now)
                if not updated:
                    continue
                interest.status = InterestStatus.EXPIRED
                interest.answered_at = now
                log_action(
                    "jembatan.interest.expired",
                    interest,
                    None,
                    {"before": InterestStatus.PENDING, "after": InterestStatus.EXPIRED},
                )
            expired += 1
            for company in (interest.requester_company, interest.profile.company):
                tell_company(
                    company,
                    "engagement.interest_expired",
                    interest,
                    _context(interest),
                    link=interest_link(interest),
                )
        elif waited >= reminder_after() and interest.reminded_at is None:
            updated = ExpressionOfInterest.objects.filter(
                pk=interest.pk, status=InterestStatus.PENDING, reminded_at__isnull=True
            ).update(reminded_at=now)
            if not updated:
                continue
            interest.reminded_at = now
            log_action(
                "jembatan.interest.reminded",
                interest,
                None,
                {"before": None, "after": now.isoformat()},
            )
            reminded += 1
            tell_company(
                interest.profile.company,
                "engagement.interest_reminder",
                interest,
                _context(interest) | {"audience": "owner"},
                link=interest_link(interest),
            )
            tell_company(
                interest.requester_company,
                "engagement.interest_reminder",
                interest,
                _context(interest) | {"audience": "requester"},
                link=interest_link(interest),
            )
    return reminded, expired


def reached_owner() -> Q:
    """The expressions the profile's owner sees: not mediated, or forwarded by an officer."""
    return Q(mediated=False) | Q(forwarded_at__isnull=False)


def visible_interests(user: Any, box: str = "") -> QuerySet[ExpressionOfInterest]:
    """The expressions the user may see: `box` "sent" (by the user's company), "received"
    (on its profiles, once they reached it), or "" for both; officers see every one."""
    base = _for_display(ExpressionOfInterest.objects.all())
    company = users_company(user)
    sent = Q(requester_company_id=company)
    received = Q(profile__company_id=company) & reached_owner()
    if company is None:
        if box or not is_officer(user):
            return base.none()
        return base.all()
    if box == "sent":
        return base.filter(sent)
    if box == "received":
        return base.filter(received)
    return base.filter(sent | received)
