"""An officer's decision on a claim of a company already in the registry.

Only on confirmation does the claimant become a member of the company. Two officers deciding
at once: each decision is a conditional UPDATE on `pending`, so one wins (as the registry's
verification does) and the other gets DecisionConflictError.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.accounts.models import CompanyClaim, Organisation, Role, User
from jembatan.accounts.signals import claim_decided, institution_decided
from jembatan.core.domain.audit import log_action


class DecisionConflictError(Exception):
    """The claim or institution was decided meanwhile; nothing was changed."""


def require_officer(actor: Any) -> None:
    if actor is None or not actor.has_perm("accounts.review_signups"):
        raise PermissionDenied(_("Only a programme officer can decide on sign-ups."))


def pending_claims() -> QuerySet[CompanyClaim]:
    return (
        CompanyClaim.objects.filter(status=CompanyClaim.Status.PENDING)
        .select_related("company__region", "user", "region")
        .order_by("created_at", "id")
    )


def pending_claim_count() -> int:
    return pending_claims().count()


def _decide(claim: CompanyClaim, officer: Any, status: str, note: str, now: dt.datetime) -> None:
    changes = {"status": status, "note": note, "decided_by": officer, "decided_at": now}
    done = CompanyClaim.objects.filter(pk=claim.pk, status=CompanyClaim.Status.PENDING).update(
        **changes
    )
    if not done:
        raise DecisionConflictError(_("This claim has already been decided; nothing was changed."))
    for name, value in changes.items():
        setattr(claim, name, value)


def confirm_claim(claim: CompanyClaim, officer: Any, now: dt.datetime | None = None) -> User:
    """Make the claimant a member of the claimed company."""
    require_officer(officer)
    now = now or timezone.now()
    with transaction.atomic():
        _decide(claim, officer, CompanyClaim.Status.CONFIRMED, "", now)
        company = claim.company
        organisation, _created = Organisation.objects.get_or_create(
            company=company, defaults={"kind": Organisation.Kind.COMPANY, "name": company.name}
        )
        user = User.objects.select_for_update().get(pk=claim.user_id)
        user.organisation = organisation
        user.role = Role.COMPANY_MEMBER
        user.save(update_fields=["organisation", "role"])
        log_action("jembatan.claim.confirmed", claim, officer, data={"company": company.pk})
        claim_decided.send(CompanyClaim, claim=claim, officer=officer)
    return user


def reject_claim(
    claim: CompanyClaim, officer: Any, note: str, now: dt.datetime | None = None
) -> CompanyClaim:
    require_officer(officer)
    with transaction.atomic():
        _decide(claim, officer, CompanyClaim.Status.REJECTED, note, now or timezone.now())
        log_action("jembatan.claim.rejected", claim, officer, data={"note": note})
        claim_decided.send(CompanyClaim, claim=claim, officer=officer)
    return claim


def pending_institutions() -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(
            kind=Organisation.Kind.INSTITUTION, verification=Organisation.Verification.PENDING
        )
        .select_related("region")
        .prefetch_related("members")
        .order_by("created_at", "id")
    )


def pending_institution_count() -> int:
    return pending_institutions().count()


def decide_institution(
    organisation: Organisation, officer: Any, verdict: str, note: str = ""
) -> Organisation:
    """Confirm (`verified`) or refuse (`rejected`, with a note) a signed-up institution."""
    require_officer(officer)
    if verdict not in (Organisation.Verification.VERIFIED, Organisation.Verification.REJECTED):
        raise ValueError(verdict)
    with transaction.atomic():
        done = Organisation.objects.filter(
            pk=organisation.pk, verification=Organisation.Verification.PENDING
        ).update(verification=verdict, verification_note=note)
        if not done:
            raise DecisionConflictError(
                _("This institution has already been decided; nothing was changed.")
            )
        organisation.verification = verdict
        organisation.verification_note = note
        action = (
            "jembatan.institution.verified"
            if verdict == Organisation.Verification.VERIFIED
            else "jembatan.institution.rejected"
        )
        log_action(action, organisation, officer, data={"note": note} if note else None)
        institution_decided.send(Organisation, organisation=organisation, officer=officer)
    return organisation
