"""Consent before contact: every page, API route and e-mail of this app rendered to an
outsider, to each side before acceptance and after it, asserting exactly what each sees.

Extends tests/opportunities/test_anonymity.py (the profile's own pages) to the engagement
app: the owner of an anonymous profile stays hidden from the requester until acceptance,
and neither side's contacts (names, e-mails, phones) are shown to the other before it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from jembatan.engagement.domain import interests as actions
from jembatan.engagement.domain.introductions import post_message
from jembatan.notifications.domain.delivery import deliver_pending
from jembatan.notifications.models import Notification
from tests.engagement.conftest import (
    NOW,
    OWNER_CONTACT,
    OWNER_NAME,
    REQUESTER_CONTACT,
    REQUESTER_NAME,
)

OWNER_SECRETS = [OWNER_NAME, "Tenun Rahasia", *OWNER_CONTACT.values()]
REQUESTER_CONTACT_SECRETS = list(REQUESTER_CONTACT.values())
REQUESTER_SECRETS = [REQUESTER_NAME, *REQUESTER_CONTACT_SECRETS]


def found(content: bytes | str, secrets: list[str]) -> list[str]:
    text = content if isinstance(content, str) else content.decode()
    return [
        s
        for s in secrets
        if s.lower() in text.lower() or json.dumps(s)[1:-1].lower() in text.lower()
    ]


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page_routes(interest: Any) -> list[str]:
    routes = [
        "/interests/",
        "/interests/?box=sent",
        "/interests/?box=received",
        f"/interests/{interest.pk}/",
        f"/interests/new/{interest.profile_id}/",
        f"/profiles/{interest.profile_id}/",
        "/api/v1/interests/",
        "/api/v1/interests/?box=sent",
        "/api/v1/interests/?box=received",
        f"/api/v1/interests/{interest.pk}/",
        "/api/v1/introductions/",
        "/notifications/",
    ]
    introduction = getattr(interest, "introduction", None)
    if introduction is not None:
        routes += [
            f"/interests/introductions/{introduction.pk}/",
            f"/api/v1/introductions/{introduction.pk}/",
            f"/api/v1/introductions/{introduction.pk}/messages/",
        ]
    return routes


def seen(user: Any, interest: Any) -> dict[str, bytes]:
    client = client_for(user)
    bodies = {}
    for url in page_routes(interest):
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        bodies[url] = response.content
    return bodies


def mails_to(user: Any) -> list[str]:
    return [f"{m.subject}\n{m.body}" for m in mail.outbox if user.email in m.to]


def notices_to(user: Any) -> list[str]:
    return [f"{n.title}\n{n.body}" for n in Notification.objects.filter(recipient=user)]


@pytest.fixture
def stranger(outsider):  # type: ignore[no-untyped-def]
    return outsider


def test_outsider_learns_nothing_before_or_after(stranger, interest, member, owner_contact) -> None:  # type: ignore[no-untyped-def]
    for stage in ("before", "after"):
        if stage == "after":
            actions.accept(member, interest, [owner_contact], now=NOW)
            interest.refresh_from_db()
            post_message(member, interest.introduction, "Selamat datang, terima kasih.", now=NOW)
        for url, body in seen(stranger, interest).items():
            assert (stage, url, found(body, OWNER_SECRETS + REQUESTER_SECRETS)) == (stage, url, [])
    deliver_pending(now=NOW + dt.timedelta(hours=1))
    assert mails_to(stranger) == []
    assert notices_to(stranger) == []


def test_before_acceptance_requester_sees_no_owner_and_owner_no_contacts(
    interest, requester, member, owner_contact
) -> None:  # type: ignore[no-untyped-def]
    deliver_pending(now=NOW + dt.timedelta(hours=1))
    for url, body in seen(requester, interest).items():
        assert (url, found(body, OWNER_SECRETS)) == (url, [])
    owner_pages = seen(member, interest)
    for url, body in owner_pages.items():
        assert (url, found(body, REQUESTER_CONTACT_SECRETS)) == (url, [])
    # The owner learns who asks (the requester introduces itself), not how to reach them.
    assert REQUESTER_NAME.encode() in owner_pages[f"/interests/{interest.pk}/"]
    received = mails_to(member)
    assert len(received) == 1
    assert REQUESTER_NAME in received[0]
    assert found(received[0], REQUESTER_CONTACT_SECRETS) == []
    for text in notices_to(requester) + mails_to(requester):
        assert found(text, OWNER_SECRETS) == []


def test_mediated_and_reminder_notices_hide_the_owner(
    settings, officer, profile, requester
) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_MEDIATED_INTRODUCTIONS = True
    interest = actions.express_interest(
        requester, profile, "Kami tertarik dengan kain anda.", now=NOW
    )
    actions.ask_improvement(officer, interest, "Sebutkan volume.", now=NOW)
    actions.resubmit(requester, interest, "Kami tertarik membeli 2.000 meter kain.", now=NOW)
    actions.forward(officer, interest, "Pembeli serius.", now=NOW)
    actions.remind_and_expire(now=NOW + dt.timedelta(days=7))
    actions.remind_and_expire(now=NOW + dt.timedelta(days=21))
    deliver_pending(now=NOW + dt.timedelta(days=22))
    kinds = sorted(
        set(Notification.objects.filter(recipient=requester).values_list("kind", flat=True))
    )
    assert kinds == [
        "engagement.improvement_asked",
        "engagement.interest_expired",
        "engagement.interest_forwarded",
        "engagement.interest_reminder",
    ]
    for text in notices_to(requester) + mails_to(requester):
        assert found(text, OWNER_SECRETS) == []
    for text in notices_to(officer) + mails_to(officer):
        assert found(text, REQUESTER_CONTACT_SECRETS + OWNER_SECRETS[2:]) == []


def test_after_acceptance_both_see_names_and_chosen_contacts(
    interest, requester, requester_mate, member, teammate, owner_contact
) -> None:  # type: ignore[no-untyped-def]
    introduction = actions.accept(member, interest, [owner_contact], now=NOW)
    interest.refresh_from_db()
    deliver_pending(now=NOW + dt.timedelta(hours=1))
    page = f"/interests/introductions/{introduction.pk}/"
    api = f"/api/v1/introductions/{introduction.pk}/"
    for user in (requester, requester_mate):
        bodies = seen(user, interest)
        assert found(bodies[page], OWNER_SECRETS) == OWNER_SECRETS
        partner = json.loads(bodies[api])["partner"]
        assert partner == {
            "company_id": introduction.company_b_id,
            "name": OWNER_NAME,
            "contacts": [{"id": owner_contact.pk, "role": "Export manager", **OWNER_CONTACT}],
        }
    accepted = mails_to(requester)
    assert len(accepted) == 1
    assert OWNER_NAME in accepted[0]
    assert found(accepted[0], list(OWNER_CONTACT.values())) == []  # contacts: on the page only
    for user in (member, teammate):
        bodies = seen(user, interest)
        assert found(bodies[page], REQUESTER_SECRETS) == REQUESTER_SECRETS
        assert json.loads(bodies[api])["partner"]["name"] == REQUESTER_NAME


def test_contacts_not_chosen_stay_hidden(interest, member, requester, company) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import ContactFactory

    ContactFactory(
        company=company, name="Rahmat Hidayat", email="rahmat@tenun.co.id", phone="+62220000999"
    )
    introduction = actions.accept(member, interest, [], now=NOW)
    page = client_for(requester).get(f"/interests/introductions/{introduction.pk}/").content
    assert (
        found(
            page, ["Rahmat Hidayat", "rahmat@tenun.co.id", "+62220000999", *OWNER_CONTACT.values()]
        )
        == []
    )
    assert OWNER_NAME.encode() in page
