# ruff: noqa: RUF059 - every test unpacks the same seeded pair, used or not, for readability
"""The public showcase: no sign-in, Japanese by default, no private data, verified only."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.catalogue.domain.showcase import product_url
from tests.catalogue.conftest import claim, make_product, shown, verify
from tests.factories import CompanyFactory, ContactFactory

SECRET_EMAIL = "rahasia.kontak@batik-secret.example"
SECRET_PHONE = "+62 812 9876 5432"
SECRET_NIB = "9120077788899"
SECRET_TAX = "01.234.567.8-999.000"
SECRET_ADDRESS = "Jalan Rahasia No. 77"
SECRET_CERT_NUMBER = "HALAL-ID-SECRET-4242"


@pytest.fixture
def seeded(db):  # type: ignore[no-untyped-def]
    company = verify(
        CompanyFactory(
            name="CV Batik Sekar Jagad",
            name_kana="バティック・スカル・ジャガッド",
            registry_id=SECRET_NIB,
            tax_number=SECRET_TAX,
            address=SECRET_ADDRESS,
            website="https://secret-site.example",
        )
    )
    ContactFactory(company=company, email=SECRET_EMAIL, phone=SECRET_PHONE)
    product = shown(make_product(company, name_ja="手描きバティック布"))
    claim(product, "halal", verified=True, reference=SECRET_CERT_NUMBER)
    claim(product, "jis", verified=False)
    return company, product


def pages(client, company, product) -> list[str]:  # type: ignore[no-untyped-def]
    urls = [
        "/showcase/",
        "/showcase/?q=batik",
        "/showcase/companies/",
        f"/showcase/companies/{company.pk}/",
        product_url(product),
        "/api/v1/showcase/products/",
        f"/api/v1/showcase/products/{product.pk}/",
        f"/api/v1/showcase/companies/{company.pk}/",
    ]
    bodies = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        bodies.append(response.content.decode())
    return bodies


def test_showcase_shows_no_private_data(client, seeded) -> None:  # type: ignore[no-untyped-def]
    company, product = seeded
    for body in pages(client, company, product):
        for secret in (
            SECRET_EMAIL,
            SECRET_PHONE,
            SECRET_NIB,
            SECRET_TAX,
            SECRET_ADDRESS,
            SECRET_CERT_NUMBER,
            "secret-site.example",
        ):
            assert secret not in body


def test_showcase_anonymous_japanese_by_default(client, seeded) -> None:  # type: ignore[no-untyped-def]
    company, product = seeded
    response = client.get(product_url(product), HTTP_ACCEPT_LANGUAGE="id")
    body = response.content.decode()
    assert '<html lang="ja">' in body
    assert response["Content-Language"] == "ja"
    assert ">手描きバティック布</h1>" in body
    assert "Kain batik tulis" in body  # the Indonesian name stays beside it
    assert "バティック・スカル・ジャガッド" in body


def test_showcase_language_cookie_is_honoured(client, seeded) -> None:  # type: ignore[no-untyped-def]
    company, product = seeded
    client.cookies["jembatan_language"] = "id"
    body = client.get(product_url(product)).content.decode()
    assert '<html lang="id">' in body
    assert ">Kain batik tulis</h1>" in body


def test_showcase_unverified_claim_not_shown_as_verified(client, seeded) -> None:  # type: ignore[no-untyped-def]
    company, product = seeded
    body = client.get(product_url(product)).content.decode()
    assert "✓ Halal" in body or "✓ ハラール" in body
    assert "JIS" not in body


@pytest.mark.parametrize("hide", ["product", "company", "unlisted", "japanese"])
def test_showcase_hidden_products_not_found(client, seeded, hide: str) -> None:  # type: ignore[no-untyped-def]
    company, product = seeded
    if hide == "product":
        product.verification = "unverified"
        product.save()
    elif hide == "company":
        company.verification = "unverified"
        company.save()
    elif hide == "unlisted":
        product.listed = False
        product.save()
    else:
        company.country, company.registry_id = "JP", "1010001000005"
        company.save()
    assert client.get(product_url(product)).status_code == 404
    assert "Kain batik tulis" not in client.get("/showcase/").content.decode()


def test_showcase_product_slug_redirects_to_stable_address(client, seeded) -> None:  # type: ignore[no-untyped-def]
    company, product = seeded
    assert product_url(product) == f"/showcase/products/{product.pk}/kain-batik-tulis/"
    response = client.get(f"/showcase/products/{product.pk}/old-name/")
    assert response.status_code == 301
    assert response["Location"] == product_url(product)


def json_ld(body: str) -> dict:  # type: ignore[type-arg]
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert found
    return json.loads(found.group(1))


def test_showcase_product_json_ld(client, seeded) -> None:  # type: ignore[no-untyped-def]
    company, product = seeded
    product.description = "</script><script>alert(1)</script> & more"
    product.price_min, product.price_max, product.price_currency = 150000, 250000, "IDR"
    product.save()
    body = client.get(product_url(product)).content.decode()
    assert "<script>alert(1)" not in body
    data = json_ld(body)
    assert data["@type"] == "Product"
    assert data["name"] == "手描きバティック布"
    assert data["url"] == f"http://testserver{product_url(product)}"
    assert data["manufacturer"]["@type"] == "Organization"
    assert data["manufacturer"]["name"] == "CV Batik Sekar Jagad"
    assert data["offers"] == {
        "@type": "AggregateOffer",
        "priceCurrency": "IDR",
        "lowPrice": "150000",
        "highPrice": "250000",
    }
    assert [c["name"] for c in data["hasCertification"]] == [
        "Halal certificate (BPJPH/MUI)"
    ] or len(data["hasCertification"]) == 1


def test_showcase_company_json_ld(client, seeded) -> None:  # type: ignore[no-untyped-def]
    company, product = seeded
    data = json_ld(client.get(f"/showcase/companies/{company.pk}/").content.decode())
    assert data["@type"] == "Organization"
    assert data["alternateName"] == "バティック・スカル・ジャガッド"
    assert len(data["makesOffer"]) == 1


def test_showcase_filters_moq_and_capacity(client, seeded) -> None:  # type: ignore[no-untyped-def]
    company, product = seeded
    assert "Kain batik tulis" in client.get("/showcase/?moq_max=50").content.decode()
    assert "Kain batik tulis" not in client.get("/showcase/?moq_max=49").content.decode()
    assert "Kain batik tulis" in client.get("/showcase/?capacity_min=800").content.decode()
    assert "Kain batik tulis" not in client.get("/showcase/?capacity_min=801").content.decode()
    assert "Kain batik tulis" in client.get("/showcase/?certification=halal").content.decode()
    assert "Kain batik tulis" not in client.get("/showcase/?certification=jis").content.decode()


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/showcase/", "/showcase/companies/", "company"])
def test_showcase_list_query_count_1_and_3_items(client, db, url: str) -> None:  # type: ignore[no-untyped-def]
    company = verify(CompanyFactory())
    target = f"/showcase/companies/{company.pk}/" if url == "company" else url
    counts = []
    for _ in range(2):
        while company.products.count() < (1 if not counts else 3):
            product = shown(make_product(company))
            claim(product, "halal", verified=True)
        if url == "/showcase/companies/":
            verify(CompanyFactory())
            verify(CompanyFactory())
        counts.append(_queries(client, target))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    "role", ["anonymous", "member", "teammate", "outsider", "viewer", "officer"]
)
def test_showcase_pages_open_for_every_role(as_user, seeded, role: str) -> None:  # type: ignore[no-untyped-def]
    company, product = seeded
    client = as_user(role)
    for url in ("/showcase/", product_url(product), f"/showcase/companies/{company.pk}/"):
        assert client.get(url).status_code == 200, url
