"""/api/v1/vocational/: the same permissions as the pages; every response as the schema says."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_core import OpenAPI

from jembatan.vocational.models import Mou
from tests.test_api_schema import assert_documented, client_for, openapi  # noqa: F401

ROLES = ["officer", "member", "viewer", "school_member", "other_school_member", "host_member"]


@pytest.mark.parametrize("role", ROLES)
def test_institution_list_and_detail_for_every_role(
    openapi: OpenAPI,  # noqa: F811
    role: str,
    roles: dict[str, Any],
    school: Any,
    department: Any,
) -> None:
    client = client_for(roles[role])
    listing = assert_documented(openapi, client.get("/api/v1/vocational/institutions/"), 200)
    assert [row["name"] for row in listing["results"]] == [
        "NIT Akashi College",
        "SMK SMAK Bogor",
        "SMTI Yogyakarta",
    ]
    detail = assert_documented(
        openapi, client.get(f"/api/v1/vocational/institutions/{school.pk}/"), 200
    )
    assert detail["departments"] == [{"id": department.pk, "kind": "chemical_analysis", "name": ""}]


def test_institution_api_anonymous_refused(client: Any, school: Any) -> None:
    assert client.get("/api/v1/vocational/institutions/").status_code == 401


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("officer", 200),
        ("school_member", 200),
        ("other_school_member", 403),
        ("host_member", 403),
        ("member", 403),
        ("viewer", 403),
    ],
)
def test_institution_patch_by_its_members_and_officers(
    openapi: OpenAPI,  # noqa: F811
    role: str,
    status: int,
    roles: dict[str, Any],
    school: Any,
) -> None:
    response = client_for(roles[role]).patch(
        f"/api/v1/vocational/institutions/{school.pk}/", {"city": "Yogyakarta"}, format="json"
    )
    body = assert_documented(openapi, response, status)
    if status == 200:
        assert (body["city"], body["name"], body["type"]) == (
            "Yogyakarta",
            "SMTI Yogyakarta",
            "smti",
        )


def test_institution_create_by_officer(openapi: OpenAPI, officer: Any, member: Any) -> None:  # noqa: F811
    payload = {"name": "NIT Tokyo College", "type": "kosen", "country": "JP"}
    assert_documented(
        openapi,
        client_for(member).post("/api/v1/vocational/institutions/", payload, format="json"),
        403,
    )
    created = assert_documented(
        openapi,
        client_for(officer).post("/api/v1/vocational/institutions/", payload, format="json"),
        201,
    )
    assert (created["name"], created["verification"]) == ("NIT Tokyo College", "verified")


@pytest.mark.parametrize(
    ("role", "count"),
    [
        ("officer", 1),
        ("school_member", 1),
        ("host_member", 1),
        ("other_school_member", 0),
        ("member", 0),
    ],
)
def test_mou_list_shows_only_the_parties_mous(
    openapi: OpenAPI,  # noqa: F811
    role: str,
    count: int,
    roles: dict[str, Any],
    mou: Mou,
) -> None:
    client = client_for(roles[role])
    listing = assert_documented(openapi, client.get("/api/v1/vocational/mous/"), 200)
    assert listing["count"] == count
    detail = client.get(f"/api/v1/vocational/mous/{mou.pk}/")
    if count:
        body = assert_documented(openapi, detail, 200)
        assert body["status"] == "active"
        assert [item["kind"] for item in body["scope_items"]] == [
            "short_course",
            "student_exchange",
            "teacher_exchange",
        ]
    else:
        assert_documented(openapi, detail, 404)


def test_mou_list_refused_to_viewers(openapi: OpenAPI, viewer: Any, mou: Mou) -> None:  # noqa: F811
    assert_documented(openapi, client_for(viewer).get("/api/v1/vocational/mous/"), 403)


def test_mou_create_and_update_through_the_api(
    openapi: OpenAPI,  # noqa: F811
    school_member: Any,
    other_school_member: Any,
    school: Any,
    host: Any,
) -> None:
    client = client_for(school_member)
    payload = {
        "title": "MoU 2016",
        "institutions": [school.pk, host.pk],
        "signed_on": "2016-07-27",
        "starts_on": "2016-07-27",
        "ends_on": "2016-07-01",
        "scope": ["teacher_exchange"],
    }
    refused = client.post("/api/v1/vocational/mous/", payload, format="json")
    assert refused.status_code == 400
    assert list(refused.json()) == ["ends_on"]
    payload["ends_on"] = "2021-07-26"
    created = assert_documented(
        openapi, client.post("/api/v1/vocational/mous/", payload, format="json"), 201
    )
    assert created["status"] == "expired"
    url = f"/api/v1/vocational/mous/{created['id']}/"
    payload["ends_on"] = "2031-07-26"
    updated = assert_documented(openapi, client.put(url, payload, format="json"), 200)
    assert updated["ends_on"] == "2031-07-26"
    assert client_for(other_school_member).put(url, payload, format="json").status_code == 404
