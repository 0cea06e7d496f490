"""/api/v1/vocational/programmes and /applications: permissions, and every response as the
OpenAPI schema documents it (tests/test_api_schema.py's validator)."""

from __future__ import annotations

from typing import Any

import pytest

from jembatan.vocational.domain import applications as flow
from jembatan.vocational.models import Application
from tests.test_api_schema import assert_documented, client_for, openapi  # noqa: F401
from tests.vocational.programme_world import World, make_programme


@pytest.fixture
def applied(world: World, school_a: Any) -> Application:
    programme = make_programme(world.mou, world.host)
    return flow.apply(programme=programme, person=world.student, actor=school_a)


@pytest.mark.parametrize(
    ("role", "programmes", "applications"),
    [
        ("officer", 1, 1),
        ("school_a", 1, 1),
        ("kosen", 1, 1),
        ("school_b", 0, 0),
        ("member", 0, 0),
    ],
)
def test_api_lists_only_what_the_role_may_see(
    openapi,  # noqa: F811
    request,
    applied,
    role,
    programmes,
    applications,  # type: ignore[no-untyped-def]
) -> None:
    client = client_for(request.getfixturevalue(role))
    listing = assert_documented(openapi, client.get("/api/v1/vocational/programmes/"), 200)
    assert listing["count"] == programmes
    rows = assert_documented(openapi, client.get("/api/v1/vocational/applications/"), 200)
    assert rows["count"] == applications
    detail = client.get(f"/api/v1/vocational/applications/{applied.pk}/")
    if applications:
        assert assert_documented(openapi, detail, 200)["person_name"] == "Sari Wulandari"
    else:
        assert detail.status_code == 404


def test_api_viewer_is_refused(openapi, applied, viewer) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client = client_for(viewer)
    assert client.get("/api/v1/vocational/programmes/").status_code == 403
    assert client.get("/api/v1/vocational/applications/").json()["count"] == 0


def test_api_apply_and_select(openapi, world, school_a, kosen) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    programme = make_programme(world.mou, world.host)
    created = assert_documented(
        openapi,
        client_for(school_a).post(
            "/api/v1/vocational/applications/",
            {"programme": programme.pk, "person": world.teacher.pk, "motivation": "Belajar"},
            format="json",
        ),
        201,
    )
    assert created["status"] == "applied"
    refused = client_for(school_a).post(
        f"/api/v1/vocational/applications/{created['id']}/transition/",
        {"action": "select"},
        format="json",
    )
    assert_documented(openapi, refused, 403)
    selected = client_for(kosen).post(
        f"/api/v1/vocational/applications/{created['id']}/transition/",
        {"action": "select"},
        format="json",
    )
    assert assert_documented(openapi, selected, 200)["status"] == "selected"


def test_api_programme_outside_mou_names_the_field(openapi, world, officer) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    response = client_for(officer).post(
        "/api/v1/vocational/programmes/",
        {
            "mou": world.mou.pk,
            "title": "Kosen visit",
            "kind": "exchange",
            "direction": "id_to_jp",
            "host": world.host.pk,
            "starts_on": "2036-07-01",
            "ends_on": "2036-08-30",
            "capacity": 3,
        },
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    body = assert_documented(openapi, response, 400)
    assert list(body) == ["ends_on"]


def test_api_programme_created_by_party(openapi, world, school_a, school_b) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    data = {
        "mou": world.mou.pk,
        "title": "Teacher exchange 2027",
        "kind": "exchange",
        "direction": "jp_to_id",
        "host": world.school_a.pk,
        "starts_on": "2027-01-10",
        "ends_on": "2027-01-30",
        "capacity": 2,
    }
    created = client_for(school_a).post("/api/v1/vocational/programmes/", data, format="json")
    assert assert_documented(openapi, created, 201)["host_name"] == "SMTI Yogyakarta"
    refused = client_for(school_b).post("/api/v1/vocational/programmes/", data, format="json")
    assert refused.status_code == 403


@pytest.mark.parametrize("role", ["member", "school_b"])
def test_api_programme_create_refused_before_the_body_is_checked(
    openapi,  # noqa: F811
    request,
    world,
    role,  # type: ignore[no-untyped-def]
) -> None:
    # A company member may add no programme at all; school B is no party to the MoU named.
    # Both are refused (403), not told what is wrong with the dates (400).
    body = {"mou": world.mou.pk, "starts_on": "2036-07-01", "ends_on": "2036-01-01"}
    client = client_for(request.getfixturevalue(role))
    response = client.post("/api/v1/vocational/programmes/", body, format="json")
    assert_documented(openapi, response, 403)
    if role == "member":  # refused before even the MoU is read
        empty = client.post("/api/v1/vocational/programmes/", {}, format="json")
        assert_documented(openapi, empty, 403)


def test_api_apply_refused_before_the_body_is_checked(openapi, member, school_a) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    refused = client_for(member).post("/api/v1/vocational/applications/", {}, format="json")
    assert_documented(openapi, refused, 403)
    invalid = client_for(school_a).post("/api/v1/vocational/applications/", {}, format="json")
    assert_documented(openapi, invalid, 400)
