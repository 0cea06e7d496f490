"""Interests and introductions: real API responses validated against the OpenAPI schema
(the helpers and the schema fixture of tests/test_api_schema.py)."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_core import OpenAPI

from tests.test_api_schema import assert_documented, client_for, openapi  # noqa: F401


def test_engagement_responses_match_the_schema(request: pytest.FixtureRequest, db: Any) -> None:
    """Interests and introductions, every route, with real bodies (issue 10's contract)."""
    spec: OpenAPI = request.getfixturevalue("openapi")
    shown = request.getfixturevalue("profile")
    contact = request.getfixturevalue("requester_contact")
    owners_contact = request.getfixturevalue("owner_contact")
    as_requester = client_for(request.getfixturevalue("requester"))
    as_member = client_for(request.getfixturevalue("member"))
    as_officer = client_for(request.getfixturevalue("officer"))
    created = as_requester.post(
        "/api/v1/interests/",
        {
            "profile": shown.pk,
            "message": "Kami tertarik dengan kain anda.",
            "contacts": [contact.pk],
        },
        format="json",
    )
    interest = assert_documented(spec, created, 201)
    assert_documented(
        spec,
        as_requester.post(
            "/api/v1/interests/",
            {"profile": shown.pk, "message": "Lagi untuk anda."},
            format="json",
        ),
        409,
    )
    for box in ("sent", "received"):
        assert_documented(spec, as_requester.get(f"/api/v1/interests/?box={box}"), 200)
    assert_documented(spec, as_member.get(f"/api/v1/interests/{interest['id']}/"), 200)
    accepted = as_member.post(
        f"/api/v1/interests/{interest['id']}/accept/",
        {"contacts": [owners_contact.pk]},
        format="json",
    )
    introduction = assert_documented(spec, accepted, 200)["introduction"]
    url = f"/api/v1/introductions/{introduction}/"
    assert_documented(spec, as_requester.get("/api/v1/introductions/"), 200)
    assert_documented(spec, as_officer.get(url), 200)
    assert_documented(spec, as_requester.get(url), 200)
    assert_documented(spec, as_member.post(f"{url}stage/", {"stage": "met"}, format="json"), 200)
    assert_documented(spec, as_member.post(f"{url}stage/", {"stage": "met"}, format="json"), 409)
    assert_documented(
        spec,
        as_member.post(f"{url}messages/", {"body": "Terima kasih banyak."}, format="json"),
        201,
    )
    assert_documented(spec, as_requester.get(f"{url}messages/"), 200)
    second = as_requester.post(
        "/api/v1/interests/",
        {"profile": request.getfixturevalue("second_profile").pk, "message": "Kami tertarik juga."},
        format="json",
    )
    second_id = assert_documented(spec, second, 201)["id"]
    assert_documented(spec, as_requester.post(f"/api/v1/interests/{second_id}/withdraw/"), 200)
    third = as_requester.post(
        "/api/v1/interests/",
        {"profile": request.getfixturevalue("second_profile").pk, "message": "Kami tertarik lagi."},
        format="json",
    )
    third_owner = client_for(request.getfixturevalue("second_owner"))
    declined = third_owner.post(
        f"/api/v1/interests/{third.json()['id']}/decline/",
        {"reason": "price", "note": "Terlalu mahal."},
        format="json",
    )
    assert_documented(spec, declined, 200)
