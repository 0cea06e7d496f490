"""/api/v1/profiles/{id}/matches/ and /api/v1/search/."""

from __future__ import annotations

import math

import pytest
from rest_framework.test import APIClient

from tests.matching.corpus import Corpus
from tests.opportunities.factories import published


@pytest.fixture
def api(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    def make(role: str) -> APIClient:
        client = APIClient()
        if role != "anonymous":
            client.force_authenticate(request.getfixturevalue(role))
        return client

    return make


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 403),  # session authentication first: DRF answers 403, not 401
        ("officer", 200),
        ("member", 200),
        ("teammate", 200),
        ("outsider", 403),
        ("viewer", 403),
    ],
)
def test_matches_api_permissions(api, company, role: str, status: int) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    assert api(role).get(f"/api/v1/profiles/{profile.pk}/matches/").status_code == status


def test_matches_api_explains_and_hides_anonymous_poster(corpus: Corpus, api, outsider) -> None:  # type: ignore[no-untyped-def]
    response = api("outsider").get(f"/api/v1/profiles/{corpus.machine_offer.pk}/matches/")
    data = response.json()
    first = data["results"][0]
    assert (first["type"], first["id"], first["complement"]) == (
        "profile",
        corpus.packaging_request.pk,
        True,
    )
    assert first["profile"]["identity_hidden"] is True
    assert first["profile"]["company_id"] is None
    assert "PT Kemas Rapi Sidoarjo" not in response.content.decode()
    assert [f["key"] for f in first["factors"]] == [
        "semantic",
        "complement",
        "sector",
        "size",
        "language",
        "freshness",
        "feedback",
    ]
    assert math.isclose(
        sum(f["contribution"] for f in first["factors"]), first["score"], abs_tol=1e-3
    )
    # no phrase pair of these two texts reaches MIN_PHRASE_SIMILARITY: none is shown
    assert first["phrases"] == []


def test_matches_api_unknown_profile_404(api, db) -> None:  # type: ignore[no-untyped-def]
    assert api("officer").get("/api/v1/profiles/999999/matches/").status_code == 404


def test_search_api_profiles_cross_lingual_and_anonymous(corpus: Corpus, api) -> None:  # type: ignore[no-untyped-def]
    response = api("viewer").get(
        "/api/v1/search/", {"q": "自動包装機 スタンドパウチ", "type": "profile"}
    )
    data = response.json()
    assert (response.status_code, data["type"]) == (200, "profile")
    by_id = {r["profile"]["id"]: r for r in data["results"]}
    assert corpus.packaging_request.pk in by_id
    assert by_id[corpus.packaging_request.pk]["profile"]["identity_hidden"] is True
    assert "PT Kemas Rapi Sidoarjo" not in response.content.decode()


def test_search_api_companies(corpus: Corpus, api) -> None:  # type: ignore[no-untyped-def]
    data = (
        api("viewer")
        .get("/api/v1/search/", {"q": "batik tulis Pekalongan", "type": "company"})
        .json()
    )
    assert data["results"][0]["company"]["id"] == corpus.batik.pk
    assert set(data["results"][0]["ranks"]) <= {"semantic", "keyword"}


def test_search_api_requires_q_and_valid_type(api, db) -> None:  # type: ignore[no-untyped-def]
    response = api("viewer").get("/api/v1/search/", {"type": "event"})
    assert response.status_code == 400
    assert set(response.json()) == {"q", "type"}


def test_search_api_signed_out_refused(api, db) -> None:  # type: ignore[no-untyped-def]
    response = api("anonymous").get("/api/v1/search/", {"q": "batik"})
    # session authentication first: 403, not 401
    assert (response.status_code, response.json()) == (
        403,
        {"detail": "Data autentikasi tidak diberikan."},
    )
