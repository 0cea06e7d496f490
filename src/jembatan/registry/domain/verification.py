"""Officers verify a company's profile, or return it to the company with a note."""

from __future__ import annotations

from django.utils import timezone

from jembatan.accounts.models import User
from jembatan.core.domain.audit import log_action
from jembatan.registry.models import Company


def verify_company(company: Company, officer: User) -> None:
    """Mark `company` as verified by `officer`, now."""
    company.verification = Company.Verification.VERIFIED
    company.verified_by = officer
    company.verified_at = timezone.now()
    company.save(update_fields=["verification", "verified_by", "verified_at", "updated_at"])
    log_action("jembatan.company.verified", company, officer)


def return_company(company: Company, officer: User, note: str) -> None:
    """Return `company` to its members with `note` saying what to correct."""
    company.verification = Company.Verification.REJECTED
    company.verification_note = note
    company.verified_by = None
    company.verified_at = None
    company.save(
        update_fields=[
            "verification",
            "verification_note",
            "verified_by",
            "verified_at",
            "updated_at",
        ]
    )
    log_action("jembatan.company.returned", company, officer)
