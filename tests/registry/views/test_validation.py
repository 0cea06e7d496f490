from __future__ import annotations

import pytest
from django.test import Client

from jembatan.core.models import AuditLogEntry
from jembatan.registry.domain.verification import return_company, verify_company
from jembatan.registry.models import Company
from tests.factories import CompanyFactory
from tests.navigation import queue_count_queries
from tests.registry.sample import make_regions

ROLES_DENIED = ["member", "teammate", "outsider", "viewer"]


@pytest.mark.django_db
def test_queue_anonymous_redirects_to_sign_in(client: Client) -> None:
    response = client.get("/companies/validation/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/companies/validation/"


@pytest.mark.parametrize("role", ROLES_DENIED)
def test_queue_forbidden_to_non_officers(
    client: Client, request: pytest.FixtureRequest, role: str
) -> None:
    client.force_login(request.getfixturevalue(role))
    assert client.get("/companies/validation/").status_code == 403


def test_queue_lists_unverified_oldest_first(client: Client, officer) -> None:  # type: ignore[no-untyped-def]
    first = CompanyFactory(name="Zeta Karton")
    second = CompanyFactory(name="Alpha Plastik")
    CompanyFactory(name="Verified Co", verification="verified")
    CompanyFactory(name="Returned Co", verification="rejected")
    client.force_login(officer)
    response = client.get("/companies/validation/")
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [first, second]


@pytest.mark.parametrize("count", [1, 3])
def test_queue_query_count_constant(
    client: Client, officer, django_assert_num_queries, count: int
) -> None:  # type: ignore[no-untyped-def]
    region = make_regions()["ID-JB"]
    CompanyFactory.create_batch(count, region=region)
    client.force_login(officer)
    # session, user, count, page (regions joined); officers skip ModelBackend's lookups; the bell's unread count; the
    # navigation's four officer queue counts.
    # (including the translation queue's count in the navigation)
    with django_assert_num_queries(5 + queue_count_queries(officer)):
        response = client.get("/companies/validation/")
    assert len(response.context["page"].object_list) == count


def test_verify_by_officer_sets_fields_and_logs(client: Client, officer, company) -> None:  # type: ignore[no-untyped-def]
    client.force_login(officer)
    response = client.post(f"/companies/validation/{company.pk}/verify/")
    assert response.status_code == 302
    assert response["Location"] == "/companies/validation/"
    company.refresh_from_db()
    assert (company.verification, company.verified_by) == ("verified", officer)
    assert company.verified_at is not None
    assert AuditLogEntry.objects.filter(action="jembatan.company.verified").count() == 1


def test_verify_htmx_returns_the_row(client: Client, officer, company) -> None:  # type: ignore[no-untyped-def]
    client.force_login(officer)
    response = client.post(f"/companies/validation/{company.pk}/verify/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="queue-{company.pk}"' in html
    assert f"{company.name} is verified." in html


@pytest.mark.parametrize("role", ROLES_DENIED)
def test_verify_forbidden_to_non_officers(
    client: Client, request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    client.force_login(request.getfixturevalue(role))
    assert client.post(f"/companies/validation/{company.pk}/verify/").status_code == 403
    assert (
        client.post(f"/companies/validation/{company.pk}/return/", {"note": "x"}).status_code == 403
    )
    company.refresh_from_db()
    assert company.verification == "unverified"


@pytest.mark.django_db
def test_verify_anonymous_redirects(client: Client, company: Company) -> None:
    assert client.post(f"/companies/validation/{company.pk}/verify/").status_code == 302
    company.refresh_from_db()
    assert company.verification == "unverified"


def test_verify_get_not_allowed(client: Client, officer, company) -> None:  # type: ignore[no-untyped-def]
    client.force_login(officer)
    assert client.get(f"/companies/validation/{company.pk}/verify/").status_code == 405


def test_return_with_note_sets_note_and_logs(client: Client, officer, company) -> None:  # type: ignore[no-untyped-def]
    client.force_login(officer)
    note = "The NIB does not match the licence."
    response = client.post(
        f"/companies/validation/{company.pk}/return/", {"note": note}, HTTP_HX_REQUEST="true"
    )
    company.refresh_from_db()
    assert response.status_code == 200
    assert (company.verification, company.verification_note) == ("rejected", note)
    entry = AuditLogEntry.objects.get(action="jembatan.company.returned")
    assert entry.data == {"note": note}


def test_return_without_note_shows_error_in_row(client: Client, officer, company) -> None:  # type: ignore[no-untyped-def]
    client.force_login(officer)
    response = client.post(
        f"/companies/validation/{company.pk}/return/", {"note": ""}, HTTP_HX_REQUEST="true"
    )
    company.refresh_from_db()
    assert "Write a note telling the company what to fix." in response.content.decode()
    assert company.verification == "unverified"


def test_returned_note_shown_to_member_on_company_page(client: Client, member, company) -> None:  # type: ignore[no-untyped-def]
    company.verification = "rejected"
    company.verification_note = "Add your KBLI codes."
    company.save()
    client.force_login(member)
    assert "Add your KBLI codes." in client.get(f"/companies/{company.pk}/").content.decode()


def test_verify_of_an_already_verified_company_says_so(client: Client, officer, company) -> None:  # type: ignore[no-untyped-def]
    verify_company(company, officer)
    client.force_login(officer)
    response = client.post(
        f"/companies/validation/{company.pk}/verify/", HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert [str(m) for m in response.context["messages"]] == [
        f"{company.name} is already verified; nothing was changed."
    ]
    assert AuditLogEntry.objects.filter(action="jembatan.company.verified").count() == 1


def test_return_htmx_of_a_returned_company_shows_the_conflict_in_the_row(
    client: Client, officer, company
) -> None:  # type: ignore[no-untyped-def]
    return_company(company, officer, "First note.")
    client.force_login(officer)
    response = client.post(
        f"/companies/validation/{company.pk}/return/",
        {"note": "Second note."},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert response.context["message"] == (
        f"{company.name} has already been returned to the company; nothing was changed."
    )
    assert 'role="alert"' in response.content.decode()
    company.refresh_from_db()
    assert (company.verification, company.verification_note) == ("rejected", "First note.")
