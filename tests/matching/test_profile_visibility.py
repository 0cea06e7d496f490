"""A profile the asker may not see (someone else's draft) is unknown on matching's routes:
404 as for an id that does not exist, on the pages and in the API alike."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.opportunities.factories import ProfileFactory, published

ROLES = ["member", "teammate", "officer", "outsider", "viewer"]
DRAFT_STATUS = {"member": 200, "teammate": 200, "officer": 200, "outsider": 404, "viewer": 404}
PUBLISHED_STATUS = {"member": 200, "teammate": 200, "officer": 200, "outsider": 403, "viewer": 403}


def api_for(request: pytest.FixtureRequest, role: str) -> APIClient:
    client = APIClient()
    client.force_authenticate(request.getfixturevalue(role))
    return client


@pytest.mark.parametrize("role", ROLES)
def test_draft_profile_matches_page_unknown_to_others(as_user, company, role: str) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company)
    assert as_user(role).get(f"/matching/profiles/{draft.pk}/").status_code == DRAFT_STATUS[role]
    assert as_user(role).get("/matching/profiles/999999/").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_draft_profile_matches_api_unknown_to_others(request, company, role: str) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company)
    client = api_for(request, role)
    response = client.get(f"/api/v1/profiles/{draft.pk}/matches/")
    assert response.status_code == DRAFT_STATUS[role]
    assert client.get("/api/v1/profiles/999999/matches/").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_published_profile_matches_visible_but_forbidden_to_others(
    request, company, role: str
) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    response = api_for(request, role).get(f"/api/v1/profiles/{profile.pk}/matches/")
    assert response.status_code == PUBLISHED_STATUS[role]


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_feedback_on_someone_elses_draft_is_unknown(as_user, company, role: str) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company)
    response = as_user(role).post(
        f"/matching/profiles/{draft.pk}/feedback/", {"target_type": "profile", "target_id": 1}
    )
    assert response.status_code == 404
