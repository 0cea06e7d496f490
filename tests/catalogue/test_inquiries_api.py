"""/api/v1/inquiries/ and /api/v1/promotions/: the form's spam rules, who reads what, and
every response validated against the OpenAPI schema."""

# ruff: noqa: F811 - pytest fixtures imported from inquiry_support are parameters by name
from __future__ import annotations

from typing import Any

import pytest
from openapi_core import OpenAPI
from rest_framework.test import APIClient

from jembatan.catalogue.domain import inquiries as actions
from jembatan.catalogue.models import Inquiry, InquiryStatus, Promotion
from tests.catalogue.inquiry_support import (  # noqa: F401 - fixtures used by name
    BUYER_NAME,
    buyer,
    buyer_company,
    empty_cache,
    form_data,
    product,
)
from tests.test_api_schema import assert_documented, client_for, openapi  # noqa: F401


def payload(product, **values: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    data = form_data(**values)
    data["product"] = product.pk
    data["target_price_amount"] = 1500
    return data


def test_inquiry_api_anonymous_create_is_kept_for_moderation(openapi: OpenAPI, product) -> None:  # type: ignore[no-untyped-def]
    client = APIClient()
    token = assert_documented(openapi, client.get("/api/v1/inquiries/form-token/"), 200)
    assert token["started"]
    body = assert_documented(
        openapi, client.post("/api/v1/inquiries/", payload(product), format="json"), 201
    )
    inquiry = Inquiry.objects.get()
    assert body["id"] == inquiry.pk
    assert body["status"] == InquiryStatus.AWAITING_OFFICER
    assert inquiry.target_price_amount == 1500


def test_inquiry_api_spam_rules_apply(settings, product) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_INQUIRIES_PER_ADDRESS = 1
    client = APIClient()
    honeypot = client.post("/api/v1/inquiries/", payload(product, website="x"), format="json")
    assert honeypot.status_code == 400
    fast = client.post(
        "/api/v1/inquiries/",
        payload(product, started=client.get("/api/v1/inquiries/form-token/").json()["started"]),
        format="json",
    )
    assert fast.status_code == 400
    assert client.post("/api/v1/inquiries/", payload(product), format="json").status_code == 201
    limited = client.post(
        "/api/v1/inquiries/", payload(product, email="other@example.jp"), format="json"
    )
    assert limited.status_code == 400
    assert Inquiry.objects.count() == 1


def test_inquiry_api_registered_buyer_refused_is_409(
    openapi: OpenAPI, settings, product, buyer
) -> None:  # type: ignore[no-untyped-def]
    from tests.opportunities.factories import published

    settings.JEMBATAN_MAX_OPEN_INTERESTS = 0
    published(company=product.company, title="Batik tulis")
    response = client_for(buyer).post("/api/v1/inquiries/", payload(product), format="json")
    assert_documented(openapi, response, 409)


def test_inquiry_api_unknown_product_is_404(openapi: OpenAPI, product) -> None:  # type: ignore[no-untyped-def]
    response = APIClient().post(
        "/api/v1/inquiries/", payload(product) | {"product": product.pk + 100}, format="json"
    )
    assert_documented(openapi, response, 404)


@pytest.fixture
def forwarded(product, officer):  # type: ignore[no-untyped-def]
    inquiry = actions.send_inquiry(
        None,
        product.company,
        actions.InquiryData(
            buyer_company_name=BUYER_NAME,
            contact_name="山田花子",
            email="hanako@example.jp",
            wants="バティック",
        ),
        product=product,
    )
    actions.approve(officer, inquiry)
    return inquiry


@pytest.mark.parametrize(
    ("role", "count"), [("teammate", 1), ("officer", 1), ("outsider", 0), ("viewer", 0)]
)
def test_inquiry_api_list_privacy(openapi: OpenAPI, request, forwarded, role, count) -> None:  # type: ignore[no-untyped-def]
    client = client_for(request.getfixturevalue(role))
    body = assert_documented(openapi, client.get("/api/v1/inquiries/"), 200)
    assert body["count"] == count
    detail = client.get(f"/api/v1/inquiries/{forwarded.pk}/")
    if count:
        assert assert_documented(openapi, detail, 200)["email"] == "hanako@example.jp"
    else:
        assert detail.status_code == 404


def test_inquiry_api_list_anonymous_is_refused(forwarded) -> None:  # type: ignore[no-untyped-def]
    assert APIClient().get("/api/v1/inquiries/").status_code in (401, 403)


def test_promotion_api_officer_writes_and_others_read_per_permissions(
    openapi: OpenAPI, officer, member, outsider, product
) -> None:  # type: ignore[no-untyped-def]
    as_officer = client_for(officer)
    created = as_officer.post(
        "/api/v1/promotions/",
        {
            "kind": "fair",
            "title": "Packaging IKM, Osaka",
            "place": "Intex Osaka",
            "starts_on": "2027-03-01",
            "ends_on": "2027-03-03",
            "companies": [product.company.pk],
            "products": [product.pk],
        },
        format="json",
    )
    body = assert_documented(openapi, created, 201)
    assert body["companies"] == [product.company.pk]
    assert body["inquiries"] == 0
    changed = as_officer.patch(
        f"/api/v1/promotions/{body['id']}/", {"city": "Osaka"}, format="json"
    )
    assert assert_documented(openapi, changed, 200)["products"] == [product.pk]
    assert Promotion.objects.get().city == "Osaka"
    featured = client_for(member)
    assert assert_documented(openapi, featured.get("/api/v1/promotions/"), 200)["count"] == 1
    refused = featured.post(
        "/api/v1/promotions/",
        {
            "kind": "fair",
            "title": "X",
            "place": "Y",
            "starts_on": "2027-01-01",
            "ends_on": "2027-01-02",
        },
        format="json",
    )
    assert refused.status_code == 403
    other = client_for(outsider)
    assert other.get("/api/v1/promotions/").json()["count"] == 0
    assert other.get(f"/api/v1/promotions/{body['id']}/").status_code == 404
