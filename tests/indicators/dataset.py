"""A fixed data set for the KPI tests: every status of an expression of interest, every
stage of an introduction, reported and confirmed agreements, an event with check-ins,
no-shows, freed and draft meetings and ratings. Hand-computed figures in test_kpis.py."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from jembatan.engagement.models import (
    Agreement,
    AgreementParty,
    ExchangeRate,
    ExpressionOfInterest,
    Introduction,
    IntroductionStageChange,
    OutcomeObservation,
)
from jembatan.events.models import Event, Meeting, MeetingRequest, Participant, Session, Slot
from jembatan.events.models.event import Table
from jembatan.events.models.feedback import MeetingRating
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Company
from tests.factories import CompanyFactory

JAKARTA = ZoneInfo("Asia/Jakarta")


def at(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=JAKARTA)


def company(
    country: str,
    region: str | None,
    sectors: list[str],
    created: dt.datetime,
    verification: str = "unverified",
    verified: dt.datetime | None = None,
    size: str = "",
) -> Company:
    firm = CompanyFactory(country=country, region_id=region)
    firm.sectors.set(sectors)
    Company.objects.filter(pk=firm.pk).update(
        created_at=created, verification=verification, verified_at=verified, size_class=size
    )
    firm.refresh_from_db()
    return firm


def profile(
    owner: Company, kind: str, sector: str | None, published: dt.datetime | None
) -> PartnershipProfile:
    return PartnershipProfile.objects.create(
        company=owner,
        kind=kind,
        direction="offer",
        title=f"Profile of {owner.name}",
        summary="summary",
        sector_id=sector,
        status="published" if published else "draft",
        published_at=published,
        expires_at=at(2030, 1, 1) if published else None,
    )


def interest(
    requester: Company,
    target: PartnershipProfile,
    status: str,
    sent: dt.datetime,
    answered: dt.datetime | None = None,
) -> ExpressionOfInterest:
    return ExpressionOfInterest.objects.create(
        profile=target,
        requester_company=requester,
        message="Kami tertarik.",
        status=status,
        created_at=sent,
        answered_at=answered,
    )


def introduction(
    a: Company,
    b: Company,
    made: dt.datetime,
    stage: str,
    changes: list[tuple[str, str, dt.datetime]],
    source: ExpressionOfInterest | None = None,
    target: PartnershipProfile | None = None,
) -> Introduction:
    intro = Introduction.objects.create(
        interest=source,
        profile=target,
        company_a=a,
        company_b=b,
        stage=stage,
        created_at=made,
        stage_changed_at=made,
        last_activity_at=made,
    )
    for before, after, when in changes:
        IntroductionStageChange.objects.create(
            introduction=intro, from_stage=before, to_stage=after, changed_at=when
        )
    return intro


def agreement(
    kind: str,
    parties: list[Company],
    signed: dt.date,
    confirmed: dt.datetime | None,
    intro: Introduction | None = None,
    **money: Any,
) -> Agreement:
    row = Agreement.objects.create(
        introduction=intro,
        type=kind,
        signed_on=signed,
        status="confirmed" if confirmed else "reported",
        reported_at=at(signed.year, signed.month, signed.day),
        confirmed_at=confirmed,
        **money,
    )
    for party in parties:
        AgreementParty.objects.create(agreement=row, company=party, confirmed_at=confirmed)
    return row


def report(row: Agreement, party: Company, on: dt.date, jobs: int) -> OutcomeObservation:
    return OutcomeObservation.objects.create(
        agreement=row,
        company=party,
        observed_on=on,
        active=True,
        jobs_created=jobs,
        recorded_at=at(on.year, on.month, on.day),
    )


def build() -> dict[str, Any]:
    c1 = company("ID", "ID-JB", ["textiles"], at(2017, 1, 5), "rejected", size="small")
    c2 = company(
        "ID", "ID-JT", ["packaging"], at(2017, 1, 10), "verified", at(2017, 2, 15), "medium"
    )
    c3 = company(
        "JP",
        "JP-23",
        ["automotive-parts", "textiles"],
        at(2017, 4, 2),
        "verified",
        at(2017, 5, 20),
        "sme",
    )
    c4 = company("JP", "JP-13", [], at(2016, 6, 1), "verified", at(2016, 7, 1), "sme")
    c5 = company("ID", None, ["textiles"], at(2017, 11, 1), size="small")

    p1 = profile(c1, "business", "textiles", at(2017, 1, 15))
    p2 = profile(c3, "technology", "automotive-parts", at(2017, 4, 10))
    profile(c2, "investment", "packaging", None)  # a draft: never published

    interest(c3, p1, "pending", at(2017, 2, 1))
    interest(c2, p2, "awaiting_officer", at(2017, 3, 1))
    i3 = interest(c3, p1, "accepted", at(2017, 1, 20), at(2017, 1, 22))
    interest(c2, p2, "declined", at(2017, 4, 15), at(2017, 4, 19))
    interest(c1, p2, "withdrawn", at(2017, 5, 1))
    interest(c5, p2, "expired", at(2017, 6, 1), at(2017, 6, 15))
    i7 = interest(c1, p2, "accepted", at(2017, 7, 1), at(2017, 7, 7))

    n1 = introduction(
        c3,
        c1,
        at(2017, 1, 22),
        "signed",
        [
            ("introduced", "met", at(2017, 2, 1)),
            ("met", "negotiating", at(2017, 3, 1)),
            ("negotiating", "signed", at(2017, 3, 20)),
        ],
        i3,
        p1,
    )
    introduction(
        c1,
        c3,
        at(2017, 7, 7),
        "closed",
        [
            ("introduced", "met", at(2017, 7, 20)),
            ("met", "closed", at(2017, 8, 1)),
        ],
        i7,
        p2,
    )
    introduction(c2, c3, at(2017, 10, 1), "introduced", [])
    n4 = introduction(
        c2,
        c4,
        at(2017, 8, 15),
        "negotiating",
        [
            ("introduced", "negotiating", at(2017, 8, 20)),
        ],
    )

    a1 = agreement(
        "supply",
        [c1, c3],
        dt.date(2017, 3, 20),
        at(2017, 3, 25),
        n1,
        value_amount=1_000_000_000,
        value_currency="IDR",
        investment_amount=10_000_000,
        investment_currency="JPY",
        jobs_expected=12,
    )
    agreement(
        "licence",
        [c1, c3],
        dt.date(2017, 5, 1),
        at(2017, 5, 10),
        n1,
        value_amount=5_000_000,
        value_currency="USD",
        jobs_expected=3,
    )
    a3 = agreement(
        "mou",
        [c2, c4],
        dt.date(2017, 6, 1),
        None,
        value_amount=5_000_000,
        value_currency="IDR",
        jobs_expected=40,
    )
    a4 = agreement(
        "joint_venture",
        [c2, c4],
        dt.date(2017, 8, 25),
        at(2017, 9, 1),
        n4,
        investment_amount=2_000_000_000,
        investment_currency="IDR",
        jobs_expected=20,
    )
    report(a1, c1, dt.date(2017, 6, 30), 5)
    report(a1, c1, dt.date(2017, 12, 1), 8)
    report(a1, c3, dt.date(2017, 9, 30), 2)
    report(a4, c2, dt.date(2017, 12, 15), 10)
    report(a3, c2, dt.date(2017, 7, 1), 99)  # not confirmed: never counted

    for on, idr, jpy in (
        ("2017-03-31", "13300", "111.5"),
        ("2017-06-30", "13300", "112"),
        ("2017-12-29", "13500", "113"),
    ):
        ExchangeRate.objects.create(on=on, idr_per_usd=Decimal(idr), jpy_per_usd=Decimal(jpy))

    event_meetings(c1, c2, c3, c5)
    return {"companies": [c1, c2, c3, c4, c5]}


def event_meetings(c1: Company, c2: Company, c3: Company, c5: Company) -> Event:
    event = Event.objects.create(name="Temu Bisnis 2017", venue="JCC", table_count=2)
    session = Session.objects.create(
        event=event, day=dt.date(2017, 5, 10), starts=dt.time(9), ends=dt.time(10)
    )
    s1 = Slot.objects.create(
        event=event,
        session=session,
        code="d1-0900",
        starts_at=at(2017, 5, 10, 9),
        ends_at=at(2017, 5, 10, 9) + dt.timedelta(minutes=30),
    )
    s2 = Slot.objects.create(
        event=event,
        session=session,
        code="d1-0930",
        starts_at=at(2017, 5, 10, 9) + dt.timedelta(minutes=30),
        ends_at=at(2017, 5, 10, 10),
    )
    t1 = Table.objects.create(event=event, number=1)
    t2 = Table.objects.create(event=event, number=2)

    def person(firm: Company, name: str, **kwargs: Any) -> Participant:
        return Participant.objects.create(
            event=event, company=firm, name=name, languages=["en"], **kwargs
        )

    pa = person(c1, "Ayu", checked_in_at=at(2017, 5, 10, 8))
    pb = person(c3, "Kenji", checked_in_at=at(2017, 5, 10, 8))
    pc = person(c2, "Budi", no_show_at=at(2017, 5, 10, 9))
    pd = person(c5, "Dewi")  # neither checked in nor marked: not counted

    def request(a: Participant, b: Participant) -> MeetingRequest:
        return MeetingRequest.objects.create(event=event, sender=a, receiver=b, status="accepted")

    r1, r2, r3 = request(pa, pb), request(pc, pa), request(pd, pb)
    m1 = Meeting.objects.create(event=event, request=r1, stage="published", slot=s1, table=t1)
    Meeting.objects.create(
        event=event, request=r2, stage="published", slot=s1, table=t2, freed_at=at(2017, 5, 10, 9)
    )
    Meeting.objects.create(event=event, request=r3, stage="draft", slot=s1, table=t2)
    m4 = Meeting.objects.create(event=event, request=r3, stage="published", slot=s2, table=t1)
    MeetingRating.objects.create(meeting=m1, participant=pa, worth_continuing=True)
    MeetingRating.objects.create(meeting=m1, participant=pb, worth_continuing=True)
    MeetingRating.objects.create(meeting=m4, participant=pd, worth_continuing=False)
    MeetingRating.objects.create(meeting=m4, participant=pb, worth_continuing=True)
    return event
