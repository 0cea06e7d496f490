"""Officers' verdicts on companies: who may give them, and two officers at the same moment."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from jembatan.core.models import AuditLogEntry
from jembatan.registry.domain.verification import (
    DecisionConflictError,
    return_company,
    verify_company,
)
from jembatan.registry.models import Company
from tests.concurrency import require_postgresql, run_at_once
from tests.factories import CompanyFactory


@pytest.fixture(autouse=True)
def in_english() -> Any:
    """Messages are asserted in English; domain code runs in the active language."""
    with translation.override("en"):
        yield


def audit_actions() -> list[str]:
    return list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True))


def test_verify_company_clears_an_earlier_note(company, officer) -> None:  # type: ignore[no-untyped-def]
    return_company(company, officer, "Wrong city.")
    verify_company(company, officer)
    company.refresh_from_db()
    assert (company.verification, company.verification_note) == ("verified", "")
    assert audit_actions() == ["jembatan.company.returned", "jembatan.company.verified"]


def test_verify_company_already_verified_is_refused_without_audit(company, officer) -> None:  # type: ignore[no-untyped-def]
    verify_company(company, officer)
    with pytest.raises(DecisionConflictError) as raised:
        verify_company(company, officer)
    assert str(raised.value) == f"{company.name} is already verified; nothing was changed."
    assert audit_actions() == ["jembatan.company.verified"]


def test_return_company_already_returned_is_refused(company, officer) -> None:  # type: ignore[no-untyped-def]
    return_company(company, officer, "Wrong city.")
    with pytest.raises(DecisionConflictError):
        return_company(company, officer, "Another note.")
    company.refresh_from_db()
    assert company.verification_note == "Wrong city."


def test_return_company_on_stale_state_keeps_the_verification(company, officer) -> None:  # type: ignore[no-untyped-def]
    """Two officers read the company as unverified; the first verifies, the second's return
    (read before the verification) is refused and its note not written."""
    seen_by_first = Company.objects.get(pk=company.pk)
    seen_by_second = Company.objects.get(pk=company.pk)
    verify_company(seen_by_first, officer)
    with pytest.raises(DecisionConflictError) as raised:
        return_company(seen_by_second, officer, "Wrong city.")
    assert str(raised.value) == f"{company.name} is already verified; nothing was changed."
    company.refresh_from_db()
    assert (company.verification, company.verification_note) == ("verified", "")
    assert audit_actions() == ["jembatan.company.verified"]


def test_verify_company_on_stale_state_keeps_the_returned_note(company, officer) -> None:  # type: ignore[no-untyped-def]
    seen_by_first = Company.objects.get(pk=company.pk)
    seen_by_second = Company.objects.get(pk=company.pk)
    return_company(seen_by_first, officer, "Wrong city.")
    with pytest.raises(DecisionConflictError) as raised:
        verify_company(seen_by_second, officer)
    assert str(raised.value) == (
        f"{company.name} has already been returned to the company; nothing was changed."
    )
    company.refresh_from_db()
    assert (company.verification, company.verification_note) == ("rejected", "Wrong city.")
    assert audit_actions() == ["jembatan.company.returned"]


@pytest.mark.parametrize("role", ["member", "teammate", "outsider", "viewer"])
def test_verify_and_return_refused_for_non_officers(
    request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    user = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        verify_company(company, user)
    with pytest.raises(PermissionDenied):
        return_company(company, user, "note")
    company.refresh_from_db()
    assert company.verification == "unverified"
    assert audit_actions() == []


@pytest.mark.django_db(transaction=True)
def test_three_simultaneous_verifications_write_one_audit_entry(officer: Any) -> None:
    require_postgresql()
    company = CompanyFactory(country="ID")
    seen = [Company.objects.get(pk=company.pk) for _ in range(3)]
    results = run_at_once([lambda c=c: verify_company(c, officer) for c in seen])
    conflicts = [r for r in results if isinstance(r, DecisionConflictError)]
    assert (len(conflicts), len(results) - len(conflicts)) == (2, 1)
    assert audit_actions() == ["jembatan.company.verified"]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_return_and_verification_keep_the_winner_whole(officer: Any) -> None:
    require_postgresql()
    company = CompanyFactory(country="ID")
    first, second = Company.objects.get(pk=company.pk), Company.objects.get(pk=company.pk)
    results = run_at_once(
        [
            lambda: return_company(first, officer, "Wrong city."),
            lambda: verify_company(second, officer),
        ]
    )
    conflicts = [r for r in results if isinstance(r, DecisionConflictError)]
    assert len(conflicts) == 1
    company.refresh_from_db()
    if isinstance(results[0], DecisionConflictError):  # the verification won
        expected = ("verified", "", ["jembatan.company.verified"])
    else:
        expected = ("rejected", "Wrong city.", ["jembatan.company.returned"])
    assert (company.verification, company.verification_note, audit_actions()) == expected
