"""Products: who may edit, validation with messages naming the field, verification."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.catalogue.domain.products import (
    CertificationClaim,
    queue_count,
    save_product,
    set_certifications,
    verify_product,
)
from jembatan.catalogue.models import Product
from tests.catalogue.conftest import claim, make_product, shown
from tests.navigation import queue_count_queries

ROLES_EDIT = {
    "member": 200,
    "teammate": 200,
    "officer": 200,
    "outsider": 403,
    "viewer": 403,
    "anonymous": 302,
}


@pytest.mark.parametrize(("role", "status"), ROLES_EDIT.items())
def test_product_edit_page_roles(as_user, company, role: str, status: int) -> None:  # type: ignore[no-untyped-def]
    product = make_product(company)
    response = as_user(role).get(f"/products/{product.pk}/edit/")
    assert response.status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 200), ("teammate", 200), ("outsider", 200), ("viewer", 403), ("officer", 403)],
)
def test_product_new_page_roles(as_user, company, role: str, status: int) -> None:  # type: ignore[no-untyped-def]
    assert as_user(role).get("/products/new/").status_code == status


def test_product_create_by_teammate_post(as_user, company, teammate, hs_codes) -> None:  # type: ignore[no-untyped-def]
    client = as_user("teammate")
    response = client.post(
        "/products/new/",
        {
            "language": "id",
            "name": "Kotak karton",
            "hs": "481910",
            "unit": "piece",
            "moq": "1000",
            "price_currency": "IDR",
            "price_from": "1.500",
            "price_to": "2.500",
            "markets": "jp, sg",
            "listed": "on",
            "cert-TOTAL_FORMS": "1",
            "cert-INITIAL_FORMS": "0",
            "cert-0-kind": "halal",
            "cert-0-issuer": "BPJPH",
        },
    )
    assert response.status_code == 302
    product = Product.objects.get(name="Kotak karton")
    assert product.company == company
    assert (product.price_min, product.price_max) == (1500, 2500)
    assert product.export_markets == ["JP", "SG"]
    assert product.hs_code.code == "481910"
    assert [(c.kind, c.verified) for c in product.certifications.all()] == [("halal", False)]


def test_save_product_outsider_refused(company, outsider) -> None:  # type: ignore[no-untyped-def]
    product = make_product(company)
    product.name = "Taken over"
    with pytest.raises(PermissionDenied):
        save_product(outsider, product)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"price_min": 500, "price_max": 100, "price_currency": "IDR"}, "price_max"),
        ({"price_min": 500}, "price_currency"),
        ({"export_markets": ["XX"]}, "export_markets"),
        ({"moq": 0}, "moq"),
        ({"incoterm": "FOT"}, "incoterm"),
        ({"lead_time_days": 1000}, "lead_time_days"),
        ({"name": ""}, "name"),
    ],
)
def test_save_product_invalid_names_field(company, member, values, field: str) -> None:  # type: ignore[no-untyped-def]
    product = Product(company=company, name="Kain", unit="piece")
    for name, value in values.items():
        setattr(product, name, value)
    with pytest.raises(ValidationError) as error:
        save_product(member, product)
    assert field in error.value.message_dict


def test_product_form_five_digit_hs_refused(as_user, company, hs_codes) -> None:  # type: ignore[no-untyped-def]
    response = as_user("member").post(
        "/products/new/",
        {
            "language": "id",
            "name": "Kain",
            "unit": "piece",
            "hs": "52085",
            "cert-TOTAL_FORMS": "0",
            "cert-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "52085" in response.content.decode()
    assert not Product.objects.exists()


def test_member_change_resets_verification(company, member, officer) -> None:  # type: ignore[no-untyped-def]
    product = shown(make_product(company))
    product.moq = 10
    save_product(member, product)
    product.refresh_from_db()
    assert product.verification == "unverified"


def test_certification_changed_loses_verified_flag(company, member, officer) -> None:  # type: ignore[no-untyped-def]
    product = make_product(company)
    halal = claim(product, "halal", verified=True, issuer="BPJPH")
    jis = claim(product, "jis", verified=True, issuer="JQA")
    set_certifications(
        member,
        product,
        [CertificationClaim("halal", issuer="BPJPH"), CertificationClaim("jis", issuer="Other")],
    )
    halal.refresh_from_db()
    jis.refresh_from_db()
    assert (halal.verified, jis.verified) == (True, False)


def test_verify_product_sets_flags_per_claim(company, officer, member) -> None:  # type: ignore[no-untyped-def]
    product = make_product(company)
    halal = claim(product, "halal", verified=False)
    jis = claim(product, "jis", verified=False)
    assert queue_count() == 1
    verify_product(officer, product, True, certifications_verified=[halal.pk])
    product.refresh_from_db()
    halal.refresh_from_db()
    jis.refresh_from_db()
    assert (product.verification, halal.verified, jis.verified) == ("verified", True, False)
    assert queue_count() == 0
    with pytest.raises(PermissionDenied):
        verify_product(member, product, True)


@pytest.mark.parametrize(
    ("role", "status"), [("officer", 200), ("member", 403), ("viewer", 403), ("anonymous", 302)]
)
def test_product_queue_roles(as_user, company, role: str, status: int) -> None:  # type: ignore[no-untyped-def]
    make_product(company)
    assert as_user(role).get("/products/queue/").status_code == status


def test_verify_page_post(as_user, company, officer) -> None:  # type: ignore[no-untyped-def]
    product = make_product(company)
    halal = claim(product, "halal", verified=False)
    response = as_user("officer").post(
        f"/products/{product.pk}/verify/", {"decision": "verify", "certifications": [str(halal.pk)]}
    )
    assert response.status_code == 302
    halal.refresh_from_db()
    assert halal.verified


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_product_list_query_count_1_and_3_items(as_user, company) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    make_product(company)
    one = _queries(client, "/products/")
    make_product(company)
    make_product(company)
    assert _queries(client, "/products/") == one


def test_product_queue_query_count_1_and_3_items(as_user, company) -> None:  # type: ignore[no-untyped-def]
    client = as_user("officer")
    claim(make_product(company), "halal", verified=False)
    one = _queries(client, "/products/queue/")
    make_product(company)
    make_product(company)
    assert _queries(client, "/products/queue/") == one
    assert queue_count_queries() >= 1


API = "/api/v1/products/"


def test_api_products_member_sees_own_only(as_user, company, other_company) -> None:  # type: ignore[no-untyped-def]
    own = make_product(company)
    make_product(other_company)
    data = as_user("member").get(API).json()
    assert [row["id"] for row in data["results"]] == [own.pk]


def test_api_products_create_and_outsider_cannot_change(as_user, company, hs_codes) -> None:  # type: ignore[no-untyped-def]
    response = as_user("member").post(
        API,
        {
            "name": "Kotak",
            "unit": "box",
            "hs_code": "481910",
            "export_markets": ["jp"],
            "incoterm": "FOB",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert response.json()["export_markets"] == ["JP"]
    assert response.json()["verification"] == "unverified"
    changed = as_user("outsider").patch(
        f"{API}{pk}/", {"name": "X"}, content_type="application/json"
    )
    assert changed.status_code == 404


def test_api_products_anonymous_refused(db, as_user) -> None:  # type: ignore[no-untyped-def]
    assert as_user("anonymous").get(API).status_code in (401, 403)
