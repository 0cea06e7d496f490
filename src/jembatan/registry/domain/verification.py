"""An officer's verdict on a company: verified, or returned with a note.

The one code path for the web queue, the admin and the API, so they cannot drift apart.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from jembatan.core.domain.audit import log_action
from jembatan.registry.models import Company


def _record_verdict(company: Company, officer: Any, verdict: str, note: str) -> None:
    company.verification = verdict
    company.verification_note = note
    company.verified_by = officer
    company.verified_at = timezone.now()
    company.save(
        update_fields=[
            "verification",
            "verification_note",
            "verified_by",
            "verified_at",
            "updated_at",
        ]
    )


@transaction.atomic
def verify_company(company: Company, officer: Any) -> Company:
    """Mark `company` as verified by `officer` and record it in the audit log."""
    _record_verdict(company, officer, Company.Verification.VERIFIED, "")
    log_action("jembatan.company.verified", company, officer)
    return company


@transaction.atomic
def return_company(company: Company, officer: Any, note: str) -> Company:
    """Send `company` back to its members with `note` saying what to fix."""
    _record_verdict(company, officer, Company.Verification.REJECTED, note)
    log_action("jembatan.company.returned", company, officer, data={"note": note})
    return company


def resubmit_after_edit(company: Company) -> None:
    """A returned company that its members have edited goes back into the officers' queue.

    Only changes the instance; the caller saves it with the rest of the edit.
    """
    if company.verification == Company.Verification.REJECTED:
        company.verification = Company.Verification.UNVERIFIED
