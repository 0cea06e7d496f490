"""Reference data through the API: classifications, crosswalk, regions, sectors, certifications."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from jembatan.registry.models import Classification, CrosswalkLink, ProgrammeSector, Region
from tests.registry.api_support import api_client, kbli, region, sector

ROLES = ["anonymous", "officer", "member", "outsider", "viewer"]


def client_for(request: pytest.FixtureRequest, role: str) -> APIClient:
    return APIClient() if role == "anonymous" else api_client(request.getfixturevalue(role))


def isic(code: str, title: str) -> Classification:
    return Classification.objects.create(scheme="isic4", code=code, level="class", title_en=title)


@pytest.fixture
def tree(db: None) -> dict[str, Classification]:
    section = Classification.objects.create(
        scheme="kbli2020",
        code="C",
        level="section",
        title_en="Manufacturing",
        title_id="Industri Pengolahan",
    )
    division = Classification.objects.create(
        scheme="kbli2020", code="13", level="division", parent=section, title_en="Textiles"
    )
    group = Classification.objects.create(
        scheme="kbli2020", code="131", level="group", parent=division, title_en="Spinning"
    )
    weaving = kbli("13121", parent=group)
    jsic = Classification.objects.create(
        scheme="jsic14",
        code="1121",
        level="class",
        title_en="Silk weaving",
        title_ja="絹・人絹織物業",
    )
    isic_weaving = isic("1312", "Weaving of textiles")
    CrosswalkLink.objects.create(
        source=weaving, isic=isic_weaving, method="parent", status="confirmed"
    )
    CrosswalkLink.objects.create(source=jsic, isic=isic_weaving, method="proposed", score=0.7)
    return {"section": section, "group": group, "weaving": weaving, "jsic": jsic}


def codes(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [f"{c['scheme']}:{c['code']}" for c in response.json()["results"]]


# -- classifications ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_classification_list_readable_by_everyone(
    request: pytest.FixtureRequest, role: str, tree: Any
) -> None:
    response = client_for(request, role).get("/api/v1/classifications/", {"scheme": "jsic14"})
    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "scheme": "jsic14",
            "code": "1121",
            "level": "class",
            "scheme_level": "",
            "parent": None,
            "title": "Silk weaving",
            "title_en": "Silk weaving",
            "title_id": "",
            "title_ja": "絹・人絹織物業",
        }
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"scheme": "kbli2020"}, ["kbli2020:13", "kbli2020:131", "kbli2020:13121", "kbli2020:C"]),
        ({"level": "section"}, ["kbli2020:C"]),
        ({"parent": "131"}, ["kbli2020:13121"]),
        ({"scheme": "kbli2020", "parent": "C"}, ["kbli2020:13"]),
        ({"code": "131"}, ["isic4:1312", "kbli2020:131", "kbli2020:13121"]),
        ({"scheme": "kbli2020", "code": "131"}, ["kbli2020:131", "kbli2020:13121"]),
        ({"q": "weaving"}, ["isic4:1312", "jsic14:1121", "kbli2020:13121"]),
        ({"q": "pengolahan"}, ["kbli2020:C"]),
        ({"q": "絹"}, ["jsic14:1121"]),
    ],
)
def test_classification_list_filters(
    tree: Any, params: dict[str, str], expected: list[str]
) -> None:
    assert codes(APIClient().get("/api/v1/classifications/", params)) == expected


def test_classification_list_invalid_scheme_names_the_parameter(db: None) -> None:
    response = APIClient().get("/api/v1/classifications/", {"scheme": "nace"})
    assert response.status_code == 400
    assert list(response.json()) == ["scheme"]


@pytest.mark.parametrize("count", [1, 3])
def test_classification_list_query_count(
    db: None, django_assert_num_queries: Any, count: int
) -> None:
    parent = kbli("131")
    for n in range(count):
        kbli(f"1312{n}", parent=parent)
    with django_assert_num_queries(2):  # count, and codes with their parent
        response = APIClient().get("/api/v1/classifications/", {"parent": "131"})
    assert response.json()["count"] == count


def test_classification_lookup_kbli_with_crosswalk(tree: Any) -> None:
    response = APIClient().get("/api/v1/classifications/kbli2020/13121/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    data = response.json()
    assert (data["scheme"], data["code"], data["parent"], data["title"]) == (
        "kbli2020",
        "13121",
        "131",
        "Weaving 13121",
    )
    assert data["children"] == []
    assert data["crosswalk"] == [
        {
            "scheme": "isic4",
            "code": "1312",
            "title": "Weaving of textiles",
            "method": "parent",
            "score": 1.0,
            "status": "confirmed",
        }
    ]


def test_classification_lookup_isic_lists_linked_codes(tree: Any) -> None:
    data = APIClient().get("/api/v1/classifications/isic4/1312/").json()
    assert [(c["scheme"], c["code"], c["status"]) for c in data["crosswalk"]] == [
        ("jsic14", "1121", "proposed"),
        ("kbli2020", "13121", "confirmed"),
    ]


def test_classification_lookup_shows_children(tree: Any) -> None:
    data = APIClient().get("/api/v1/classifications/kbli2020/131/").json()
    assert [c["code"] for c in data["children"]] == ["13121"]


def test_classification_lookup_unknown_is_404(tree: Any) -> None:
    assert APIClient().get("/api/v1/classifications/jsic14/13121/").status_code == 404


def test_classification_is_read_only(officer: Any) -> None:
    response = api_client(officer).post("/api/v1/classifications/", {"code": "1"}, format="json")
    assert response.status_code == 405


# -- regions, sectors, certifications -------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_region_list_filter_country(request: pytest.FixtureRequest, role: str, db: None) -> None:
    client = client_for(request, role)
    response = client.get("/api/v1/regions/", {"country": "JP"}, HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 200
    assert response.json()["count"] == 47
    [osaka] = [r for r in response.json()["results"] if r["code"] == "JP-27"]
    assert osaka["code"] == "JP-27"
    assert (osaka["name_en"], osaka["name_id"], osaka["name_ja"]) == ("Osaka", "Osaka", "大阪府")


def test_region_name_follows_accept_language(db: None) -> None:
    region("ID-JB")
    data = APIClient().get("/api/v1/regions/ID-JB/", HTTP_ACCEPT_LANGUAGE="id").json()
    assert data == {
        "code": "ID-JB",
        "country": "ID",
        "name": "Jawa Barat",
        "name_en": "West Java",
        "name_id": "Jawa Barat",
        "name_ja": "西ジャワ州",
    }


@pytest.mark.parametrize("count", [1, 3])
def test_region_list_query_count(db: None, django_assert_num_queries: Any, count: int) -> None:
    Region.objects.exclude(code__in=["ID-JB", "ID-JT", "JP-27"][:count]).delete()
    with django_assert_num_queries(2):
        response = APIClient().get("/api/v1/regions/")
    assert response.json()["count"] == count


@pytest.mark.parametrize("role", ROLES)
def test_sector_list(request: pytest.FixtureRequest, role: str, db: None) -> None:
    ProgrammeSector.objects.exclude(slug="packaging").delete()
    packaging = ProgrammeSector.objects.get(slug="packaging")
    response = client_for(request, role).get("/api/v1/sectors/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "slug": "packaging",
            "name": "Packaging",
            "name_en": "Packaging",
            "name_id": packaging.name_id,
            "name_ja": packaging.name_ja,
            "isic_classes": packaging.isic_classes,
            "priority": True,
        }
    ]


def test_sector_detail_by_slug(db: None) -> None:
    sector("textiles")
    assert APIClient().get("/api/v1/sectors/textiles/").json()["slug"] == "textiles"


@pytest.mark.parametrize("count", [1, 3])
def test_sector_list_query_count(db: None, django_assert_num_queries: Any, count: int) -> None:
    ProgrammeSector.objects.exclude(
        slug__in=["textiles", "packaging", "animation"][:count]
    ).delete()
    with django_assert_num_queries(2):
        response = APIClient().get("/api/v1/sectors/")
    assert response.json()["count"] == count


@pytest.mark.parametrize("role", ROLES)
def test_certification_list(request: pytest.FixtureRequest, role: str, db: None) -> None:
    response = client_for(request, role).get("/api/v1/certifications/", {"page_size": 3})
    assert response.status_code == 200
    assert response.json()["results"] == [
        {"code": "iso9001", "name": "ISO 9001"},
        {"code": "iso14001", "name": "ISO 14001"},
        {"code": "iatf16949", "name": "IATF 16949"},
    ]


def test_certification_list_query_count(db: None, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(2):
        APIClient().get("/api/v1/certifications/")
