"""/api/v1/notifications/: one's own only, newest first; POST .../read/; 404 for others'."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_core import OpenAPI
from rest_framework.test import APIClient

from tests.notifications.helpers import notices
from tests.test_api_schema import assert_documented, openapi  # noqa: F401 - fixture by name

ROLES = ["officer", "member", "teammate", "outsider", "viewer"]


def client_for(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize("role", ROLES)
def test_list_is_ones_own_newest_first(openapi: OpenAPI, request, company, member, role) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    user = request.getfixturevalue(role)
    mine = notices(user, company, 2)
    if role != "member":
        notices(member, company, 1)
    body = assert_documented(openapi, client_for(user).get("/api/v1/notifications/"), 200)
    assert body["count"] == 2
    assert [n["id"] for n in body["results"]] == [mine[1].pk, mine[0].pk]
    first = body["results"][0]
    assert first["kind"] == "registry.company_verified"
    assert first["read"] is False
    assert first["read_at"] is None
    assert first["link"] == f"/companies/{company.pk}/"
    assert first["url"] == f"http://127.0.0.1:8000/companies/{company.pk}/"
    assert first["created_at"] == "2026-03-02T16:01:00+07:00"
    assert first["title"] == mine[1].title


def test_mark_read(openapi: OpenAPI, member, company) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    (notice,) = notices(member, company, 1)
    client = client_for(member)
    body = assert_documented(openapi, client.post(f"/api/v1/notifications/{notice.pk}/read/"), 200)
    assert (body["id"], body["read"]) == (notice.pk, True)
    listing = client.get("/api/v1/notifications/").json()
    assert listing["results"][0]["read"] is True


@pytest.mark.parametrize("role", ["officer", "teammate", "outsider", "viewer"])
def test_someone_elses_is_404(role, request, member, company) -> None:  # type: ignore[no-untyped-def]
    (notice,) = notices(member, company, 1)
    response = client_for(request.getfixturevalue(role)).post(
        f"/api/v1/notifications/{notice.pk}/read/"
    )
    assert response.status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_anonymous_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    assert APIClient().get("/api/v1/notifications/").status_code in (401, 403)


def test_no_write_of_the_list(member) -> None:  # type: ignore[no-untyped-def]
    assert client_for(member).post("/api/v1/notifications/", {}).status_code == 405


@pytest.mark.parametrize("count", [1, 3])
def test_api_list_query_count_constant(member, company, django_assert_num_queries, count) -> None:  # type: ignore[no-untyped-def]
    notices(member, company, count)
    client = client_for(member)
    with django_assert_num_queries(2):  # count, page
        response = client.get("/api/v1/notifications/")
    assert len(response.json()["results"]) == count
