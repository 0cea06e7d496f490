"""The OpenAPI schema validates, and the docs pages load only local assets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client


def test_schema_generation_validates_without_warnings(tmp_path: Path) -> None:
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text())
    assert schema["info"]["title"] == "Jembatan API"
    registry_paths = [p for p in sorted(schema["paths"]) if not p.startswith("/api/v1/profiles/")]
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
        "/api/v1/companies/{id}/return/",
        "/api/v1/companies/{id}/verify/",
        "/api/v1/regions/",
        "/api/v1/regions/{code}/",
        "/api/v1/search/",
        "/api/v1/sectors/",
        "/api/v1/sectors/{slug}/",
    ]


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
        assert asset.startswith("/static/drf_spectacular_sidecar/"), asset
        assert finders.find(asset.removeprefix("/static/")) is not None, asset


@pytest.mark.django_db
def test_api_docs_point_at_local_schema(client: Client) -> None:
    html = client.get("/api/docs/").content.decode()
    assert 'url: "/api/schema/"' in html
    assert '"validatorUrl": null' in html
    assert "/api/schema/" in client.get("/api/redoc/").content.decode()
