"""Every page of the app for every role: who sees what, who may act, 404 for the rest."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.engagement.domain import interests as actions
from jembatan.engagement.models import ExpressionOfInterest, InterestStatus
from tests.engagement.conftest import NOW, ROLES
from tests.opportunities.factories import published

SEE = {"member", "teammate", "requester", "requester_mate", "officer"}


def expected(role: str, allowed: set[str]) -> int:
    if role == "anonymous":
        return 302
    return 200 if role in allowed else 404


@pytest.mark.parametrize("role", ROLES)
def test_interest_page(as_user, interest, role) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get(f"/interests/{interest.pk}/")
    assert response.status_code == expected(role, SEE)
    if response.status_code == 200:
        body = response.content.decode()
        assert ("Accept and introduce us" in body) == (role in ("member", "teammate"))
        assert (f'action="/interests/{interest.pk}/withdraw/"' in body) == (
            role in ("requester", "requester_mate")
        )


@pytest.mark.parametrize("role", ROLES)
def test_introduction_page(as_user, introduction, role) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get(f"/interests/introductions/{introduction.pk}/")
    assert response.status_code == expected(role, SEE)
    if response.status_code == 200:
        assert b"First meeting held" in response.content


@pytest.mark.parametrize("role", ROLES)
def test_list_page(as_user, interest, role) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get("/interests/?box=received")
    assert response.status_code == (302 if role == "anonymous" else 200)
    if role != "anonymous":
        listed = [row["interest"] for row in response.context["rows"]]
        assert listed == ([interest] if role in ("member", "teammate") else [])
        sent = as_user(role).get("/interests/?box=sent").context["rows"]
        assert [r["interest"] for r in sent] == (
            [interest] if role in ("requester", "requester_mate") else []
        )


@pytest.mark.parametrize("role", ROLES)
def test_queue_page(as_user, interest, role) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get("/interests/queue/")
    assert response.status_code == {"anonymous": 302, "officer": 200}.get(role, 403)


@pytest.mark.parametrize(
    ("role", "form_shown", "explained"),
    [
        ("requester", True, ""),
        ("outsider", True, ""),
        ("member", False, "This is one of your company&#x27;s own profiles."),
        ("viewer", False, "Only members of a registered company can express interest."),
        ("officer", False, "Only members of a registered company can express interest."),
    ],
)
def test_interest_form_shown_or_explained(as_user, profile, role, form_shown, explained) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get(f"/interests/new/{profile.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert ('name="message"' in body) == form_shown
    if explained:
        assert explained in body


def test_interest_form_404_for_unpublished_profile(as_user, company) -> None:  # type: ignore[no-untyped-def]
    from tests.opportunities.factories import ProfileFactory

    draft = ProfileFactory(company=company)
    assert as_user("requester").get(f"/interests/new/{draft.pk}/").status_code == 404


def test_sending_the_form(as_user, profile, requester_contact) -> None:  # type: ignore[no-untyped-def]
    response = as_user("requester").post(
        f"/interests/new/{profile.pk}/",
        {
            "message": "We would like to buy woven fabric from you.",
            "contacts": [requester_contact.pk],
        },
    )
    interest = ExpressionOfInterest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/interests/{interest.pk}/"
    assert (interest.message_language, list(interest.contacts.all())) == ("en", [requester_contact])


def test_button_on_profile_page_and_cards(as_user, profile) -> None:  # type: ignore[no-untyped-def]
    button = f'href="/interests/new/{profile.pk}/"'.encode()
    for role, shown in (("requester", True), ("member", False), ("viewer", False)):
        client = as_user(role)
        assert (button in client.get(f"/profiles/{profile.pk}/").content) == shown
        assert (button in client.get("/profiles/").content) == shown


def test_button_explains_an_open_interest(as_user, interest) -> None:  # type: ignore[no-untyped-def]
    page = as_user("requester_mate").get(f"/profiles/{interest.profile_id}/").content.decode()
    assert f'href="/interests/new/{interest.profile_id}/"' not in page
    assert "already has an open expression of interest" in page


@pytest.mark.parametrize("role", ["member", "teammate"])
def test_owner_accepts_and_lands_on_the_introduction(
    as_user, interest, owner_contact, role
) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).post(
        f"/interests/{interest.pk}/accept/", {"contacts": [owner_contact.pk]}
    )
    interest.refresh_from_db()
    assert interest.status == InterestStatus.ACCEPTED
    assert response["Location"] == f"/interests/introductions/{interest.introduction.pk}/"


@pytest.mark.parametrize("role", ["requester", "requester_mate", "officer"])
def test_others_cannot_accept(as_user, interest, role) -> None:  # type: ignore[no-untyped-def]
    as_user(role).post(f"/interests/{interest.pk}/accept/")
    interest.refresh_from_db()
    assert interest.status == InterestStatus.PENDING


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_posts_404_for_those_who_cannot_see(as_user, interest, role) -> None:  # type: ignore[no-untyped-def]
    client = as_user(role)
    for action in ("accept", "decline", "withdraw", "forward", "improve", "resubmit"):
        assert client.post(f"/interests/{interest.pk}/{action}/").status_code == 404


@pytest.mark.parametrize(("role", "code"), [("member", 403), ("officer", 403), ("requester", 302)])
def test_resubmit_asks_who_may_before_the_message(as_user, interest, role, code) -> None:  # type: ignore[no-untyped-def]
    # The owner and officers may not resubmit: 403, also for an empty message; the requester
    # is told what is wrong (the domain's message, after it asked who may).
    response = as_user(role).post(f"/interests/{interest.pk}/resubmit/", {"message": ""})
    assert response.status_code == code


def test_decline_and_withdraw_pages(as_user, interest, profile, requester) -> None:  # type: ignore[no-untyped-def]
    as_user("teammate").post(f"/interests/{interest.pk}/decline/", {"reason": "price"})
    interest.refresh_from_db()
    assert (interest.status, interest.decline_reason) == ("declined", "price")
    again = actions.express_interest(
        requester, profile, "Kami ingin mencoba lagi dengan harga yang lebih baik.", now=NOW
    )
    response = as_user("requester_mate").post(f"/interests/{again.pk}/withdraw/")
    again.refresh_from_db()
    assert again.status == "withdrawn"
    assert response["Location"] == f"/interests/{again.pk}/"


def test_officer_review_pages(as_user, profile, requester, officer) -> None:  # type: ignore[no-untyped-def]
    type(profile).objects.filter(pk=profile.pk).update(introductions_through_officer=True)
    profile.refresh_from_db()
    interest = actions.express_interest(requester, profile, "Kami ingin membeli kain.", now=NOW)
    client = as_user("officer")
    assert [r["interest"] for r in client.get("/interests/queue/").context["rows"]] == [interest]
    assert as_user("member").get(f"/interests/{interest.pk}/").status_code == 404
    client.post(f"/interests/{interest.pk}/improve/", {"note": "Sebutkan volume."})
    interest.refresh_from_db()
    assert interest.improvement_requested
    as_user("requester").post(
        f"/interests/{interest.pk}/resubmit/", {"message": "Kami ingin membeli 2.000 meter kain."}
    )
    client.post(f"/interests/{interest.pk}/forward/", {"note": "Pembeli serius."})
    interest.refresh_from_db()
    assert (interest.status, interest.officer_note) == ("pending", "Pembeli serius.")
    assert as_user("member").get(f"/interests/{interest.pk}/").status_code == 200


def test_stage_and_message_pages(as_user, introduction) -> None:  # type: ignore[no-untyped-def]
    url = f"/interests/introductions/{introduction.pk}/"
    as_user("requester").post(f"{url}stage/", {"stage": "met"})
    introduction.refresh_from_db()
    assert introduction.stage == "met"
    response = as_user("teammate").post(url, {"body": "Terima kasih atas pertemuannya."})
    assert response["Location"] == url
    page = as_user("requester").get(url).content.decode()
    assert "Terima kasih atas pertemuannya." in page
    assert as_user("outsider").post(f"{url}stage/", {"stage": "signed"}).status_code == 404
    assert as_user("outsider").post(url, {"body": "x"}).status_code == 404


def test_message_attachment_download(as_user, introduction, member) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    from jembatan.engagement.domain.introductions import post_message
    from tests.opportunities.factories import PDF_BYTES

    message = post_message(
        member, introduction, "Katalog", attachment=SimpleUploadedFile("katalog.pdf", PDF_BYTES)
    )
    url = f"/interests/introductions/{introduction.pk}/messages/{message.pk}/attachment/"
    for role, status in (("requester", 200), ("officer", 200), ("outsider", 404), ("viewer", 404)):
        assert as_user(role).get(url).status_code == status


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_query_count_does_not_grow(as_user, interest, member, requester) -> None:  # type: ignore[no-untyped-def]
    actions.accept(member, interest, now=NOW)
    client = as_user("requester")
    one = _queries(client, "/interests/?box=sent")
    for n in range(2):
        other = published(title=f"Profil {n}")
        actions.accept(
            _owner(other), actions.express_interest(requester, other, "Kami tertarik.", now=NOW)
        )
    assert _queries(client, "/interests/?box=sent") == one


def _owner(profile):  # type: ignore[no-untyped-def]
    from tests.factories import OrganisationFactory, UserFactory

    org = OrganisationFactory(kind="company", company=profile.company, name="x")
    return UserFactory(role="company_member", organisation=org)


def test_queue_query_count_does_not_grow(as_user, settings, requester, officer) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_MEDIATED_INTRODUCTIONS = True
    client = as_user("officer")
    actions.express_interest(requester, published(title="P0"), "Kami tertarik.", now=NOW)
    one = _queries(client, "/interests/queue/")
    for n in range(2):
        actions.express_interest(requester, published(title=f"P{n + 1}"), "Kami tertarik.", now=NOW)
    assert _queries(client, "/interests/queue/") == one


def test_profile_form_offers_introductions_through_an_officer(as_user, company) -> None:  # type: ignore[no-untyped-def]
    page = as_user("member").get("/profiles/new/").content.decode()
    assert 'name="introductions_through_officer"' in page


def test_officer_queue_is_registered_with_its_count(
    settings, officer, member, profile, requester
) -> None:  # type: ignore[no-untyped-def]
    from jembatan.core.domain.queues import queues_for

    settings.JEMBATAN_MEDIATED_INTRODUCTIONS = True
    actions.express_interest(requester, profile, "Kami tertarik.", now=NOW)
    counts = {q.key: q.count for q in queues_for(officer)}
    assert counts["engagement.interests"] == 1
    assert "engagement.interests" not in {q.key for q in queues_for(member)}
