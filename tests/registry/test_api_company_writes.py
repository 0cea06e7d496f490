"""Changing companies through the API: create, update, validation, contacts, verification."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient
from stdnum.jp import cn

from jembatan.core.models import AuditLogEntry
from jembatan.registry.models import Company, Contact
from tests.factories import CompanyFactory, ContactFactory
from tests.registry.api_support import api_client, kbli, region, sector

LIST_URL = "/api/v1/companies/"


def detail_url(company: Company, suffix: str = "") -> str:
    return f"/api/v1/companies/{company.pk}/{suffix}"


def valid_payload(**changes: Any) -> dict[str, Any]:
    region("ID-JB")
    sector("packaging")
    kbli("17021")
    payload: dict[str, Any] = {
        "name": "PT Kemasan Nusantara",
        "legal_form": "PT",
        "country": "ID",
        "registry_id": "9120001234567",
        "region_code": "ID-JB",
        "city": "Bekasi",
        "founded_year": 2009,
        "employees": 45,
        "capital_amount": 2_500_000_000,
        "capital_currency": "idr",
        "turnover_band": "id_lt_50b",
        "export_experience": "occasional",
        "certifications": ["iso9001", "halal"],
        "languages": ["id", "EN"],
        "website": "https://kemasan-nusantara.example.id",
        "description": "Kotak karton bergelombang untuk makanan.",
        "description_language": "id",
        "classification_codes": ["kbli2020:17021"],
        "sectors": ["packaging"],
        "private": {"tax_number": "01.312.166.0-091.000", "address": "Jl. Industri 5"},
    }
    payload.update(changes)
    return payload


# -- create ---------------------------------------------------------------------------------


def test_company_create_by_officer(officer: Any) -> None:
    response = api_client(officer).post(LIST_URL, valid_payload(), format="json")
    assert response.status_code == 201, response.content
    company = Company.objects.get(pk=response.json()["id"])
    assert (company.name, company.region_id, company.capital_currency) == (
        "PT Kemasan Nusantara",
        "ID-JB",
        "IDR",
    )
    assert company.languages == ["id", "en"]
    assert sorted(company.certifications.values_list("code", flat=True)) == ["halal", "iso9001"]
    assert list(company.classifications.values_list("code", flat=True)) == ["17021"]
    assert list(company.sectors.values_list("slug", flat=True)) == ["packaging"]
    assert (company.tax_number, company.address) == ("013121660091000", "Jl. Industri 5")
    assert company.verification == "unverified"
    assert response.json()["private"]["tax_number"] == "013121660091000"
    entry = AuditLogEntry.objects.get(action="jembatan.company.created")
    assert (entry.actor, entry.object_id) == (officer, str(company.pk))


@pytest.mark.parametrize("role", ["member", "teammate", "outsider", "viewer"])
def test_company_create_refused_for_non_officers(request: pytest.FixtureRequest, role: str) -> None:
    user = request.getfixturevalue(role)
    response = api_client(user).post(LIST_URL, valid_payload(), format="json")
    assert response.status_code == 403
    assert not Company.objects.filter(registry_id="9120001234567").exists()


def test_company_create_anonymous_is_401(db: None) -> None:
    assert APIClient().post(LIST_URL, valid_payload(), format="json").status_code == 401


def test_company_create_ignores_verification_fields(officer: Any) -> None:
    payload = valid_payload(verification="verified", size_class="large")
    response = api_client(officer).post(LIST_URL, payload, format="json")
    company = Company.objects.get(pk=response.json()["id"])
    assert (company.verification, company.size_class) == ("unverified", "medium")


# -- validation -----------------------------------------------------------------------------


def post_errors(user: Any, **changes: Any) -> dict[str, Any]:
    response = api_client(user).post(
        LIST_URL, valid_payload(**changes), format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400, response.content
    errors: dict[str, Any] = response.json()
    return errors


def test_company_create_registry_id_must_be_13_digits(officer: Any) -> None:
    assert post_errors(officer, registry_id="912000123456") == {
        "registry_id": ["An NIB has exactly 13 digits."]
    }


def test_company_create_japanese_registry_id_needs_valid_check_digit(officer: Any) -> None:
    base = "101000000042"
    wrong = str((int(cn.calc_check_digit(base)) + 1) % 10) + base
    errors = post_errors(officer, country="JP", registry_id=wrong, region_code=None, private={})
    assert errors == {
        "registry_id": [
            "This corporate number's check digit is wrong; please check for a typing error."
        ]
    }


def test_company_create_valid_japanese_corporate_number(officer: Any) -> None:
    base = "101000000042"
    number = cn.calc_check_digit(base) + base
    payload = valid_payload(country="JP", registry_id=number, private={"tax_number": f"T{number}"})
    payload.update(region_code="JP-27", capital_currency="JPY", name="株式会社なにわ精工")
    region("JP-27")
    response = api_client(officer).post(LIST_URL, payload, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert {k: data[k] for k in ("name", "country", "registry_id")} == {
        "name": "株式会社なにわ精工",
        "country": "JP",
        "registry_id": number,
    }
    assert Company.objects.get(registry_id=number).name == "株式会社なにわ精工"


def test_company_create_duplicate_registry_id_is_named(officer: Any) -> None:
    CompanyFactory(country="ID", registry_id="9120001234567")
    assert post_errors(officer) == {
        "registry_id": [
            "A company of ID with registry identifier 9120001234567 is already registered."
        ]
    }


def test_company_create_country_must_be_id_or_jp(officer: Any) -> None:
    assert list(post_errors(officer, country="SG")) == ["country"]


def test_company_create_website_must_be_url(officer: Any) -> None:
    assert post_errors(officer, website="kemasan nusantara") == {
        "website": ["Enter a web address that starts with http:// or https://."]
    }


def test_company_create_languages_must_be_iso_639_1(officer: Any) -> None:
    assert post_errors(officer, languages=["id", "xx"]) == {
        "languages": ["xx is not an ISO 639-1 language code."]
    }


def test_company_create_region_must_be_in_country(officer: Any) -> None:
    region("JP-27")
    assert post_errors(officer, region_code="JP-27") == {
        "region_code": ["The region JP-27 is not in the company's country ID."]
    }


def test_company_create_unknown_classification_is_named(officer: Any) -> None:
    errors = post_errors(officer, classification_codes=["kbli2020:17021", "kbli2020:99999"])
    assert errors == {"classification_codes": ["Unknown classification codes: kbli2020:99999."]}


def test_company_create_classification_needs_scheme(officer: Any) -> None:
    assert post_errors(officer, classification_codes=["17021"]) == {
        "classification_codes": ['17021 is not of the form "scheme:code", e.g. "kbli2020:13121".']
    }


def test_company_create_unknown_certification_is_named(officer: Any) -> None:
    errors = post_errors(officer, certifications=["iso9001", "nope"])
    assert list(errors) == ["certifications"]


# -- update ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["officer", "member", "teammate"])
def test_company_partial_update_by_officer_and_member(
    request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    user = request.getfixturevalue(role)
    response = api_client(user).patch(
        detail_url(company),
        {"city": "Cimahi", "employees": 12, "private": {"tax_number": "01.312.166.0-091.000"}},
        format="json",
    )
    assert response.status_code == 200, response.content
    company.refresh_from_db()
    assert (company.city, company.employees, company.tax_number) == (
        "Cimahi",
        12,
        "013121660091000",
    )
    entry = AuditLogEntry.objects.get(action="jembatan.company.changed")
    assert entry.data == {"fields": ["city", "employees", "tax_number"]}


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_company_partial_update_refused_for_outsider_and_viewer(
    request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    user = request.getfixturevalue(role)
    response = api_client(user).patch(detail_url(company), {"city": "Cimahi"}, format="json")
    assert response.status_code == 403
    company.refresh_from_db()
    assert company.city == "Bandung"


def test_company_partial_update_anonymous_is_401(company: Company) -> None:
    response = APIClient().patch(detail_url(company), {"city": "Cimahi"}, format="json")
    assert response.status_code == 401


def test_company_member_cannot_verify_by_update(member: Any, company: Company) -> None:
    response = api_client(member).patch(
        detail_url(company),
        {"verification": "verified", "private": {"verification_note": "ok"}},
        format="json",
    )
    assert response.status_code == 200
    company.refresh_from_db()
    assert (company.verification, company.verification_note) == ("unverified", "")


def test_company_full_update_by_member(member: Any, company: Company) -> None:
    payload = valid_payload(registry_id=company.registry_id, name="PT Baru")
    response = api_client(member).put(detail_url(company), payload, format="json")
    assert response.status_code == 200, response.content
    company.refresh_from_db()
    assert company.name == "PT Baru"


def test_company_update_keeps_own_registry_id_unique_check(officer: Any, company: Company) -> None:
    other = CompanyFactory(country="ID")
    response = api_client(officer).patch(
        detail_url(company), {"registry_id": other.registry_id}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["registry_id"]


# -- contacts -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["officer", "member", "teammate"])
def test_contacts_list_for_officer_and_member(
    request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    ContactFactory(company=company, name="Dewi", email="dewi@example.co.id", phone="+6281200000001")
    user = request.getfixturevalue(role)
    response = api_client(user).get(detail_url(company, "contacts/"))
    assert response.status_code == 200
    assert [(c["name"], c["email"], c["phone"]) for c in response.json()] == [
        ("Dewi", "dewi@example.co.id", "+6281200000001")
    ]


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_contacts_list_refused_for_outsider_and_viewer(
    request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    ContactFactory(company=company, email="dewi@example.co.id", phone="+6281200000001")
    user = request.getfixturevalue(role)
    response = api_client(user).get(detail_url(company, "contacts/"))
    assert response.status_code == 403
    assert "dewi@example.co.id" not in response.content.decode()
    assert "+6281200000001" not in response.content.decode()


def test_contacts_list_anonymous_is_401(company: Company) -> None:
    assert APIClient().get(detail_url(company, "contacts/")).status_code == 401


def test_contacts_create_by_member_normalises_phone(member: Any, company: Company) -> None:
    response = api_client(member).post(
        detail_url(company, "contacts/"),
        {
            "name": "Agus",
            "email": "agus@example.co.id",
            "phone": "+62 22 1234 567",
            "languages": ["id"],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    contact = Contact.objects.get(company=company)
    assert (contact.name, contact.phone, contact.languages) == ("Agus", "+62221234567", ["id"])


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_contacts_create_refused_for_outsider_and_viewer(
    request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    user = request.getfixturevalue(role)
    response = api_client(user).post(
        detail_url(company, "contacts/"), {"name": "Agus"}, format="json"
    )
    assert response.status_code == 403
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    ("phone", "error"),
    [
        ("12345", "“12345”: This phone number is not valid for its country."),
        ("+62 1", "“+62 1”: This does not look like a phone number."),
        ("call me", "“call me”: This does not look like a phone number."),
    ],
)
def test_contacts_create_phone_must_be_valid(
    officer: Any, company: Company, phone: str, error: str
) -> None:
    response = api_client(officer).post(
        detail_url(company, "contacts/"),
        {"name": "Agus", "phone": phone},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json() == {"phone": [error]}


# -- verification ---------------------------------------------------------------------------


def test_company_verify_by_officer(officer: Any, company: Company) -> None:
    response = api_client(officer).post(detail_url(company, "verify/"))
    assert response.status_code == 200
    assert response.json()["verification"] == "verified"
    assert response.json()["private"]["verified_by"]["username"] == "officer"
    company.refresh_from_db()
    assert (company.verification, company.verified_by) == ("verified", officer)
    assert company.verified_at is not None
    assert AuditLogEntry.objects.get(action="jembatan.company.verified").actor == officer


def test_company_return_by_officer_needs_a_note(officer: Any, company: Company) -> None:
    client = api_client(officer)
    response = client.post(
        detail_url(company, "return/"), {}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert response.json() == {"note": ["This field is required."]}
    response = client.post(
        detail_url(company, "return/"), {"note": "NIB tidak cocok"}, format="json"
    )
    assert response.status_code == 200
    company.refresh_from_db()
    assert (company.verification, company.verification_note, company.verified_by) == (
        "rejected",
        "NIB tidak cocok",
        officer,
    )
    assert AuditLogEntry.objects.filter(action="jembatan.company.returned").count() == 1


@pytest.mark.parametrize("role", ["member", "teammate", "outsider", "viewer"])
@pytest.mark.parametrize("verb", ["verify/", "return/"])
def test_company_verify_and_return_refused_for_non_officers(
    request: pytest.FixtureRequest, role: str, verb: str, company: Company
) -> None:
    user = request.getfixturevalue(role)
    response = api_client(user).post(detail_url(company, verb), {"note": "x"}, format="json")
    assert response.status_code == 403
    company.refresh_from_db()
    assert company.verification == "unverified"


def test_company_verify_anonymous_is_401(company: Company) -> None:
    assert APIClient().post(detail_url(company, "verify/")).status_code == 401


@pytest.mark.parametrize("role", ["officer", "viewer"])
def test_company_options_describes_fields_to_signed_in_users(
    request: pytest.FixtureRequest, role: str
) -> None:
    response = api_client(request.getfixturevalue(role)).options(LIST_URL)
    assert response.status_code == 200
    assert response.json()["name"] == "Company List"
    assert ("actions" in response.json()) is (role == "officer")


def test_company_options_anonymous_is_401(db: None) -> None:
    assert APIClient().options(LIST_URL).status_code == 401


def test_company_create_tax_number_checked_for_the_country(officer: Any) -> None:
    errors = post_errors(officer, private={"tax_number": "01.312.166.1-091.000"})
    assert errors == {
        "private": {
            "tax_number": ["This NPWP's check digit is wrong; please check for a typing error."]
        }
    }


def test_company_create_japanese_invoice_number_stored_as_t_and_13_digits(officer: Any) -> None:
    region("JP-27")
    payload = valid_payload(
        country="JP",
        registry_id="5010401067252",
        region_code="JP-27",
        capital_currency="JPY",
        private={"tax_number": "t5010401067252"},
    )
    response = api_client(officer).post(LIST_URL, payload, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["private"]["tax_number"] == "T5010401067252"


def test_company_create_registry_id_typed_with_dashes_is_normalised(officer: Any) -> None:
    response = api_client(officer).post(
        LIST_URL, valid_payload(registry_id="9120-0012-34567"), format="json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["registry_id"] == "9120001234567"


def test_company_verify_twice_is_409_in_the_users_language(officer: Any, company: Company) -> None:
    api_client(officer).post(detail_url(company, "verify/"))
    officer.language = "ja"
    officer.save()
    response = api_client(officer).post(detail_url(company, "verify/"))
    assert response.status_code == 409
    assert response.json() == {
        "detail": f"{company.name}はすでに確認済みです。変更は行われていません。"
    }
    assert AuditLogEntry.objects.filter(action="jembatan.company.verified").count() == 1
