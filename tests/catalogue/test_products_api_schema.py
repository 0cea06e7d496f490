"""/api/v1/products and /api/v1/showcase responses match the OpenAPI schema."""

from __future__ import annotations

from typing import Any

from rest_framework.test import APIClient

from tests.catalogue.conftest import claim, make_product, shown, verify
from tests.test_api_schema import assert_documented, client_for, openapi  # noqa: F401 - fixture


def test_products_and_showcase_responses_match_the_schema(
    openapi: Any,  # noqa: F811 - the fixture imported above
    company: Any,
    member: Any,
    hs_codes: Any,
) -> None:
    verify(company)
    product = shown(
        make_product(
            company, hs_code=hs_codes["481910"], price_min=100, price_max=200, price_currency="IDR"
        )
    )
    claim(product, "halal", verified=True)
    as_member = client_for(member)
    assert_documented(openapi, as_member.get("/api/v1/products/"), 200)
    assert_documented(openapi, as_member.get(f"/api/v1/products/{product.pk}/"), 200)
    created = as_member.post(
        "/api/v1/products/",
        {"name": "Kotak", "unit": "box", "hs_code": "481910", "export_markets": ["JP"]},
        format="json",
    )
    assert_documented(openapi, created, 201)
    anonymous = APIClient()
    listing = assert_documented(openapi, anonymous.get("/api/v1/showcase/products/"), 200)
    assert [row["id"] for row in listing] == [product.pk]  # type: ignore[index]
    assert_documented(openapi, anonymous.get(f"/api/v1/showcase/products/{product.pk}/"), 200)
    assert_documented(openapi, anonymous.get("/api/v1/showcase/companies/"), 200)
    assert_documented(openapi, anonymous.get(f"/api/v1/showcase/companies/{company.pk}/"), 200)
