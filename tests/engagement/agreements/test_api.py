"""/api/v1/agreements/ exactly as issue 10 writes it, for every role, against the schema."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_core import OpenAPI

from jembatan.engagement.models import Agreement, Introduction
from tests.test_api_schema import assert_documented, client_for, openapi  # noqa: F401

pytestmark = pytest.mark.django_db

PAYLOAD = {
    "type": "supply",
    "signed_on": "2026-05-20",
    "value_amount": 1500000000,
    "value_currency": "IDR",
    "investment_amount": 20000000,
    "investment_currency": "JPY",
    "jobs_expected": 12,
}


def test_report_confirm_and_list_match_the_schema(
    openapi: OpenAPI,  # noqa: F811
    introduction: Introduction,
    partner: Any,
    member: Any,
) -> None:
    as_partner, as_member = client_for(partner), client_for(member)
    created = as_partner.post(
        "/api/v1/agreements/", {"introduction": introduction.pk, **PAYLOAD}, format="json"
    )
    body = assert_documented(openapi, created, 201)
    assert body["status"] == "reported"
    assert body["introduction"] == introduction.pk
    assert (body["value_amount"], body["value_currency"]) == (1_500_000_000, "IDR")
    assert sorted(p["confirmed"] for p in body["parties"]) == [False, False]
    url = f"/api/v1/agreements/{body['id']}/"
    first = assert_documented(openapi, as_partner.post(f"{url}confirm/"), 200)
    assert first["status"] == "reported"
    assert_documented(openapi, as_partner.post(f"{url}confirm/"), 409)
    second = assert_documented(openapi, as_member.post(f"{url}confirm/"), 200)
    assert second["status"] == "confirmed"
    listing = assert_documented(openapi, as_member.get("/api/v1/agreements/"), 200)
    assert [a["id"] for a in listing["results"]] == [body["id"]]
    assert_documented(openapi, as_member.get(url), 200)
    introduction.refresh_from_db()
    assert introduction.stage == "signed"


def test_officer_verifies_through_the_api(
    openapi: OpenAPI,  # noqa: F811
    agreement: Agreement,
    officer: Any,
    member: Any,
) -> None:
    url = f"/api/v1/agreements/{agreement.pk}/verify/"
    assert_documented(openapi, client_for(member).post(url), 403)
    verified = assert_documented(openapi, client_for(officer).post(url), 200)
    assert verified["status"] == "confirmed"
    assert verified["verified_at"]
    assert_documented(openapi, client_for(officer).post(url), 409)


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_outsiders_get_404(
    agreement: Agreement, introduction: Introduction, request: pytest.FixtureRequest, role: str
) -> None:
    client = client_for(request.getfixturevalue(role))
    assert client.get(f"/api/v1/agreements/{agreement.pk}/").status_code == 404
    assert client.post(f"/api/v1/agreements/{agreement.pk}/confirm/").status_code == 404
    assert client.get("/api/v1/agreements/").json()["results"] == []
    created = client.post(
        "/api/v1/agreements/", {"introduction": introduction.pk, **PAYLOAD}, format="json"
    )
    assert created.status_code == (400 if role == "outsider" else 403)
    if role == "outsider":
        assert created.json() == {
            "introduction": [f'Invalid pk "{introduction.pk}" - object does not exist.']
        }
    assert Agreement.objects.count() == 1


def test_anonymous_gets_401(agreement: Agreement, client: Any) -> None:
    assert client.get("/api/v1/agreements/").status_code == 401


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"value_amount": 1500000000.0},
            "value_amount",
            "Send the amount as a whole number of minor units, not a decimal.",
        ),
        (
            {"value_amount": "15.5"},
            "value_amount",
            "Send the amount as a whole number of minor units, not a decimal.",
        ),
        (
            {"value_amount": True},
            "value_amount",
            "Send the amount as a whole number of minor units, not a decimal.",
        ),
        ({"value_currency": "EUR"}, "value_currency", '"EUR" is not a valid choice.'),
        ({"value_currency": ""}, "value_currency", "Give both the amount and the currency."),
        ({"type": "lease"}, "type", '"lease" is not a valid choice.'),
    ],
)
def test_money_is_never_a_float(
    introduction: Introduction, partner: Any, change: dict[str, Any], field: str, message: str
) -> None:
    response = client_for(partner).post(
        "/api/v1/agreements/", {"introduction": introduction.pk, **PAYLOAD, **change}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {field: [message]}


def test_list_query_count_does_not_grow(introduction: Introduction, partner: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from jembatan.engagement.domain.agreements import report_agreement
    from tests.engagement.agreements.conftest import terms

    client = client_for(partner)
    report_agreement(partner, terms(), introduction=introduction)
    client.get("/api/v1/agreements/")
    with CaptureQueriesContext(connection) as one:
        assert len(client.get("/api/v1/agreements/").json()["results"]) == 1
    for _ in range(2):
        report_agreement(partner, terms(type="mou"), introduction=introduction)
    with CaptureQueriesContext(connection) as three:
        assert len(client.get("/api/v1/agreements/").json()["results"]) == 3
    assert len(three) == len(one)
