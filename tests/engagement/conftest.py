"""The cast of every engagement test: a profile owned by `company` (member, teammate), a
requesting Japanese firm (requester, requester_mate), an uninvolved outsider, a viewer and
an officer; each side has one contact whose details must stay hidden until acceptance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

from jembatan.engagement.domain import interests as actions
from jembatan.engagement.models import ExpressionOfInterest, Introduction
from tests.factories import CompanyFactory, ContactFactory, OrganisationFactory, UserFactory
from tests.opportunities.factories import published

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)

OWNER_NAME = "PT Tenun Rahasia Nusantara"
OWNER_CONTACT = {
    "name": "Dewi Lestari",
    "email": "dewi@tenun-rahasia.co.id",
    "phone": "+62227770001",
}
REQUESTER_NAME = "Sakura Kogyo Kabushiki Kaisha"
REQUESTER_CONTACT = {
    "name": "Tanaka Hiroshi",
    "email": "tanaka@sakura-kogyo.jp",
    "phone": "+81312345678",
}

ROLES = [
    "member",
    "teammate",
    "requester",
    "requester_mate",
    "outsider",
    "viewer",
    "officer",
    "anonymous",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def english():  # type: ignore[no-untyped-def]
    with translation.override("en"):
        yield


@pytest.fixture
def owner_contact(company):  # type: ignore[no-untyped-def]
    return ContactFactory(company=company, role="Export manager", **OWNER_CONTACT)


@pytest.fixture
def profile(company, member, owner_contact):  # type: ignore[no-untyped-def]
    company.name = OWNER_NAME
    company.save(update_fields=["name"])
    return published(
        company=company,
        is_anonymous=True,
        title="Kain tenun ikat untuk pembeli Jepang",
        created_by=member,
    )


@pytest.fixture
def requester_company(db):  # type: ignore[no-untyped-def]
    return CompanyFactory(country="JP", name=REQUESTER_NAME)


@pytest.fixture
def requester_contact(requester_company):  # type: ignore[no-untyped-def]
    return ContactFactory(company=requester_company, role="Buyer", **REQUESTER_CONTACT)


def _member_of(company: Any, username: str) -> Any:
    org = OrganisationFactory(kind="company", company=company, name=company.name)
    return UserFactory(username=username, role="company_member", organisation=org)


@pytest.fixture
def requester(requester_company):  # type: ignore[no-untyped-def]
    return _member_of(requester_company, "requester")


@pytest.fixture
def requester_mate(requester):  # type: ignore[no-untyped-def]
    return UserFactory(
        username="requester_mate", role="company_member", organisation=requester.organisation
    )


@pytest.fixture
def interest(profile, requester, requester_contact) -> ExpressionOfInterest:  # type: ignore[no-untyped-def]
    return actions.express_interest(
        requester,
        profile,
        "Kami tertarik untuk membeli kain tenun dari perusahaan anda.",
        contacts=[requester_contact],
        now=NOW,
    )


@pytest.fixture
def introduction(interest, member, owner_contact) -> Introduction:  # type: ignore[no-untyped-def]
    return actions.accept(member, interest, [owner_contact], now=NOW)


@pytest.fixture
def second_profile(db):  # type: ignore[no-untyped-def]
    return published(title="Kemasan karton untuk ekspor")


@pytest.fixture
def second_owner(second_profile):  # type: ignore[no-untyped-def]
    return _member_of(second_profile.company, "second_owner")
