"""Numbers a company declares are checked at every boundary: a negative capital or an
impossible year is a field error in the user's language, never a 500 from the size rules."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from jembatan.registry.models import Company
from tests.factories import UserFactory
from tests.registry.api_support import api_client
from tests.registry.test_api_company_writes import valid_payload
from tests.registry.test_derived_on_save import admin_data

MIN_0 = "Ensure this value is greater than or equal to 0."


def patch_errors(user: Any, company: Company, **changes: Any) -> tuple[int, Any]:
    response = api_client(user).patch(
        f"/api/v1/companies/{company.pk}/", changes, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    return response.status_code, response.json()


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"capital_amount": -1}, {"capital_amount": [MIN_0]}),
        (
            {"capital_amount": 10**19},
            {"capital_amount": ["Ensure this value is less than or equal to 1000000000000000000."]},
        ),
        ({"employees": -3}, {"employees": [MIN_0]}),
        (
            {"employees": 20_000_000},
            {"employees": ["Ensure this value is less than or equal to 10000000."]},
        ),
        (
            {"founded_year": 1700},
            {"founded_year": ["Ensure this value is greater than or equal to 1800."]},
        ),
        ({"founded_year": 2999}, {"founded_year": ["The founding year 2999 is in the future."]}),
    ],
)
@pytest.mark.parametrize("role", ["member", "officer"])
def test_api_patch_out_of_range_number_is_a_field_error(
    request: pytest.FixtureRequest,
    role: str,
    company: Company,
    changes: dict[str, Any],
    errors: dict[str, Any],
) -> None:
    assert patch_errors(request.getfixturevalue(role), company, **changes) == (400, errors)
    company.refresh_from_db()
    assert (company.capital_amount, company.founded_year) == (None, None)


def test_api_create_with_negative_capital_is_a_field_error(officer: Any) -> None:
    response = api_client(officer).post(
        "/api/v1/companies/",
        valid_payload(capital_amount=-2_500_000_000),
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert (response.status_code, response.json()) == (400, {"capital_amount": [MIN_0]})
    assert Company.objects.filter(registry_id="9120001234567").exists() is False


def test_api_negative_capital_error_in_japanese(member: Any, company: Company) -> None:
    member.language = "ja"
    member.save()
    response = api_client(member).patch(
        f"/api/v1/companies/{company.pk}/", {"capital_amount": -1}, format="json"
    )
    assert response.json() == {"capital_amount": ["この値は0以上にしてください。"]}


def edit_data(company: Company, **changes: str) -> dict[str, str]:
    data = {
        "name": company.name,
        "city": company.city,
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "20",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("capital_amount", "-1", MIN_0),
        (
            "capital_amount",
            str(10**19),
            "Ensure this value is less than or equal to 1000000000000000000.",
        ),
        ("employees", "-1", MIN_0),
        ("founded_year", "1700", "Ensure this value is greater than or equal to 1800."),
    ],
)
def test_web_edit_out_of_range_number_is_a_field_error(
    client: Client, member: Any, company: Company, field: str, value: str, error: str
) -> None:
    client.force_login(member)
    response = client.post(
        f"/companies/{company.pk}/edit/",
        edit_data(company, **{field: value, "capital_currency": "IDR"}),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.context["form"].errors == {field: [error]}


def test_admin_negative_capital_is_a_field_error(client: Client, company: Company) -> None:
    client.force_login(
        UserFactory(username="admin", role="officer", is_staff=True, is_superuser=True)
    )
    response = client.post(
        f"/admin/registry/company/{company.pk}/change/",
        admin_data(company, capital_amount="-1", capital_currency="IDR"),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"capital_amount": [MIN_0]}
