"""The engagement panel on a company member's home page: interests waiting for the
company's answer, those it sent that are open, and its introductions under way."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.engagement.domain import interests as actions
from tests.engagement.conftest import NOW, _member_of
from tests.factories import CompanyFactory
from tests.opportunities.factories import published


def _panel(html: str) -> str:
    match = re.search(r'<section[^>]*aria-labelledby="interests-title">(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


def test_owner_sees_the_interest_waiting_for_an_answer(as_user, interest, profile) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(as_user("member").get("/").content.decode())
    assert "1 expression of interest waiting for your answer" in panel
    assert f'href="/interests/{interest.pk}/"' in panel
    assert interest.requester_company.name in panel
    assert "0 sent, still open" in panel


def test_requester_sees_the_sent_interest_then_the_introduction(as_user, interest, member) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(as_user("requester_mate").get("/").content.decode())
    assert "1 sent, still open" in panel
    assert "0 expressions of interest waiting for your answer" in panel
    introduction = actions.accept(member, interest, now=NOW)
    panel = _panel(as_user("requester").get("/").content.decode())
    assert "0 sent, still open" in panel
    assert "1 introduction under way" in panel
    assert f'href="/interests/introductions/{introduction.pk}/"' in panel


def test_outsider_panel_holds_only_its_own_nothing(as_user, interest) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(as_user("outsider").get("/").content.decode())
    assert "0 expressions of interest waiting for your answer" in panel
    assert "0 sent, still open" in panel
    assert "0 introductions under way" in panel
    assert "/interests/introductions/" not in panel


@pytest.mark.parametrize("role", ["viewer", "officer", "anonymous"])
def test_others_see_no_engagement_panel(as_user, interest, role) -> None:  # type: ignore[no-untyped-def]
    html = as_user(role).get("/").content.decode()
    assert 'aria-labelledby="interests-title"' not in html
    assert f'href="/interests/{interest.pk}/"' not in html


def test_mediated_interest_not_shown_to_owner_before_an_officer_forwards(
    as_user, settings, requester, profile
) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_MEDIATED_INTRODUCTIONS = True
    actions.express_interest(requester, profile, "Kami tertarik.", now=NOW)
    panel = _panel(as_user("member").get("/").content.decode())
    assert "0 expressions of interest waiting for your answer" in panel


def _count(client) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured)


def test_panel_queries_do_not_grow(as_user, interest, requester, member) -> None:  # type: ignore[no-untyped-def]
    client = as_user("requester")
    actions.accept(member, interest, now=NOW)
    actions.express_interest(requester, published(title="Profil A"), "Kami tertarik.", now=NOW)
    _count(client)  # the first request of a process loads content types and the like
    one = _count(client)
    for n in range(2):
        other = published(title=f"Profil {n}")
        sent = actions.express_interest(requester, other, "Kami tertarik.", now=NOW)
        actions.accept(_member_of(other.company, f"owner{n}"), sent, now=NOW)
        actions.express_interest(requester, published(title=f"Profil B{n}"), "Kami.", now=NOW)
    assert _count(client) == one


def test_a_full_list_is_counted_by_the_database(as_user, profile) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")

    def ask(n: int) -> None:
        asker = _member_of(CompanyFactory(country="JP", name=f"Firma {n}"), f"asker{n}")
        actions.express_interest(asker, profile, "Kami tertarik.", now=NOW)

    for n in range(4):
        ask(n)
    panel = _panel(client.get("/").content.decode())
    assert "4 expressions of interest waiting for your answer" in panel
    assert len(re.findall(r'href="/interests/\d+/"', panel)) == 4
    for n in range(4, 7):
        ask(n)
    panel = _panel(client.get("/").content.decode())
    assert "7 expressions of interest waiting for your answer" in panel
    assert len(re.findall(r'href="/interests/\d+/"', panel)) == 5
