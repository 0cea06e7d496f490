"""Size class and programme sectors are computed on every save path: the edit form, the API
and the admin. A Japanese firm's SME limits follow its main (first) JSIC code."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from jembatan.registry.models import Company
from tests.factories import UserFactory
from tests.registry.api_support import api_client
from tests.registry.crosswalk_sample import jsic, kbli, link

# 120 employees and ¥80 million: an SME in manufacturing, large in retail (¥50M or 50).
JP_SIZE = {"employees": 120, "capital_amount": 80_000_000, "capital_currency": "JPY"}


@pytest.fixture
def staff_officer(db: None) -> Any:
    return UserFactory(username="admin", role="officer", is_staff=True, is_superuser=True)


def saved(company: Company) -> tuple[str, list[str]]:
    company = Company.objects.get(pk=company.pk)
    return company.size_class, sorted(company.sectors.values_list("slug", flat=True))


def retail_code() -> str:
    return jsic("5611", "百貨店", "Department stores").code


# -- the edit form -------------------------------------------------------------------------


def form_data(company: Company, **changes: Any) -> dict[str, Any]:
    data = {
        "name": company.name,
        "country": company.country,
        "registry_id": company.registry_id,
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "20",
    }
    data.update(changes)
    return data


def test_edit_form_computes_indonesian_size_and_sectors(
    client: Client, member: Any, company: Company
) -> None:
    link(kbli("17021"), "1702")
    client.force_login(member)
    data = form_data(
        company,
        employees="45",
        capital_amount="2500000000",
        capital_currency="IDR",
        classification_codes="17021",
    )
    assert client.post(f"/companies/{company.pk}/edit/", data).status_code == 302
    assert saved(company) == ("medium", ["packaging"])
    small = form_data(company, employees="10", capital_amount="500000000", capital_currency="IDR")
    client.post(f"/companies/{company.pk}/edit/", small)
    assert saved(company) == ("small", [])  # no codes left, and no sector ticked


def test_edit_form_japanese_size_follows_the_first_code(
    client: Client, officer: Any, other_company: Company
) -> None:
    jsic("1453")
    client.force_login(officer)
    url = f"/companies/{other_company.pk}/edit/"
    boxes_first = form_data(other_company, classification_codes="1453, 5611", **JP_SIZE)
    retail_code()
    assert client.post(url, boxes_first).status_code == 302
    assert saved(other_company)[0] == "sme"
    retail_first = form_data(other_company, classification_codes="5611, 1453", **JP_SIZE)
    assert client.post(url, retail_first).status_code == 302
    assert saved(other_company)[0] == "large_jp"
    page = client.get(url).content.decode()
    assert 'value="5611, 1453"' in page


# -- the API -------------------------------------------------------------------------------


def api_payload(**changes: Any) -> dict[str, Any]:
    payload = {"name": "PT Kemasan Nusantara", "country": "ID", "registry_id": "9120001234567"}
    payload.update(changes)
    return payload


def test_api_create_computes_indonesian_size_and_sectors(officer: Any) -> None:
    link(kbli("17021"), "1702")
    response = api_client(officer).post(
        "/api/v1/companies/",
        api_payload(
            employees=45,
            capital_amount=2_500_000_000,
            capital_currency="IDR",
            classification_codes=["kbli2020:17021"],
        ),
        format="json",
    )
    assert response.status_code == 201, response.content
    assert (response.json()["size_class"], response.json()["sectors"]) == ("medium", ["packaging"])
    assert saved(Company.objects.get(pk=response.json()["id"])) == ("medium", ["packaging"])


def test_api_update_japanese_size_follows_the_first_code(
    officer: Any, other_company: Company
) -> None:
    jsic("1453"), retail_code()
    client = api_client(officer)
    url = f"/api/v1/companies/{other_company.pk}/"
    codes = {"classification_codes": ["jsic14:1453", "jsic14:5611"]}
    response = client.patch(url, {**JP_SIZE, **codes}, format="json")
    assert (response.status_code, response.json()["size_class"]) == (200, "sme")
    codes = {"classification_codes": ["jsic14:5611", "jsic14:1453"]}
    response = client.patch(url, codes, format="json")
    assert (response.status_code, response.json()["size_class"]) == (200, "large_jp")


# -- the admin -----------------------------------------------------------------------------


def admin_data(company: Company, **changes: Any) -> dict[str, Any]:
    data = {
        "name": company.name,
        "country": company.country,
        "registry_id": company.registry_id,
        "languages": "[]",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_admin_save_computes_indonesian_size_and_sectors(
    client: Client, staff_officer: Any, company: Company
) -> None:
    code = kbli("17021")
    link(code, "1702")
    client.force_login(staff_officer)
    data = admin_data(
        company,
        employees="45",
        capital_amount="2500000000",
        capital_currency="IDR",
        classifications=str(code.pk),
    )
    response = client.post(f"/admin/registry/company/{company.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert saved(company) == ("medium", ["packaging"])


def test_admin_save_computes_japanese_size(
    client: Client, staff_officer: Any, other_company: Company
) -> None:
    code = jsic("5611", "百貨店", "Department stores")
    client.force_login(staff_officer)
    data = admin_data(
        other_company, employees="120", capital_amount="80000000", capital_currency="JPY"
    )
    url = f"/admin/registry/company/{other_company.pk}/change/"
    assert client.post(url, data).status_code == 302
    assert saved(other_company)[0] == "sme"
    assert client.post(url, {**data, "classifications": str(code.pk)}).status_code == 302
    assert saved(other_company)[0] == "large_jp"
