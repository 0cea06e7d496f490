"""The edit page, the API and the admin change a company through one action
(registry.domain.companies.save_company): the same field rights, the same return to the
validation queue, the same audit key, for the owner, a teammate, an outsider, a viewer and
an officer."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from jembatan.core.models import AuditLogEntry
from jembatan.registry.models import Company
from tests.factories import UserFactory
from tests.registry.api_support import api_client, region
from tests.registry.test_derived_on_save import admin_data

REFUSED_REGISTRY_ID = (
    "Only a programme officer can change the registry identifier; ask one if it is wrong."
)
REFUSED_COUNTRY = "Only a programme officer can change the country; ask one if it is wrong."


def verified(company: Company) -> Company:
    company.verification = Company.Verification.VERIFIED
    company.save()
    return company


def audit_entries() -> list[tuple[str, dict[str, Any]]]:
    return [(e.action, e.data) for e in AuditLogEntry.objects.order_by("id")]


def url(company: Company) -> str:
    return f"/api/v1/companies/{company.pk}/"


# -- API --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("officer", 200), ("member", 200), ("teammate", 200), ("outsider", 403), ("viewer", 403)],
)
def test_api_patch_city_by_role(
    request: pytest.FixtureRequest, role: str, status: int, company: Company
) -> None:
    user = request.getfixturevalue(role)
    response = api_client(user).patch(url(company), {"city": "Cimahi"}, format="json")
    assert response.status_code == status
    company.refresh_from_db()
    assert company.city == ("Cimahi" if status == 200 else "Bandung")
    expected = [("jembatan.company.changed", {"fields": ["city"]})] if status == 200 else []
    assert audit_entries() == expected


@pytest.mark.parametrize("role", ["member", "teammate"])
def test_api_member_changing_registry_id_is_refused_with_a_field_error(
    request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    verified(company)
    original = company.registry_id
    response = api_client(request.getfixturevalue(role)).patch(
        url(company), {"registry_id": "9120001234567"}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert response.json() == {"registry_id": [REFUSED_REGISTRY_ID]}
    company.refresh_from_db()
    assert (company.registry_id, company.verification) == (original, "verified")
    assert audit_entries() == []


def test_api_member_moving_the_company_to_japan_is_refused(member: Any, company: Company) -> None:
    verified(company)
    region("JP-27")
    response = api_client(member).patch(
        url(company),
        {"country": "JP", "region_code": "JP-27", "registry_id": "2120001234569"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json()["country"] == [REFUSED_COUNTRY]
    assert response.json()["registry_id"] == [REFUSED_REGISTRY_ID]
    company.refresh_from_db()
    assert (company.country, company.region_id, company.verification) == ("ID", None, "verified")


def test_api_refusal_is_in_the_users_language(member: Any, company: Company) -> None:
    member.language = "id"
    member.save()
    response = api_client(member).patch(
        url(company), {"registry_id": "9120001234567"}, format="json"
    )
    assert response.json() == {
        "registry_id": [
            "Hanya petugas program yang dapat mengubah nomor identitas usaha; mintalah "
            "kepada petugas bila keliru."
        ]
    }


def test_api_member_sending_the_same_registry_id_is_allowed(member: Any, company: Company) -> None:
    verified(company)
    response = api_client(member).patch(
        url(company), {"registry_id": company.registry_id, "city": "Cimahi"}, format="json"
    )
    assert response.status_code == 200, response.content
    company.refresh_from_db()
    assert (company.city, company.verification) == ("Cimahi", "verified")
    assert audit_entries() == [("jembatan.company.changed", {"fields": ["city"]})]


def test_api_officer_changes_registry_id_and_keeps_audit(officer: Any, company: Company) -> None:
    verified(company)
    response = api_client(officer).patch(
        url(company), {"registry_id": "9120-0012-34567"}, format="json"
    )
    assert response.status_code == 200, response.content
    company.refresh_from_db()
    assert (company.registry_id, company.verification) == ("9120001234567", "verified")
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.data) == (
        "jembatan.company.changed",
        officer,
        {"fields": ["registry_id"]},
    )


@pytest.mark.parametrize("role", ["member", "teammate"])
def test_api_member_legal_name_change_sends_company_back_to_the_queue(
    request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    verified(company)
    response = api_client(request.getfixturevalue(role)).patch(
        url(company), {"name": "PT Nama Baru"}, format="json"
    )
    assert response.status_code == 200
    assert (response.json()["name"], response.json()["verification"]) == (
        "PT Nama Baru",
        "unverified",
    )
    assert audit_entries() == [
        ("jembatan.company.changed", {"fields": ["name"], "returned_to_queue": True})
    ]


def test_api_officer_legal_name_change_keeps_verification(officer: Any, company: Company) -> None:
    verified(company)
    response = api_client(officer).patch(url(company), {"name": "PT Nama Baru"}, format="json")
    assert response.json()["verification"] == "verified"


# -- the edit page -------------------------------------------------------------------------


def edit_data(company: Company, **changes: str) -> dict[str, str]:
    data = {
        "name": company.name,
        "city": company.city,
        "employees": str(company.employees),
        "description": company.description,
        "description_language": company.description_language,
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "20",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("role", ["member", "teammate"])
def test_web_member_legal_name_change_resets_verification(
    client: Client, request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    verified(company)
    client.force_login(request.getfixturevalue(role))
    response = client.post(f"/companies/{company.pk}/edit/", edit_data(company, name="PT Baru"))
    assert response.status_code == 302
    company.refresh_from_db()
    assert (company.name, company.verification) == ("PT Baru", "unverified")
    assert audit_entries() == [
        ("jembatan.company.changed", {"fields": ["name"], "returned_to_queue": True})
    ]


def test_web_member_description_change_keeps_verification(
    client: Client, member: Any, company: Company
) -> None:
    verified(company)
    client.force_login(member)
    client.post(f"/companies/{company.pk}/edit/", edit_data(company, description="Baru."))
    company.refresh_from_db()
    assert (company.description, company.verification) == ("Baru.", "verified")


def test_web_officer_legal_name_change_keeps_verification(
    client: Client, officer: Any, company: Company
) -> None:
    verified(company)
    client.force_login(officer)
    data = edit_data(company, name="PT Baru", country="ID", registry_id=company.registry_id)
    assert client.post(f"/companies/{company.pk}/edit/", data).status_code == 302
    company.refresh_from_db()
    assert (company.name, company.verification) == ("PT Baru", "verified")
    assert audit_entries() == [("jembatan.company.changed", {"fields": ["name"]})]


@pytest.mark.parametrize(("role", "status"), [("outsider", 403), ("viewer", 403)])
def test_web_edit_by_others_is_refused(
    client: Client, request: pytest.FixtureRequest, role: str, status: int, company: Company
) -> None:
    client.force_login(request.getfixturevalue(role))
    response = client.post(f"/companies/{company.pk}/edit/", edit_data(company, name="X"))
    assert response.status_code == status
    assert audit_entries() == []


# -- the admin -----------------------------------------------------------------------------


@pytest.fixture
def staff_officer(db: None) -> Any:
    return UserFactory(username="admin", role="officer", is_staff=True, is_superuser=True)


def test_admin_change_logs_the_same_audit_key(
    client: Client, staff_officer: Any, company: Company
) -> None:
    verified(company)
    client.force_login(staff_officer)
    data = admin_data(
        company,
        name="PT Baru",
        city=company.city,
        employees=str(company.employees),
        description=company.description,
        description_language=company.description_language,
    )
    response = client.post(f"/admin/registry/company/{company.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    company.refresh_from_db()
    assert (company.name, company.verification) == ("PT Baru", "verified")
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.data) == (
        "jembatan.company.changed",
        staff_officer,
        {"fields": ["name"]},
    )


def test_admin_add_logs_created(client: Client, staff_officer: Any) -> None:
    client.force_login(staff_officer)
    data = admin_data(Company(name="PT Tambah", country="ID", registry_id="9120001234567"))
    response = client.post("/admin/registry/company/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    company = Company.objects.get(registry_id="9120001234567")
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.object_id, entry.data["fields"][:2]) == (
        "jembatan.company.created",
        str(company.pk),
        ["country", "languages"],
    )


def test_web_member_is_told_before_and_after_an_identity_change(
    client: Client, member: Any, company: Company
) -> None:
    verified(company)
    client.force_login(member)
    url = f"/companies/{company.pk}/edit/"
    form = client.get(url, HTTP_ACCEPT_LANGUAGE="en").context["form"]
    assert form.fields["name"].help_text == (
        "Changing the legal name, the other names, the legal form or the tax number sends "
        "the company back to the officers for verification."
    )
    response = client.post(
        url, edit_data(company, name="PT Baru"), HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert [str(m) for m in response.context["messages"]] == [
        "The profile of PT Baru was saved.",
        "Its identity changed, so an officer will verify PT Baru again.",
    ]
