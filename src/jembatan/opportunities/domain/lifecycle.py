"""The life of a partnership profile, one action function per transition.

draft -> submitted -> validated -> published -> expired -> closed
           |  ^                         ^  |         |
           v  |                         +--+---------+ extend (once)
         returned
Every action is the one code path the web views, the API and the admin call: it checks who
may do it and from which status, changes the row under a lock and writes the audit log.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.opportunities.domain.anonymity import refresh_label
from jembatan.opportunities.domain.notices import (
    PROFILE_EXPIRED,
    PROFILE_PUBLISHED,
    PROFILE_RETURNED,
    PROFILE_VALIDATED,
    tell_company,
)
from jembatan.opportunities.models import ClosedReason, PartnershipProfile, Status

PUBLICATION_PERIOD = dt.timedelta(days=365)

EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})
SUBMITTABLE = EDITABLE
VALIDATABLE = frozenset({Status.SUBMITTED})
RETURNABLE = frozenset({Status.SUBMITTED})
PUBLISHABLE = frozenset({Status.VALIDATED})
EXTENDABLE = frozenset({Status.PUBLISHED, Status.EXPIRED})
CLOSABLE = frozenset(
    {Status.SUBMITTED, Status.RETURNED, Status.VALIDATED, Status.PUBLISHED, Status.EXPIRED}
)


class TransitionError(Exception):
    """The action is not allowed in the profile's current status; the message says why."""


def _require(actor: Any, permission: str, profile: PartnershipProfile) -> None:
    if actor is None or not actor.has_perm(permission, profile):
        raise PermissionDenied(_("You may not do this with this profile."))


# The permission each action that takes a reason checks; `require` asks it before the
# reason is read.
REASONED = {"return": "opportunities.validate_profile", "close": "opportunities.close_profile"}


def require(actor: Any, action: str, profile: PartnershipProfile) -> None:
    """Refuse an actor who may not `action` ("return", "close") this profile, before a view
    or the API validates the reason: a refused request learns nothing of the form."""
    _require(actor, REASONED[action], profile)


def _lock(profile: PartnershipProfile) -> PartnershipProfile:
    """The row, re-read under a lock so that two requests cannot both move it."""
    return PartnershipProfile.objects.select_for_update().get(pk=profile.pk)


def _check_status(
    locked: PartnershipProfile, allowed: frozenset[Status], action_label: str
) -> None:
    if locked.status not in allowed:
        raise TransitionError(
            _("A profile that is %(status)s cannot be %(action)s; only one that is %(allowed)s.")
            % {
                "status": Status(locked.status).label,
                "action": action_label,
                "allowed": _(" or ").join(str(Status(s).label) for s in sorted(allowed)),
            }
        )


def _save(profile: PartnershipProfile, locked: PartnershipProfile, changes: dict[str, Any]) -> None:
    for field, value in changes.items():
        setattr(locked, field, value)
        setattr(profile, field, value)
    locked.save(update_fields=[*changes, "updated_at"])
    profile.updated_at = locked.updated_at


def submit(profile: PartnershipProfile, actor: Any, now: dt.datetime | None = None) -> None:
    _require(actor, "opportunities.submit_profile", profile)
    with transaction.atomic():
        locked = _lock(profile)
        _check_status(locked, SUBMITTABLE, _("submitted"))
        _save(profile, locked, {"status": Status.SUBMITTED, "submitted_at": now or timezone.now()})
        log_action("jembatan.profile.submitted", profile, actor)


def validate(profile: PartnershipProfile, actor: Any, now: dt.datetime | None = None) -> None:
    _require(actor, "opportunities.validate_profile", profile)
    with transaction.atomic():
        locked = _lock(profile)
        _check_status(locked, VALIDATABLE, _("validated"))
        changes = {
            "status": Status.VALIDATED,
            "validated_by": actor,
            "validated_at": now or timezone.now(),
            "returned_reason": "",
        }
        _save(profile, locked, changes)
        log_action("jembatan.profile.validated", profile, actor)
        tell_company(profile, PROFILE_VALIDATED, actor, now=now)


def return_with_reason(profile: PartnershipProfile, actor: Any, reason: str) -> None:
    require(actor, "return", profile)
    reason = reason.strip()
    if not reason:
        raise TransitionError(_("Give the reason for returning the profile."))
    with transaction.atomic():
        locked = _lock(profile)
        _check_status(locked, RETURNABLE, _("returned"))
        _save(profile, locked, {"status": Status.RETURNED, "returned_reason": reason})
        log_action("jembatan.profile.returned", profile, actor, {"reason": reason})
        tell_company(profile, PROFILE_RETURNED, actor)


def publish(profile: PartnershipProfile, actor: Any, now: dt.datetime | None = None) -> None:
    _require(actor, "opportunities.publish_profile", profile)
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(profile)
        _check_status(locked, PUBLISHABLE, _("published"))
        changes = {
            "status": Status.PUBLISHED,
            "published_at": now,
            "expires_at": now + PUBLICATION_PERIOD,
        }
        _save(profile, locked, changes)
        refresh_label(profile)
        log_action("jembatan.profile.published", profile, actor)
        tell_company(profile, PROFILE_PUBLISHED, actor, now=now)


def extend(profile: PartnershipProfile, actor: Any, now: dt.datetime | None = None) -> None:
    """Keep a published (or expired) profile online for another 365 days; allowed once."""
    _require(actor, "opportunities.extend_profile", profile)
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(profile)
        _check_status(locked, EXTENDABLE, _("extended"))
        if locked.extended_once:
            raise TransitionError(_("This profile has already been extended once."))
        # An expired profile gets its year from today, not from its old expiry date.
        expires_at = max(locked.expires_at or now, now) + PUBLICATION_PERIOD
        changes = {"status": Status.PUBLISHED, "expires_at": expires_at, "extended_once": True}
        _save(profile, locked, changes)
        refresh_label(profile)
        log_action(
            "jembatan.profile.extended", profile, actor, {"expires_at": expires_at.isoformat()}
        )


def close(
    profile: PartnershipProfile, actor: Any, reason: str, now: dt.datetime | None = None
) -> None:
    require(actor, "close", profile)
    if reason not in ClosedReason.values:
        raise TransitionError(
            _("Choose why the profile is closed: %(reasons)s.")
            % {"reasons": ", ".join(str(label) for label in ClosedReason.labels)}
        )
    with transaction.atomic():
        locked = _lock(profile)
        _check_status(locked, CLOSABLE, _("closed"))
        changes = {
            "status": Status.CLOSED,
            "closed_reason": reason,
            "closed_at": now or timezone.now(),
        }
        _save(profile, locked, changes)
        log_action("jembatan.profile.closed", profile, actor, {"reason": reason})


def expire_due(now: dt.datetime) -> int:
    """Expire every published profile whose time is up; returns how many. Safe to rerun."""
    due = PartnershipProfile.objects.filter(status=Status.PUBLISHED, expires_at__lte=now)
    expired = 0
    for profile in due.select_related("company"):
        with transaction.atomic():
            # The conditional UPDATE lets two workers run this at once without both logging.
            claimed = PartnershipProfile.objects.filter(
                pk=profile.pk, status=Status.PUBLISHED, expires_at__lte=now
            ).update(status=Status.EXPIRED, updated_at=now)
            if claimed:
                log_action("jembatan.profile.expired", profile, None)
                profile.status = Status.EXPIRED
                tell_company(profile, PROFILE_EXPIRED, now=now)
                expired += 1
    return expired
