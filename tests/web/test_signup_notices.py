"""Sign-up claims and institutions notify: officers of what waits, the people concerned of
the officer's answer (accounts sends signals; web/notices.py turns them into notices)."""

from __future__ import annotations

import pytest
from django.test import Client

from jembatan.accounts.domain.claims import confirm_claim, decide_institution, reject_claim
from jembatan.accounts.models import CompanyClaim, Organisation
from jembatan.notifications.models import EmailState, Notification
from tests.accounts.helpers import company_form, institution_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(company, officer, django_capture_on_commit_callbacks) -> CompanyClaim:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/accounts/signup/", company_form(registry_id=company.registry_id))
    return CompanyClaim.objects.get()


@pytest.fixture
def institution(officer, django_capture_on_commit_callbacks) -> Organisation:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/accounts/signup/institution/", institution_form())
    return Organisation.objects.get(kind="institution")


def test_claim_filed_tells_officers_only(claim, officer, member, outsider, viewer) -> None:  # type: ignore[no-untyped-def]
    notices = Notification.objects.filter(kind="accounts.claim_filed")
    assert [n.recipient for n in notices] == [officer]
    assert notices.get().link == "/accounts/claims/"
    assert notices.get().email_state == EmailState.DIGEST


def test_claim_confirmed_tells_the_claimant_in_app(claim, officer, company) -> None:  # type: ignore[no-untyped-def]
    confirm_claim(claim, officer)
    notice = Notification.objects.get(kind="accounts.claim_confirmed")
    assert notice.recipient == claim.user
    assert notice.link == f"/companies/{company.pk}/"
    assert company.name in notice.title
    # The account e-mail already tells them; the notice adds no second e-mail by default.
    assert notice.email_state == EmailState.SKIPPED


def test_claim_refused_tells_the_claimant_with_the_note(claim, officer) -> None:  # type: ignore[no-untyped-def]
    reject_claim(claim, officer, "Bukan pengurus perusahaan.")
    notice = Notification.objects.get(kind="accounts.claim_rejected")
    assert notice.recipient == claim.user
    assert "Bukan pengurus perusahaan." in notice.body


def test_institution_filed_and_decided(institution, officer) -> None:  # type: ignore[no-untyped-def]
    filed = Notification.objects.get(kind="accounts.institution_filed")
    assert (filed.recipient, filed.link) == (officer, "/accounts/institutions/")
    decide_institution(institution, officer, Organisation.Verification.VERIFIED)
    decided = Notification.objects.get(kind="accounts.institution_verified")
    assert decided.recipient == institution.members.get()
    assert institution.name in decided.title
