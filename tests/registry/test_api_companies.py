"""Reading companies through the API: roles, privacy, filters, ordering, pagination, queries."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from jembatan.accounts.domain.api_tokens import create_token
from jembatan.registry.models import Company
from tests.factories import CompanyFactory, ContactFactory, UserFactory
from tests.registry.api_support import api_client, attach_reference_data, region, sector

LIST_URL = "/api/v1/companies/"
SECRET_EMAIL = "rahasia.direktur@majubersama.co.id"
SECRET_PHONE = "+6281234567890"
SECRET_TAX = "01.234.567.8-901.000"


def detail_url(company: Company) -> str:
    return f"/api/v1/companies/{company.pk}/"


@pytest.fixture
def private_company(company: Company) -> Company:
    """`company` with a contact, a tax number and an address nobody outside may see."""
    ContactFactory(company=company, name="Budi Santoso", email=SECRET_EMAIL, phone=SECRET_PHONE)
    company.tax_number = SECRET_TAX
    company.address = "Jl. Rahasia 7, Bandung"
    company.save()
    return company


def assert_no_private_data(content: bytes) -> None:
    text = content.decode()
    for secret in (SECRET_EMAIL, SECRET_PHONE, SECRET_TAX, "Budi Santoso", "Jl. Rahasia"):
        assert secret not in text


# -- who may read ---------------------------------------------------------------------------


def test_company_list_anonymous_is_401(private_company: Company) -> None:
    response = APIClient().get(LIST_URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert_no_private_data(response.content)


def test_company_detail_anonymous_is_401(private_company: Company) -> None:
    response = APIClient().get(detail_url(private_company))
    assert response.status_code == 401


@pytest.mark.parametrize("role", ["officer", "member", "teammate"])
def test_company_detail_shows_private_data_to_officer_and_member(
    request: pytest.FixtureRequest, role: str, private_company: Company
) -> None:
    user = request.getfixturevalue(role)
    response = api_client(user).get(detail_url(private_company))
    assert response.status_code == 200
    data = response.json()
    assert [(c["name"], c["email"], c["phone"]) for c in data["contacts"]] == [
        ("Budi Santoso", SECRET_EMAIL, SECRET_PHONE)
    ]
    assert data["private"] == {
        "tax_number": SECRET_TAX,
        "address": "Jl. Rahasia 7, Bandung",
        "verification_note": "",
        "verified_by": None,
    }


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_company_detail_hides_private_data_from_outsider_and_viewer(
    request: pytest.FixtureRequest, role: str, private_company: Company
) -> None:
    user = request.getfixturevalue(role)
    response = api_client(user).get(detail_url(private_company))
    assert response.status_code == 200
    assert response.json()["name"] == private_company.name
    assert "contacts" not in response.json()
    assert "private" not in response.json()
    assert '"contacts"' not in response.content.decode()
    assert_no_private_data(response.content)


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_company_list_hides_private_data_from_outsider_and_viewer(
    request: pytest.FixtureRequest, role: str, private_company: Company
) -> None:
    user = request.getfixturevalue(role)
    response = api_client(user).get(LIST_URL)
    assert response.status_code == 200
    [shown] = [c for c in response.json()["results"] if c["id"] == private_company.pk]
    assert "contacts" not in shown
    assert "private" not in shown
    assert_no_private_data(response.content)


def test_company_list_shows_member_only_their_own_private_data(
    member: Any, private_company: Company, other_company: Company
) -> None:
    ContactFactory(company=other_company, email="orang.lain@example.jp")
    response = api_client(member).get(LIST_URL)
    by_id = {c["id"]: c for c in response.json()["results"]}
    assert [c["email"] for c in by_id[private_company.pk]["contacts"]] == [SECRET_EMAIL]
    assert "contacts" not in by_id[other_company.pk]
    assert "private" not in by_id[other_company.pk]
    assert "orang.lain@example.jp" not in response.content.decode()


def test_company_list_shows_officer_every_company_private_data(
    officer: Any, private_company: Company, other_company: Company
) -> None:
    ContactFactory(company=other_company, email="orang.lain@example.jp")
    response = api_client(officer).get(LIST_URL)
    emails = {c["id"]: [x["email"] for x in c["contacts"]] for c in response.json()["results"]}
    assert emails == {
        private_company.pk: [SECRET_EMAIL],
        other_company.pk: ["orang.lain@example.jp"],
    }


@pytest.mark.parametrize("role", ["officer", "member", "teammate", "outsider", "viewer"])
def test_company_search_never_matches_private_fields(
    request: pytest.FixtureRequest, role: str, private_company: Company
) -> None:
    user = request.getfixturevalue(role)
    client = api_client(user)
    for secret in (SECRET_EMAIL, SECRET_PHONE, SECRET_TAX, "Rahasia"):
        response = client.get(LIST_URL, {"q": secret})
        assert response.status_code == 200
        assert response.json()["count"] == 0


def test_company_detail_public_fields(officer: Any) -> None:
    company = attach_reference_data(
        CompanyFactory(name="PT Tenun Garut", registry_id="9120000000042", city="Garut")
    )
    company.languages = ["id", "en"]
    company.save()
    data = api_client(officer).get(detail_url(company), HTTP_ACCEPT_LANGUAGE="en").json()
    assert {k: data[k] for k in ("name", "country", "registry_id", "city", "languages")} == {
        "name": "PT Tenun Garut",
        "country": "ID",
        "registry_id": "9120000000042",
        "city": "Garut",
        "languages": ["id", "en"],
    }
    assert data["region"] == {"code": "ID-JB", "name": "West Java"}
    assert data["certifications"] == ["iso9001"]
    assert data["sectors"] == ["textiles"]
    assert data["classifications"] == [
        {"scheme": "kbli2020", "code": "13121", "title": "Weaving 13121"}
    ]
    assert data["verification"] == "unverified"
    assert data["verified_at"] is None
    assert data["logo"] is None
    assert data["size_class"] == ""


def test_company_detail_region_name_in_users_language(viewer: Any) -> None:
    company = attach_reference_data(CompanyFactory())
    viewer.language = "ja"
    viewer.save()
    data = api_client(viewer).get(detail_url(company)).json()
    assert data["region"] == {"code": "ID-JB", "name": "西ジャワ州"}
    assert data["classifications"][0]["title"] == "織物 13121"


def test_company_detail_unknown_id_is_404(viewer: Any) -> None:
    assert api_client(viewer).get("/api/v1/companies/999999/").status_code == 404


# -- token authentication and language ------------------------------------------------------


def test_token_endpoint_returns_a_token_that_authenticates(company: Company) -> None:
    UserFactory(username="analyst", role="viewer")
    response = APIClient().post(
        "/api/v1/auth/token/",
        {"username": "analyst", "password": "correct horse battery"},
        format="json",
    )
    assert response.status_code == 200
    token = response.json()["token"]
    assert AuthToken.objects.get(user__username="analyst").token_key == token[:15]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get(LIST_URL).json()["count"] == 1


def test_token_endpoint_wrong_password_is_400(db: None) -> None:
    UserFactory(username="analyst")
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "analyst", "password": "wrong"}, format="json"
    )
    assert response.status_code == 400
    assert "token" not in response.json()


def test_anonymous_error_follows_accept_language(db: None) -> None:
    response = APIClient().get(LIST_URL, HTTP_ACCEPT_LANGUAGE="ja")
    assert response.json() == {"detail": "認証情報が含まれていません。"}
    assert response["Content-Language"] == "ja"
    response = APIClient().get(LIST_URL, HTTP_ACCEPT_LANGUAGE="id")
    assert response.json() == {"detail": "Data autentikasi tidak diberikan."}


def test_token_user_gets_errors_in_saved_language(officer: Any) -> None:
    officer.language = "ja"
    officer.save()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=officer)[1]}")
    response = client.post(LIST_URL, {}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["name"] == ["この項目は必須です。"]
    assert response["Content-Language"] == "ja"


def test_session_user_gets_errors_in_saved_language(officer: Any) -> None:
    officer.language = "id"
    officer.save()
    response = api_client(officer).post(LIST_URL, {}, format="json", HTTP_ACCEPT_LANGUAGE="ja")
    assert response.json()["registry_id"] == ["Bidang ini harus diisi."]


# -- filters, ordering, pagination ----------------------------------------------------------


def names(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(c["name"] for c in response.json()["results"])


@pytest.fixture
def two_companies(db: None) -> tuple[Company, Company]:
    bandung = attach_reference_data(
        CompanyFactory(name="PT Tenun Bandung", city="Bandung", registry_id="9120000000101")
    )
    osaka = CompanyFactory(
        name="Naniwa Seiko",
        country="JP",
        city="Osaka",
        description="精密部品",
        region=region("JP-27"),
    )
    osaka.sectors.add(sector("components"))
    Company.objects.filter(pk=osaka.pk).update(size_class="sme", verification="verified")
    return bandung, osaka


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Naniwa Seiko", "PT Tenun Bandung"]),
        ({"country": "JP"}, ["Naniwa Seiko"]),
        ({"region": "ID-JB"}, ["PT Tenun Bandung"]),
        ({"sector": "components"}, ["Naniwa Seiko"]),
        ({"sector": "textiles"}, ["PT Tenun Bandung"]),
        ({"size_class": "sme"}, ["Naniwa Seiko"]),
        ({"certification": "iso9001"}, ["PT Tenun Bandung"]),
        ({"certification": "halal"}, []),
        ({"verification": "verified"}, ["Naniwa Seiko"]),
        ({"verification": "unverified"}, ["PT Tenun Bandung"]),
        ({"classification": "13121"}, ["PT Tenun Bandung"]),
        ({"classification": "131"}, ["PT Tenun Bandung"]),
        ({"classification": "kbli2020:13121"}, ["PT Tenun Bandung"]),
        ({"classification": "isic4:13121"}, []),
        ({"q": "tenun"}, ["PT Tenun Bandung"]),
        ({"q": "osaka"}, ["Naniwa Seiko"]),
        ({"q": "9120000000101"}, ["PT Tenun Bandung"]),
        ({"q": "精密"}, ["Naniwa Seiko"]),
        ({"country": "ID", "sector": "components"}, []),
    ],
)
def test_company_list_filters(
    viewer: Any, two_companies: tuple[Company, Company], params: dict[str, str], expected: list[str]
) -> None:
    assert names(api_client(viewer).get(LIST_URL, params)) == expected


def test_company_list_filter_updated_since(viewer: Any, two_companies: Any) -> None:
    bandung, _osaka = two_companies
    Company.objects.filter(pk=bandung.pk).update(updated_at=timezone.now() - timedelta(days=10))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert names(api_client(viewer).get(LIST_URL, {"updated_since": since})) == ["Naniwa Seiko"]


def test_company_list_invalid_filter_names_the_parameter(viewer: Any) -> None:
    response = api_client(viewer).get(LIST_URL, {"country": "SG"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert list(response.json()) == ["country"]


def test_company_list_ordering(viewer: Any, two_companies: Any) -> None:
    client = api_client(viewer)
    default = [c["name"] for c in client.get(LIST_URL).json()["results"]]
    reverse = [c["name"] for c in client.get(LIST_URL, {"ordering": "-name"}).json()["results"]]
    assert default == ["Naniwa Seiko", "PT Tenun Bandung"]
    assert reverse == ["PT Tenun Bandung", "Naniwa Seiko"]


def test_company_list_page_size(viewer: Any, two_companies: Any) -> None:
    data = api_client(viewer).get(LIST_URL, {"page_size": 1, "page": 2}).json()
    assert data["count"] == 2
    assert [c["name"] for c in data["results"]] == ["PT Tenun Bandung"]
    assert data["next"] is None


def test_company_list_page_size_is_capped_at_200(viewer: Any) -> None:
    Company.objects.bulk_create(
        Company(name=f"PT Usaha {n:03d}", country="ID", registry_id=f"{9130000000000 + n}")
        for n in range(201)
    )
    data = api_client(viewer).get(LIST_URL, {"page_size": 500}).json()
    assert data["count"] == 201
    assert len(data["results"]) == 200


# -- query counts ---------------------------------------------------------------------------


def make_companies(count: int) -> None:
    for _n in range(count):
        company = attach_reference_data(CompanyFactory())
        ContactFactory(company=company)


# Session and user (2), count, companies, certifications, sectors, classifications (5);
# officers and company members (outsider too) add one query for the contacts they may see,
# company members one for their organisation.
@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize(
    ("role", "queries"), [("officer", 9), ("member", 10), ("outsider", 10), ("viewer", 8)]
)
def test_company_list_query_count(
    request: pytest.FixtureRequest,
    django_assert_num_queries: Any,
    count: int,
    role: str,
    queries: int,
) -> None:
    user = request.getfixturevalue(role)
    make_companies(count)
    client = api_client(user)
    with django_assert_num_queries(queries):
        response = client.get(LIST_URL)
    assert response.json()["count"] == count + (1 if role in ("member", "outsider") else 0)


@pytest.mark.parametrize("count", [1, 3])
def test_company_list_query_count_with_token(
    officer: Any, django_assert_num_queries: Any, count: int
) -> None:
    make_companies(count)
    _token, key = create_token(officer, name="query count", days=30, address="127.0.0.1")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    client.get(LIST_URL)  # the first use writes the token's last use; later ones in a minute do not
    with django_assert_num_queries(8):
        client.get(LIST_URL)
