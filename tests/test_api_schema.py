"""The OpenAPI schema validates, and the docs pages load only local assets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_core.exceptions import OpenAPIError
from rest_framework.test import APIClient

from jembatan.registry.models import Company
from tests.factories import ContactFactory
from tests.matching.conftest import matching_settings  # noqa: F401 - used by name
from tests.matching.corpus import build_corpus
from tests.registry.api_support import attach_reference_data, kbli, region, sector
from tests.registry.test_api_company_writes import valid_payload


def test_schema_generation_validates_without_warnings(tmp_path: Path) -> None:
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text())
    assert schema["info"]["title"] == "Jembatan API"
    registry_paths = [
        p
        for p in sorted(schema["paths"])
        if not p.startswith(
            (
                "/api/v1/profiles/",
                "/api/v1/interests/",
                "/api/v1/introductions/",
                "/api/v1/agreements/",
                "/api/v1/products/",
                "/api/v1/showcase/",
                "/api/v1/vocational/",
                "/api/v1/inquiries/",
                "/api/v1/promotions/",
            )
        )
    ]
    assert [
        p
        for p in sorted(schema["paths"])
        if p.startswith(("/api/v1/inquiries/", "/api/v1/promotions/"))
    ] == [
        "/api/v1/inquiries/",
        "/api/v1/inquiries/form-token/",
        "/api/v1/inquiries/{id}/",
        "/api/v1/promotions/",
        "/api/v1/promotions/{id}/",
    ]
    assert [
        p
        for p in sorted(schema["paths"])
        if p.startswith(("/api/v1/products/", "/api/v1/showcase/"))
    ] == [
        "/api/v1/products/",
        "/api/v1/products/{id}/",
        "/api/v1/showcase/companies/",
        "/api/v1/showcase/companies/{id}/",
        "/api/v1/showcase/products/",
        "/api/v1/showcase/products/{id}/",
    ]
    assert [p for p in sorted(schema["paths"]) if p.startswith("/api/v1/agreements/")] == [
        "/api/v1/agreements/",
        "/api/v1/agreements/{id}/",
        "/api/v1/agreements/{id}/confirm/",
        "/api/v1/agreements/{id}/verify/",
    ]
    assert [p for p in sorted(schema["paths"]) if p.startswith("/api/v1/intere")] == [
        "/api/v1/interests/",
        "/api/v1/interests/{id}/",
        "/api/v1/interests/{id}/accept/",
        "/api/v1/interests/{id}/decline/",
        "/api/v1/interests/{id}/withdraw/",
    ]
    assert [p for p in sorted(schema["paths"]) if p.startswith("/api/v1/intro")] == [
        "/api/v1/introductions/",
        "/api/v1/introductions/{id}/",
        "/api/v1/introductions/{id}/messages/",
        "/api/v1/introductions/{id}/stage/",
    ]
    assert "/api/v1/profiles/{id}/" in schema["paths"]
    assert registry_paths == [
        "/api/v1/auth/token/",
        "/api/v1/certifications/",
        "/api/v1/certifications/{code}/",
        "/api/v1/classifications/",
        "/api/v1/classifications/{scheme}/{code}/",
        "/api/v1/companies/",
        "/api/v1/companies/{id}/",
        "/api/v1/companies/{id}/contacts/",
        "/api/v1/companies/{id}/export/",
        "/api/v1/companies/{id}/return/",
        "/api/v1/companies/{id}/verify/",
        "/api/v1/notifications/",
        "/api/v1/notifications/{id}/read/",
        "/api/v1/regions/",
        "/api/v1/regions/{code}/",
        "/api/v1/search/",
        "/api/v1/sectors/",
        "/api/v1/sectors/{slug}/",
    ]


# Interests and introductions: real responses are validated in
# tests/engagement/test_api_schema_responses.py (with that app's fixtures).


def test_schema_marks_private_company_fields_optional(tmp_path: Path) -> None:
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(target))
    company = yaml.safe_load(target.read_text())["components"]["schemas"]["Company"]
    assert "contacts" in company["properties"]
    assert "private" in company["properties"]
    assert "contacts" not in company["required"]
    assert "private" not in company["required"]


@pytest.mark.django_db
def test_schema_endpoint_serves_openapi(client: Client) -> None:
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")


def local_asset_urls(html: str) -> list[str]:
    """Every src/href of the page; fails if any URL anywhere in it points outside."""
    assert re.findall(r"(?:https?:)?//[\w.-]+\.\w+/", html) == []
    return re.findall(r'(?:src|href)="([^"]+)"', html)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_api_docs_reference_only_local_static_assets(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    urls = local_asset_urls(response.content.decode())
    assert urls
    for asset in urls:
        if asset == f"{url}?script=":  # Swagger UI's script, a file of its own (CSP)
            continue
        assert asset.startswith(("/static/drf_spectacular_sidecar/", "/static/core/")), asset
        assert finders.find(asset.removeprefix("/static/")) is not None, asset


@pytest.mark.django_db
def test_api_docs_point_at_local_schema(client: Client) -> None:
    html = client.get("/api/docs/?script=").content.decode()
    assert 'url: "/api/schema/"' in html
    assert '"validatorUrl": null' in html
    assert "/api/schema/" in client.get("/api/redoc/").content.decode()


# -- real responses against the generated schema ------------------------------------------
#
# openapi-core (dev dependency) finds each response's operation and status in the schema
# that drf-spectacular generates and validates the body, as OpenAPI 3.0 reads it (nullable,
# readOnly, writeOnly). Objects are closed first (additionalProperties: false), so a key the
# schema does not document fails as surely as a wrong type or a value outside its enum.


def _closed(node: Any) -> Any:
    if isinstance(node, dict):
        node = {key: _closed(value) for key, value in node.items()}
        if "properties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        return node
    if isinstance(node, list):
        return [_closed(item) for item in node]
    return node


@pytest.fixture(scope="module")
def openapi() -> OpenAPI:
    generated = SchemaGenerator().get_schema(request=None, public=True)
    spec = json.loads(OpenApiJsonRenderer().render(generated, renderer_context={}))
    return OpenAPI.from_dict(_closed(spec))


def _schema_errors(error: BaseException | None) -> list[str]:
    """Where each value disagrees with the schema, e.g. "results/1/region: ..."."""
    while error is not None and not hasattr(error, "schema_errors"):
        error = error.__cause__
    if error is None:
        return []
    return [
        f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}"
        for e in error.schema_errors  # type: ignore[attr-defined]
    ]


def assert_documented(openapi: OpenAPI, response: Any, status: int) -> dict[str, Any]:
    """`response` has status `status` and a body the schema documents for it."""
    assert response.status_code == status, response.content
    try:
        openapi.validate_response(
            DjangoOpenAPIRequest(response.wsgi_request), DjangoOpenAPIResponse(response)
        )
    except OpenAPIError as error:
        details = "; ".join(_schema_errors(error)) or str(error)
        pytest.fail(f"{response.wsgi_request.path}: {details}")
    body: dict[str, Any] = response.json() if response.content else {}
    return body


def client_for(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def registry_rows(company: Any, other_company: Any) -> Any:
    attach_reference_data(company)
    ContactFactory(company=company)
    Company.objects.filter(pk=company.pk).update(size_class="small")
    # "" is a size class too: the rules cannot decide without the workforce.
    Company.objects.filter(pk=other_company.pk).update(size_class="", employees=None)
    return company


@pytest.mark.parametrize("role", ["officer", "member", "teammate", "outsider", "viewer"])
def test_company_read_responses_match_the_schema(
    openapi: OpenAPI, request: pytest.FixtureRequest, role: str, registry_rows: Any
) -> None:
    client = client_for(request.getfixturevalue(role))
    listing = assert_documented(openapi, client.get("/api/v1/companies/"), 200)
    assert sorted(c["size_class"] for c in listing["results"]) == ["", "small"]
    detail = client.get(f"/api/v1/companies/{registry_rows.pk}/")
    assert_documented(openapi, detail, 200)
    if role in ("officer", "member", "teammate"):
        contacts = client.get(f"/api/v1/companies/{registry_rows.pk}/contacts/")
        assert_documented(openapi, contacts, 200)


def test_company_write_and_decision_responses_match_the_schema(
    openapi: OpenAPI, officer: Any, member: Any, registry_rows: Any
) -> None:
    company = registry_rows
    as_officer, as_member = client_for(officer), client_for(member)
    created = as_officer.post("/api/v1/companies/", valid_payload(), format="json")
    assert_documented(openapi, created, 201)
    patched = as_member.patch(f"/api/v1/companies/{company.pk}/", {"city": "Cimahi"}, format="json")
    assert_documented(openapi, patched, 200)
    contact = as_member.post(
        f"/api/v1/companies/{company.pk}/contacts/",
        {"name": "Dewi", "email": "dewi@example.co.id", "phone": "022 1234 567"},
        format="json",
    )
    assert_documented(openapi, contact, 201)
    verified = as_officer.post(f"/api/v1/companies/{company.pk}/verify/")
    assert assert_documented(openapi, verified, 200)["verification"] == "verified"
    again = as_officer.post(f"/api/v1/companies/{company.pk}/verify/")
    assert_documented(openapi, again, 409)
    returned = as_officer.post(
        f"/api/v1/companies/{company.pk}/return/", {"note": "Wrong city."}, format="json"
    )
    assert_documented(openapi, returned, 200)


def test_reference_responses_match_the_schema(openapi: OpenAPI, viewer: Any) -> None:
    region("ID-JB")
    sector("textiles")
    kbli("13121")
    client = client_for(viewer)
    for url in (
        "/api/v1/regions/",
        "/api/v1/regions/ID-JB/",
        "/api/v1/sectors/",
        "/api/v1/sectors/textiles/",
        "/api/v1/certifications/",
        "/api/v1/certifications/iso9001/",
        "/api/v1/classifications/",
        "/api/v1/classifications/kbli2020/13121/",
    ):
        assert_documented(openapi, client.get(url), 200)


def test_profile_responses_match_the_schema(
    openapi: OpenAPI, officer: Any, member: Any, viewer: Any, company: Any
) -> None:
    as_member, as_officer = client_for(member), client_for(officer)
    created = as_member.post(
        "/api/v1/profiles/",
        {
            "kind": "business",
            "direction": "offer",
            "cooperation_types": ["supply"],
            "title": "Kain tenun untuk pasar Jepang",
            "summary": "Kami menawarkan kain tenun dan batik cap untuk pembeli di Jepang.",
            "description": "Produksi 5.000 meter per bulan, pewarna alami, sertifikat SNI.",
            "language": "id",
            "target_countries": ["JP"],
        },
        format="json",
    )
    profile = assert_documented(openapi, created, 201)
    url = f"/api/v1/profiles/{profile['id']}/"
    assert profile["language"] == "id"  # returned, so not write-only in the schema
    assert_documented(openapi, as_member.patch(url, {"title": "Kain tenun"}, format="json"), 200)
    assert_documented(openapi, as_member.get("/api/v1/profiles/"), 200)
    assert_documented(openapi, as_member.post(f"{url}submit/"), 200)
    assert_documented(
        openapi, as_officer.post(f"{url}return/", {"reason": "Lengkapi."}, format="json"), 200
    )
    assert_documented(openapi, as_member.post(f"{url}submit/"), 200)
    assert_documented(openapi, as_officer.post(f"{url}validate/"), 200)
    assert_documented(openapi, as_member.post(f"{url}publish/"), 200)
    assert_documented(openapi, client_for(viewer).get(url), 200)
    extended = assert_documented(openapi, as_member.post(f"{url}extend/"), 200)
    assert extended["extended_once"] is True
    assert_documented(openapi, as_member.post(f"{url}extend/"), 409)
    closed = as_member.post(f"{url}close/", {"reason": "partner_found"}, format="json")
    assert assert_documented(openapi, closed, 200)["status"] == "closed"


@pytest.mark.usefixtures("matching_settings")
def test_matches_and_search_responses_match_the_schema(
    openapi: OpenAPI, company: Any, other_company: Any, outsider: Any, viewer: Any
) -> None:
    corpus = build_corpus(company, other_company)
    matches = client_for(outsider).get(f"/api/v1/profiles/{corpus.machine_offer.pk}/matches/")
    assert assert_documented(openapi, matches, 200)["count"] > 0
    for kind in ("profile", "company"):
        found = client_for(viewer).get("/api/v1/search/", {"q": "kemasan plastik", "type": kind})
        assert assert_documented(openapi, found, 200)["count"] > 0


@pytest.mark.parametrize("role", ["officer", "member", "outsider"])
def test_company_export_responses_match_the_schema(
    openapi: OpenAPI, request: pytest.FixtureRequest, role: str, registry_rows: Any
) -> None:
    client = client_for(request.getfixturevalue(role))
    response = client.get(f"/api/v1/companies/{registry_rows.pk}/export/")
    if role == "outsider":
        assert_documented(openapi, response, 404)
    else:
        body = assert_documented(openapi, response, 200)
        assert body["sections"]["registry"]["company"]["id"] == registry_rows.pk
