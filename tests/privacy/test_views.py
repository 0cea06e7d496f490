"""Every page and API route of the privacy app, for every role."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from jembatan.core.domain.queues import registered_queues
from jembatan.core.models import AuditLogEntry
from jembatan.privacy.models import ErasureRequest, ErasureStatus
from jembatan.registry.models import Company
from tests.navigation import queue_count_queries
from tests.privacy.conftest import NOW

MAY_DOWNLOAD = ["member", "teammate", "officer"]
MAY_NOT = ["outsider", "viewer"]


def _urls(company: Company) -> list[str]:
    return [
        reverse("privacy:company_data", args=[company.pk]),
        reverse("privacy:company_json", args=[company.pk]),
        reverse("privacy:company_pdf", args=[company.pk]),
    ]


@pytest.mark.parametrize("role", MAY_DOWNLOAD)
def test_data_page_and_downloads_for_members_and_officers(company, role: str, as_user) -> None:  # type: ignore[no-untyped-def]
    client = as_user(role)
    page, as_json, as_pdf = (client.get(url) for url in _urls(company))
    assert page.status_code == 200
    assert page.context["company"] == company
    assert as_json.status_code == 200
    assert as_json["Content-Type"] == "application/json"
    assert (
        as_json["Content-Disposition"]
        == f'attachment; filename="jembatan-company-{company.pk}.json"'
    )
    assert (
        json.loads(as_json.content)["sections"]["registry"]["company"]["legal_name"] == company.name
    )
    assert as_pdf.status_code == 200
    assert as_pdf["Content-Type"] == "application/pdf"
    assert as_pdf.content.startswith(b"%PDF-")


@pytest.mark.parametrize("role", MAY_NOT)
def test_data_page_and_downloads_are_404_for_others(company, role: str, as_user) -> None:  # type: ignore[no-untyped-def]
    client = as_user(role)
    assert [client.get(url).status_code for url in _urls(company)] == [404, 404, 404]
    response = client.post(_urls(company)[0], {"reason": "x", "confirm": "on"})
    assert response.status_code == 404
    assert not ErasureRequest.objects.exists()


def test_data_page_and_downloads_ask_anonymous_to_sign_in(company, as_user) -> None:  # type: ignore[no-untyped-def]
    client = as_user("anonymous")
    for url in _urls(company):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={url}"


def test_unknown_company_is_404(member) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(member)
    assert client.get(reverse("privacy:company_data", args=[99999])).status_code == 404


@pytest.mark.parametrize("role", ["member", "teammate"])
def test_member_asks_for_erasure(company, role: str, as_user) -> None:  # type: ignore[no-untyped-def]
    url = _urls(company)[0]
    response = as_user(role).post(url, {"reason": "Kami menutup usaha.", "confirm": "on"})
    assert (response.status_code, response["Location"]) == (302, url)
    erasure = ErasureRequest.objects.get()
    assert (erasure.company, erasure.reason, erasure.status) == (
        company,
        "Kami menutup usaha.",
        ErasureStatus.REQUESTED,
    )
    page = as_user(role).get(url)
    assert page.context["pending"] == erasure


def test_erasure_request_needs_reason_and_confirmation(company, as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("member").post(_urls(company)[0], {"reason": ""})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"reason", "confirm"}
    assert not ErasureRequest.objects.exists()


def test_officer_may_not_ask_for_erasure(company, as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").post(_urls(company)[0], {"reason": "x", "confirm": "on"})
    assert response.status_code == 403
    assert not ErasureRequest.objects.exists()


@pytest.fixture
def waiting(company, member) -> ErasureRequest:  # type: ignore[no-untyped-def]
    return ErasureRequest.objects.create(
        company=company, requested_by=member, reason="Tutup usaha", created_at=NOW
    )


def test_queue_lists_waiting_requests_for_officers(waiting, as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").get(reverse("privacy:erasure_queue"))
    assert response.status_code == 200
    assert list(response.context["waiting"]) == [waiting]
    assert "Tutup usaha" in response.content.decode()


@pytest.mark.parametrize("role", ["member", "teammate", "outsider", "viewer"])
def test_queue_and_decisions_are_404_for_non_officers(waiting, role: str, as_user) -> None:  # type: ignore[no-untyped-def]
    client = as_user(role)
    assert client.get(reverse("privacy:erasure_queue")).status_code == 404
    erase = client.post(reverse("privacy:erasure_carry_out", args=[waiting.pk]), {"reviewed": "on"})
    decline = client.post(reverse("privacy:erasure_decline", args=[waiting.pk]), {"note": "n"})
    assert (erase.status_code, decline.status_code) == (404, 404)
    assert ErasureRequest.objects.get().status == ErasureStatus.REQUESTED


def test_queue_asks_anonymous_to_sign_in(waiting, as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("anonymous").get(reverse("privacy:erasure_queue"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_officer_erases_from_the_queue(company, waiting, as_user) -> None:  # type: ignore[no-untyped-def]
    client = as_user("officer")
    url = reverse("privacy:erasure_carry_out", args=[waiting.pk])
    unticked = client.post(url, follow=True)
    assert "Tick the box" in unticked.content.decode()
    assert ErasureRequest.objects.get().status == ErasureStatus.REQUESTED
    response = client.post(url, {"reviewed": "on"})
    assert (response.status_code, response["Location"]) == (302, reverse("privacy:erasure_queue"))
    assert ErasureRequest.objects.get().status == ErasureStatus.DONE
    assert Company.objects.get(pk=company.pk).name == f"Erased company #{company.pk}"
    # A second click (another tab) changes nothing and says so.
    again = client.post(url, {"reviewed": "on"}, follow=True)
    assert "already been decided" in again.content.decode()
    assert AuditLogEntry.objects.filter(action="jembatan.company.erased").count() == 1


def test_officer_declines_with_note(company, waiting, as_user) -> None:  # type: ignore[no-untyped-def]
    client = as_user("officer")
    url = reverse("privacy:erasure_decline", args=[waiting.pk])
    assert client.post(url, {"note": ""}).status_code == 302
    assert ErasureRequest.objects.get().status == ErasureStatus.REQUESTED
    client.post(url, {"note": "Kontrak masih berjalan."})
    declined = ErasureRequest.objects.get()
    assert (declined.status, declined.decision_note) == (
        ErasureStatus.REJECTED,
        "Kontrak masih berjalan.",
    )


def test_erasure_queue_is_registered_for_officers(waiting, officer, member) -> None:  # type: ignore[no-untyped-def]
    (queue,) = [q for q in registered_queues() if q.key == "privacy.erasure"]
    assert queue.count() == 1
    assert reverse(queue.url_name) == "/privacy/erasure-requests/"
    assert (queue.visible_to(officer), queue.visible_to(member)) == (True, False)


@pytest.mark.parametrize("items", [1, 3])
def test_queue_query_count_does_not_grow(
    items: int, company, member, as_user, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import CompanyFactory

    for n in range(items):
        target = company if n == 0 else CompanyFactory()
        ErasureRequest.objects.create(
            company=target, requested_by=member, reason="x", created_at=NOW
        )
    client = as_user("officer")
    with django_assert_max_num_queries(7 + queue_count_queries()):
        response = client.get(reverse("privacy:erasure_queue"))
    assert len(response.context["waiting"]) == items


def test_company_page_links_to_the_data_page_for_members_only(company, as_user) -> None:  # type: ignore[no-untyped-def]
    link = reverse("privacy:company_data", args=[company.pk])
    detail = reverse("registry:company_detail", args=[company.pk])
    assert link in as_user("member").get(detail).content.decode()
    assert link not in as_user("outsider").get(detail).content.decode()


# The API: GET /api/v1/companies/{id}/export/


def _api(user) -> APIClient:  # type: ignore[no-untyped-def]
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.mark.parametrize("role", MAY_DOWNLOAD)
def test_api_export_for_members_and_officers(
    company, role: str, request: pytest.FixtureRequest
) -> None:
    response = _api(request.getfixturevalue(role)).get(f"/api/v1/companies/{company.pk}/export/")
    assert response.status_code == 200
    body = response.json()
    assert body["sections"]["registry"]["company"]["id"] == company.pk
    assert "accounts" in body["sections"]


@pytest.mark.parametrize("role", MAY_NOT)
def test_api_export_is_404_for_others(company, role: str, request: pytest.FixtureRequest) -> None:
    response = _api(request.getfixturevalue(role)).get(f"/api/v1/companies/{company.pk}/export/")
    assert response.status_code == 404


def test_api_export_is_401_for_anonymous(company) -> None:  # type: ignore[no-untyped-def]
    response = _api(None).get(f"/api/v1/companies/{company.pk}/export/")
    assert response.status_code == 401


def test_admin_lists_requests_read_only(waiting, db) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import UserFactory

    admin_user = UserFactory(username="root", is_staff=True, is_superuser=True, role="officer")
    client = Client()
    client.force_login(admin_user)
    listing = client.get("/admin/privacy/erasurerequest/")
    assert listing.status_code == 200
    assert str(waiting.company) in listing.content.decode()
    assert client.get("/admin/privacy/erasurerequest/add/").status_code == 403
