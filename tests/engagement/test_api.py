"""/api/v1/interests/ and /api/v1/introductions/ as issue 10 writes them, for every role."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from jembatan.engagement.models import ExpressionOfInterest, Introduction
from tests.engagement.conftest import ROLES

SEE = {"member", "teammate", "requester", "requester_mate", "officer"}


def api(request, role: str) -> APIClient:  # type: ignore[no-untyped-def]
    client = APIClient()
    if role != "anonymous":
        client.force_authenticate(request.getfixturevalue(role))
    return client


def test_create_answers_201_with_id_and_status(request, profile, requester_contact) -> None:  # type: ignore[no-untyped-def]
    response = api(request, "requester").post(
        "/api/v1/interests/",
        {
            "profile": profile.pk,
            "message": "Kami tertarik dengan kain tenun anda.",
            "contacts": [requester_contact.pk],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    interest = ExpressionOfInterest.objects.get()
    assert (body["id"], body["status"], body["introduction"]) == (interest.pk, "pending", None)
    assert body["contacts"] == [requester_contact.pk]


def test_create_mediated_answers_awaiting_officer(request, settings, profile) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_MEDIATED_INTRODUCTIONS = True
    response = api(request, "requester").post(
        "/api/v1/interests/",
        {"profile": profile.pk, "message": "Kami tertarik dengan kain tenun anda."},
        format="json",
    )
    assert response.json()["status"] == "awaiting_officer"


def test_create_refusals(request, interest, profile) -> None:  # type: ignore[no-untyped-def]
    again = api(request, "requester_mate").post(
        "/api/v1/interests/",
        {"profile": profile.pk, "message": "Lagi dan lagi untuk anda."},
        format="json",
    )
    assert again.status_code == 409
    assert again.json() == {
        "detail": "Your company already has an open expression of interest in this profile."
    }
    own = api(request, "member").post(
        "/api/v1/interests/", {"profile": profile.pk, "message": "Kami sendiri."}, format="json"
    )
    assert (own.status_code, own.json()["detail"]) == (
        409,
        "This is one of your company's own profiles.",
    )
    viewer = api(request, "viewer").post(
        "/api/v1/interests/", {"profile": profile.pk, "message": "Saya tertarik."}, format="json"
    )
    assert viewer.status_code == 403
    missing = api(request, "requester").post(
        "/api/v1/interests/", {"profile": 999999, "message": "Saya tertarik."}, format="json"
    )
    assert missing.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_boxes_and_detail(request, interest, role) -> None:  # type: ignore[no-untyped-def]
    client = api(request, role)
    received = client.get("/api/v1/interests/?box=received")
    sent = client.get("/api/v1/interests/?box=sent")
    detail = client.get(f"/api/v1/interests/{interest.pk}/")
    if role == "anonymous":
        assert (received.status_code, detail.status_code) == (403, 403)
        return
    ids = lambda r: [i["id"] for i in r.json()["results"]]  # noqa: E731
    assert ids(received) == ([interest.pk] if role in ("member", "teammate") else [])
    assert ids(sent) == ([interest.pk] if role in ("requester", "requester_mate") else [])
    assert detail.status_code == (200 if role in SEE else 404)


def test_accept_returns_the_interest_with_its_introduction(
    request, interest, owner_contact
) -> None:  # type: ignore[no-untyped-def]
    response = api(request, "teammate").post(
        f"/api/v1/interests/{interest.pk}/accept/", {"contacts": [owner_contact.pk]}, format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["introduction"]) == ("accepted", Introduction.objects.get().pk)
    again = api(request, "member").post(f"/api/v1/interests/{interest.pk}/accept/")
    assert (again.status_code, again.json()["detail"]) == (
        409,
        "This expression of interest has already been accepted.",
    )


@pytest.mark.parametrize("role", ["requester", "officer"])
def test_accept_refused_to_non_owners(request, interest, role) -> None:  # type: ignore[no-untyped-def]
    assert api(request, role).post(f"/api/v1/interests/{interest.pk}/accept/").status_code == 403


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_actions_404_for_those_who_cannot_see(request, interest, role) -> None:  # type: ignore[no-untyped-def]
    client = api(request, role)
    for action in ("accept", "decline", "withdraw"):
        assert client.post(f"/api/v1/interests/{interest.pk}/{action}/").status_code == 404


def test_decline_and_withdraw(request, interest, profile) -> None:  # type: ignore[no-untyped-def]
    bad = api(request, "member").post(
        f"/api/v1/interests/{interest.pk}/decline/", {"reason": "nope"}, format="json"
    )
    assert bad.status_code == 400
    declined = api(request, "member").post(
        f"/api/v1/interests/{interest.pk}/decline/",
        {"reason": "timing", "note": "Next quarter."},
        format="json",
    )
    body = declined.json()
    assert (body["status"], body["decline_reason"], body["decline_note"]) == (
        "declined",
        "timing",
        "Next quarter.",
    )
    withdrawn = api(request, "requester").post(f"/api/v1/interests/{interest.pk}/withdraw/")
    assert withdrawn.status_code == 409


@pytest.mark.parametrize("role", ROLES)
def test_introductions_routes(request, introduction, role) -> None:  # type: ignore[no-untyped-def]
    client = api(request, role)
    listing = client.get("/api/v1/introductions/")
    detail = client.get(f"/api/v1/introductions/{introduction.pk}/")
    messages = client.get(f"/api/v1/introductions/{introduction.pk}/messages/")
    stage = client.post(
        f"/api/v1/introductions/{introduction.pk}/stage/", {"stage": "met"}, format="json"
    )
    if role == "anonymous":
        assert {listing.status_code, detail.status_code, messages.status_code} == {403}
        return
    assert [i["id"] for i in listing.json()["results"]] == (
        [introduction.pk] if role in SEE else []
    )
    assert (
        detail.status_code
        == messages.status_code
        == stage.status_code
        == (200 if role in SEE else 404)
    )


def test_stage_and_messages(request, introduction) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/introductions/{introduction.pk}/"
    client = api(request, "requester")
    moved = client.post(f"{url}stage/", {"stage": "negotiating"}, format="json").json()
    assert moved["stage"] == "negotiating"
    closed = client.post(f"{url}stage/", {"stage": "closed"}, format="json")
    assert (closed.status_code, closed.json()["detail"]) == (
        409,
        "Choose why the introduction is closed.",
    )
    closed = client.post(f"{url}stage/", {"stage": "closed", "reason": "price"}, format="json")
    assert (closed.json()["stage"], closed.json()["close_reason"]) == ("closed", "price")
    posted = client.post(f"{url}messages/", {"body": "ありがとうございました。"}, format="json")
    assert posted.status_code == 201
    assert (posted.json()["language"], posted.json()["sender_company"]["name"]) == (
        "ja",
        "Sakura Kogyo Kabushiki Kaisha",
    )
    thread = api(request, "member").get(f"{url}messages/").json()
    assert [m["body"] for m in thread] == ["ありがとうございました。"]


def _count(client: APIClient, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_query_counts_do_not_grow(request, interest, member, requester) -> None:  # type: ignore[no-untyped-def]
    from jembatan.engagement.domain import interests as actions
    from tests.engagement.conftest import NOW, _member_of
    from tests.opportunities.factories import published

    actions.accept(member, interest, now=NOW)
    client = api(request, "requester")
    urls = ("/api/v1/interests/?box=sent", "/api/v1/introductions/")
    one = [_count(client, url) for url in urls]
    for n in range(2):
        other = published(title=f"Profil {n}")
        owner = _member_of(other.company, f"owner{n}")
        sent = actions.express_interest(requester, other, "Kami tertarik.", now=NOW)
        actions.accept(owner, sent, now=NOW)
    assert [_count(client, url) for url in urls] == one
