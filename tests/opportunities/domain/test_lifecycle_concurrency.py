"""Officers' decisions on a profile taken at the same moment: one wins, one audit entry; the
other is told why (lifecycle re-reads the row under a lock, docs/locking.md)."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from jembatan.core.models import AuditLogEntry
from jembatan.opportunities.domain import lifecycle
from jembatan.opportunities.models import PartnershipProfile, Status
from tests.concurrency import require_postgresql, run_at_once
from tests.opportunities.factories import ProfileFactory


def actions() -> list[str]:
    return list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True))


def test_return_on_stale_state_after_validation_is_refused(officer: Any, company: Any) -> None:
    profile = ProfileFactory(company=company, status=Status.SUBMITTED)
    seen_by_first = PartnershipProfile.objects.get(pk=profile.pk)
    seen_by_second = PartnershipProfile.objects.get(pk=profile.pk)
    lifecycle.validate(seen_by_first, officer)
    with translation.override("en"), pytest.raises(lifecycle.TransitionError) as raised:
        lifecycle.return_with_reason(seen_by_second, officer, "Lengkapi kapasitas produksi.")
    assert str(raised.value) == (
        "A profile that is Validated cannot be returned; only one that is Submitted for validation."
    )
    profile.refresh_from_db()
    assert (profile.status, profile.returned_reason) == ("validated", "")
    assert actions() == ["jembatan.profile.validated"]


def test_publish_on_stale_state_is_refused_once_published(member: Any, company: Any) -> None:
    profile = ProfileFactory(company=company, status=Status.VALIDATED)
    first = PartnershipProfile.objects.get(pk=profile.pk)
    second = PartnershipProfile.objects.get(pk=profile.pk)
    lifecycle.publish(first, member)
    with pytest.raises(lifecycle.TransitionError):
        lifecycle.publish(second, member)
    assert actions() == ["jembatan.profile.published"]


def test_api_validate_of_a_returned_profile_is_409_in_the_users_language(
    as_user: Any, officer: Any, company: Any
) -> None:
    profile = ProfileFactory(company=company, status=Status.SUBMITTED)
    lifecycle.return_with_reason(profile, officer, "Lengkapi kapasitas produksi.")
    officer.language = "id"
    officer.save()
    response = as_user("officer").post(f"/api/v1/profiles/{profile.pk}/validate/")
    assert response.status_code == 409
    assert response.json() == {
        "detail": "Profil berstatus Dikembalikan petugas tidak dapat divalidasi; hanya profil "
        "berstatus Diajukan untuk validasi yang dapat."
    }


@pytest.mark.django_db(transaction=True)
def test_three_simultaneous_validations_write_one_audit_entry(officer: Any) -> None:
    require_postgresql()
    profile = ProfileFactory(status=Status.SUBMITTED)
    seen = [PartnershipProfile.objects.get(pk=profile.pk) for _ in range(3)]
    results = run_at_once([lambda p=p: lifecycle.validate(p, officer) for p in seen])
    refused = [r for r in results if isinstance(r, lifecycle.TransitionError)]
    assert len(refused) == 2
    assert actions() == ["jembatan.profile.validated"]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_return_and_validation_keep_the_winner_whole(officer: Any) -> None:
    require_postgresql()
    profile = ProfileFactory(status=Status.SUBMITTED)
    first = PartnershipProfile.objects.get(pk=profile.pk)
    second = PartnershipProfile.objects.get(pk=profile.pk)
    results = run_at_once(
        [
            lambda: lifecycle.return_with_reason(first, officer, "Lengkapi kapasitas."),
            lambda: lifecycle.validate(second, officer),
        ]
    )
    assert len([r for r in results if isinstance(r, lifecycle.TransitionError)]) == 1
    profile.refresh_from_db()
    if isinstance(results[0], lifecycle.TransitionError):
        expected = ("validated", "", ["jembatan.profile.validated"])
    else:
        expected = ("returned", "Lengkapi kapasitas.", ["jembatan.profile.returned"])
    assert (profile.status, profile.returned_reason, actions()) == expected
