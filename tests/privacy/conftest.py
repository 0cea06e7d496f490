"""A company with something in every app, to export and to erase."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import translation

from jembatan.accounts.models import User
from jembatan.core.domain.audit import log_action
from jembatan.events.models import (
    Meeting,
    MeetingRating,
    MeetingRequest,
    Participant,
    RequestStatus,
    Stage,
    Table,
)
from jembatan.matching.domain import keyword_store
from jembatan.matching.models import (
    DigestSubscription,
    Favourite,
    RecommendationFeedback,
    SavedSearch,
)
from jembatan.notifications.models import Notification
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Company
from tests.events.factories import participant, scheduled_event, slot
from tests.factories import ContactFactory
from tests.opportunities.factories import attach, published

NOW = dt.datetime(2026, 4, 1, 3, 0, tzinfo=dt.UTC)

# The personal strings of `company` that erasure must remove from every table.
PERSONAL = [
    "佐藤 健二",
    "kenji.sato@example.jp",
    "+81312345678",
    "Budi Santoso",
    "budi@example.co.id",
    "+62215550100",
    "Lestari",
    "dewi.lestari@example.co.id",
    "Jalan Asia Afrika 8",
    "Hubungi Pak Budi",
]


@dataclass
class World:
    company: Company
    other_company: Company
    member: User
    teammate: User
    profile: PartnershipProfile
    own: Participant
    theirs: Participant
    sent: MeetingRequest
    received: MeetingRequest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def english():  # type: ignore[no-untyped-def]
    with translation.override("en"):
        yield


@pytest.fixture
def world(company, other_company, member, teammate, outsider, officer) -> World:  # type: ignore[no-untyped-def]
    company.name = "PT Kemasan Budi Santoso"
    company.name_alt = "ブディ包装"
    company.address = "Jalan Asia Afrika 8, Bandung"
    company.capital_amount = 750_000_000
    company.capital_currency = "IDR"
    company.employees = 18
    company.save()
    ContactFactory(
        company=company, name="Budi Santoso", email="budi@example.co.id", phone="+62215550100"
    )
    ContactFactory(
        company=company, name="佐藤 健二", email="kenji.sato@example.jp", phone="+81312345678"
    )
    ContactFactory(company=other_company, name="Tanaka Hiroshi", email="tanaka@example.jp")
    member.first_name, member.last_name, member.email = (
        "Dewi",
        "Lestari",
        "dewi.lestari@example.co.id",
    )
    member.save()
    log_action("jembatan.company.updated", company, member, {"address": company.address})
    profile = published(company=company, description="Hubungi Pak Budi di +62215550100.")
    attach(profile, "Katalog Budi Santoso.pdf")
    published(company=other_company)
    event = scheduled_event()
    own = participant(event, company, "Budi Santoso", ["id", "en"])
    theirs = participant(event, other_company, "Tanaka Hiroshi", ["ja", "en"])
    theirs.email, theirs.phone = "tanaka.h@example.jp", "+81355550199"
    theirs.save()
    sent = MeetingRequest.objects.create(
        event=event,
        sender=own,
        receiver=theirs,
        message="Hubungi Pak Budi",
        priority=3,
        status=RequestStatus.ACCEPTED,
    )
    received = MeetingRequest.objects.create(
        event=event,
        sender=theirs,
        receiver=own,
        message="Tanaka desu",
        priority=2,
    )
    table = Table.objects.get(event=event, number=1)
    meeting = Meeting.objects.create(
        event=event, request=sent, stage=Stage.PUBLISHED, slot=slot(event, "d1-0900"), table=table
    )
    MeetingRating.objects.create(
        meeting=meeting,
        participant=own,
        usefulness=4,
        next_step=True,
        next_step_text="Hubungi Pak Budi minggu depan",
    )
    MeetingRating.objects.create(meeting=meeting, participant=theirs, usefulness=5)
    keyword_store.upsert_document("company", company.pk, f"{company.name} {company.address}")
    keyword_store.upsert_document("profile", profile.pk, profile.description)
    DigestSubscription.objects.create(user=member)
    RecommendationFeedback.objects.create(
        company=company, target_type="profile", target_id=1, created_by=member
    )
    # A notice to the company's own member, and one to the other company that names its people.
    Notification.objects.create(
        recipient=member, kind="events.meeting_request_received", title="Tanaka desu", language="id"
    )
    Notification.objects.create(
        recipient=outsider,
        kind="events.meeting_request_accepted",
        title="BUDI SANTOSO accepted your request",
        body="Budi Santoso will meet you at table 1.",
        language="en",
    )
    Favourite.objects.create(
        user=member, profile=PartnershipProfile.objects.exclude(company=company).first()
    )
    SavedSearch.objects.create(
        user=member, name="Hubungi Pak Budi", scope="search", params={"q": "kemasan"}
    )
    return World(company, other_company, member, teammate, profile, own, theirs, sent, received)
