from __future__ import annotations

from jembatan.core.models import AuditLogEntry
from jembatan.registry.domain.verification import (
    resubmit_after_edit,
    return_company,
    verify_company,
)
from jembatan.registry.models import Company


def test_verify_company_clears_an_earlier_note(company, officer) -> None:  # type: ignore[no-untyped-def]
    return_company(company, officer, "Wrong city.")
    verify_company(company, officer)
    company.refresh_from_db()
    assert (company.verification, company.verification_note) == ("verified", "")
    actions = list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["jembatan.company.returned", "jembatan.company.verified"]


def test_resubmit_after_edit_only_moves_returned_companies(company) -> None:  # type: ignore[no-untyped-def]
    company.verification = Company.Verification.VERIFIED
    resubmit_after_edit(company)
    assert company.verification == "verified"
    company.verification = Company.Verification.REJECTED
    resubmit_after_edit(company)
    assert company.verification == "unverified"
