"""The claim of an imported company by its identifier, and the officers' claims queue."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jembatan.accounts.domain.claims import DecisionConflictError, confirm_claim, reject_claim
from jembatan.accounts.models import CompanyClaim, User
from jembatan.core.models import AuditLogEntry
from tests.accounts.helpers import company_form, last_mail_to
from tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "member", "teammate", "outsider", "viewer"]


@pytest.fixture
def claim(company, django_capture_on_commit_callbacks) -> CompanyClaim:  # type: ignore[no-untyped-def]
    """Dewi signs up with the identifier of `company` (as an agency import put it there)."""
    form = company_form(registry_id=company.registry_id, legal_name="PT Klaim Baru")
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/accounts/signup/", form)
    return CompanyClaim.objects.get()


@pytest.mark.parametrize("role", ROLES)
def test_claims_page_refused_to_non_officers(as_user, role, claim) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get("/accounts/claims/")
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"] == "/accounts/login/?next=/accounts/claims/"
    else:
        assert response.status_code == 403
        assert "Dewi" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_claim_decision_refused_to_non_officers(as_user, role, claim) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).post(f"/accounts/claims/{claim.pk}/confirm/")
    assert response.status_code == (302 if role == "anonymous" else 403)
    claim.refresh_from_db()
    assert claim.status == "pending"


def test_claims_page_officer_sees_claimant_and_record(as_user, claim, company) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").get("/accounts/claims/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dewi Lestari · dewi@kemasan.co.id" in html
    assert "PT Klaim Baru" in html
    assert company.name in html


def test_claims_page_query_count_flat(as_user, officer) -> None:  # type: ignore[no-untyped-def]
    def count(n: int) -> int:
        CompanyClaim.objects.all().delete()
        for i in range(n):
            user = User.objects.create(username=f"c{n}-{i}@x.id", email=f"c{n}-{i}@x.id")
            CompanyClaim.objects.create(
                company=CompanyFactory(), user=user, legal_name="X", created_at="2026-01-01T00:00Z"
            )
        client = as_user("officer")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/accounts/claims/").status_code == 200
        return len(queries)

    assert count(1) == count(3)


def test_confirm_claim_makes_member(
    as_user, claim, company, member, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user("officer").post(f"/accounts/claims/{claim.pk}/confirm/")
    assert response.status_code == 302
    user = User.objects.get(pk=claim.user_id)
    assert (user.role, user.organisation, user.company_id_or_none) == (
        "company_member",
        member.organisation,  # the company's existing organisation
        company.pk,
    )
    claim.refresh_from_db()
    assert claim.status == "confirmed"
    assert AuditLogEntry.objects.filter(action="jembatan.claim.confirmed").count() == 1
    assert (
        last_mail_to(user.email).subject
        == f"Jembatan: Anda kini bertindak atas nama {company.name}"
    )


def test_confirm_claim_without_organisation_creates_one(claim, company, officer) -> None:  # type: ignore[no-untyped-def]
    user = confirm_claim(claim, officer)
    assert user.organisation is not None
    assert (user.organisation.kind, user.organisation.company) == ("company", company)


def test_reject_claim_keeps_claimant_outside(
    as_user, claim, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        as_user("officer").post(f"/accounts/claims/{claim.pk}/reject/", {"note": "Bukan pegawai."})
    user = User.objects.get(pk=claim.user_id)
    assert (user.role, user.organisation) == ("viewer", None)
    claim.refresh_from_db()
    assert (claim.status, claim.note) == ("rejected", "Bukan pegawai.")
    assert "Bukan pegawai." in last_mail_to(user.email).body


def test_decide_claim_twice_conflict(claim, officer) -> None:  # type: ignore[no-untyped-def]
    stale = CompanyClaim.objects.get(pk=claim.pk)
    confirm_claim(claim, officer)
    with pytest.raises(DecisionConflictError):
        reject_claim(stale, officer, "")


def test_decide_claim_domain_refuses_non_officer(claim, member) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        confirm_claim(claim, member)


def test_decide_claim_unknown_verdict_404(as_user, claim) -> None:  # type: ignore[no-untyped-def]
    assert as_user("officer").post(f"/accounts/claims/{claim.pk}/maybe/").status_code == 404


def test_claimant_sees_nothing_private_of_record(claim, company) -> None:  # type: ignore[no-untyped-def]
    """Once confirmed by e-mail, the claimant is a viewer: the company's private page stays
    closed to them until an officer confirms the claim."""
    User.objects.filter(pk=claim.user_id).update(email_confirmed=True)
    client = Client()
    client.force_login(User.objects.get(pk=claim.user_id))
    assert client.get(f"/companies/{company.pk}/edit/").status_code in (403, 404)
    assert len(mail.outbox) == 1


def test_claims_queue_registered_with_count(claim, officer, member) -> None:  # type: ignore[no-untyped-def]
    from jembatan.core.domain.queues import queues_for

    counts = {q.key: q.count for q in queues_for(officer)}
    assert (counts["accounts.claims"], counts["accounts.institutions"]) == (1, 0)
    assert [q.key for q in queues_for(member) if q.key.startswith("accounts.")] == []


def test_admin_action_confirms_through_domain(claim, company) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import UserFactory

    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(root)
    response = client.post(
        "/admin/accounts/companyclaim/",
        {"action": "confirm_claims", "_selected_action": [claim.pk]},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == "confirmed"
    assert User.objects.get(pk=claim.user_id).company_id_or_none == company.pk
