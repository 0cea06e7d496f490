"""An officer's verdict on a company: verified, or returned with a note.

The one code path for the web queue, the admin and the API, so they cannot drift apart.
Two officers may decide on the same company at the same moment: each decision is a
conditional UPDATE on the state the officer saw, so exactly one wins and writes its audit
entry; the other gets DecisionConflictError, whose message says what happened (see
docs/locking.md).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.registry.domain.notices import (
    COMPANY_RETURNED,
    COMPANY_VERIFIED,
    tell_company_decided,
)
from jembatan.registry.models import Company

Verification = Company.Verification
VERIFIABLE = frozenset({Verification.UNVERIFIED, Verification.REJECTED})
RETURNABLE = frozenset({Verification.UNVERIFIED, Verification.VERIFIED})


class DecisionConflictError(Exception):
    """The company is no longer in the state the officer decided on; nothing was changed."""


def _require_officer(officer: Any) -> None:
    if officer is None or not officer.has_perm("registry.verify_company"):
        raise PermissionDenied(_("Only a programme officer can verify or return a company."))


def _state_message(company: Company) -> str:
    if company.verification == Verification.VERIFIED:
        return _("%(name)s is already verified; nothing was changed.") % {"name": company.name}
    if company.verification == Verification.REJECTED:
        return _("%(name)s has already been returned to the company; nothing was changed.") % {
            "name": company.name
        }
    return _("%(name)s changed while you were deciding; nothing was saved. Look at it again.") % {
        "name": company.name
    }


def _record_verdict(company: Company, officer: Any, verdict: str, note: str) -> None:
    """Move `company` from the state it was read in to `verdict`, or raise DecisionConflictError."""
    expected = company.verification
    allowed = VERIFIABLE if verdict == Verification.VERIFIED else RETURNABLE
    if expected not in allowed:
        raise DecisionConflictError(_state_message(company))
    now = timezone.now()
    changes = {
        "verification": verdict,
        "verification_note": note,
        "verified_by": officer,
        "verified_at": now,
        "updated_at": now,
    }
    claimed = Company.objects.filter(pk=company.pk, verification=expected).update(**changes)
    if not claimed:
        current = Company.objects.get(pk=company.pk)
        raise DecisionConflictError(_state_message(current))
    for name, value in changes.items():
        setattr(company, name, value)


def verify_company(company: Company, officer: Any) -> Company:
    """Mark `company` as verified by `officer` and record it in the audit log.

    `company` carries the state the officer saw; raises DecisionConflictError when the row is no
    longer in it (another officer decided first) or is already verified."""
    _require_officer(officer)
    with transaction.atomic():
        _record_verdict(company, officer, Verification.VERIFIED, "")
        log_action("jembatan.company.verified", company, officer)
        tell_company_decided(company, COMPANY_VERIFIED, officer)
    return company


def return_company(company: Company, officer: Any, note: str) -> Company:
    """Send `company` back to its members with `note` saying what to fix.

    Raises DecisionConflictError as verify_company does, so a note is never lost to a
    verification sent at the same moment."""
    _require_officer(officer)
    with transaction.atomic():
        _record_verdict(company, officer, Verification.REJECTED, note)
        log_action("jembatan.company.returned", company, officer, data={"note": note})
        tell_company_decided(company, COMPANY_RETURNED, officer)
    return company
