"""save_company, the one action behind every company write."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from jembatan.core.models import AuditLogEntry
from jembatan.registry.domain.companies import CompanyChangeError, save_company
from jembatan.registry.domain.verification import verify_company
from jembatan.registry.models import Company


@pytest.mark.parametrize("role", ["member", "teammate", "outsider", "viewer"])
def test_save_company_create_refused_for_non_officers(
    request: pytest.FixtureRequest, role: str
) -> None:
    new = Company(name="PT Baru", country="ID", registry_id="9120001234567")
    with pytest.raises(PermissionDenied):
        save_company(request.getfixturevalue(role), new, {})
    assert Company.objects.filter(registry_id="9120001234567").exists() is False


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_save_company_change_refused_for_others(
    request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    with pytest.raises(PermissionDenied):
        save_company(request.getfixturevalue(role), company, {"city": "Cimahi"})
    assert AuditLogEntry.objects.count() == 0


def test_save_company_refuses_computed_fields_even_for_officers(
    officer: Any, company: Company
) -> None:
    with translation.override("en"), pytest.raises(CompanyChangeError) as raised:
        save_company(officer, company, {"verification": "verified", "size_class": "large"})
    assert raised.value.errors == {
        "size_class": "This field is computed or set by an officer's decision.",
        "verification": "This field is computed or set by an officer's decision.",
    }


def test_save_company_stale_edit_keeps_a_verification_made_meanwhile(
    member: Any, officer: Any, company: Company
) -> None:
    """The member opened the edit page before the officer verified: saving the city must
    not write the old verification state back."""
    seen_by_member = Company.objects.get(pk=company.pk)
    verify_company(Company.objects.get(pk=company.pk), officer)
    saved = save_company(member, seen_by_member, {"city": "Cimahi"})
    assert (saved.city, saved.verification) == ("Cimahi", "verified")
    company.refresh_from_db()
    assert (company.city, company.verification, company.verified_by) == (
        "Cimahi",
        "verified",
        officer,
    )


def test_save_company_returned_company_edited_by_member_goes_back_to_the_queue(
    member: Any, company: Company
) -> None:
    company.verification = Company.Verification.REJECTED
    company.verification_note = "Wrong city."
    company.save()
    saved = save_company(member, company, {"city": "Cimahi"})
    assert (saved.verification, saved.verification_note) == ("unverified", "Wrong city.")
    entry = AuditLogEntry.objects.get()
    assert entry.data == {"fields": ["city"], "returned_to_queue": True}


def test_save_company_records_only_fields_that_changed(member: Any, company: Company) -> None:
    save_company(member, company, {"city": company.city, "employees": 7})
    assert AuditLogEntry.objects.get().data == {"fields": ["employees"]}
