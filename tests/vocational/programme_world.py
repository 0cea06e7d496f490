"""Fixtures for the programme tests: two schools, a host kosen, a company, an MoU.

`world` builds SMTI Yogyakarta (school A, an MoU party), another school (B, not a party),
NIT Akashi College (the host, a party), each with one member account, a teacher and a
student of school A and one of school B; `conftest` gives the officer, viewer and
company member. Test modules import these fixtures by name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from jembatan.vocational.models import Institution, Mou, MouParty, MouScope, Person, Programme
from tests.factories import OrganisationFactory, UserFactory


@dataclass
class World:
    school_a: Institution
    school_b: Institution
    host: Institution
    school_a_user: Any
    school_b_user: Any
    host_user: Any
    mou: Mou
    teacher: Person
    student: Person
    other_student: Person


def make_institution(name: str, country: str, kind: str, username: str) -> tuple[Institution, Any]:
    org = OrganisationFactory(kind="institution", name=name, country=country)
    institution = Institution.objects.create(organisation=org, type=kind)
    user = UserFactory(
        username=username, role="institution_member", organisation=org, language="en"
    )
    return institution, user


def make_programme(mou: Mou, host: Institution, **fields: Any) -> Programme:
    today = timezone.localdate()
    values: dict[str, Any] = {
        "title": "Short course in chemical analysis",
        "kind": "short_course",
        "direction": "id_to_jp",
        "host": host,
        "starts_on": today + dt.timedelta(days=30),
        "ends_on": today + dt.timedelta(days=44),
        "capacity": 2,
    }
    values.update(fields)
    return Programme.objects.create(mou=mou, **values)


@pytest.fixture
def world(db: Any) -> World:
    school_a, a_user = make_institution("SMTI Yogyakarta", "ID", "smti", "school_a")
    school_b, b_user = make_institution("SMK Negeri 2 Bandung", "ID", "smk", "school_b")
    host, host_user = make_institution("NIT Akashi College", "JP", "kosen", "host")
    mou = Mou.objects.create(
        title="SMTI Yogyakarta - NIT Akashi College",
        signed_on=dt.date(2016, 7, 20),
        starts_on=dt.date(2016, 7, 20),
        ends_on=dt.date(2036, 7, 19),
    )
    MouParty.objects.create(mou=mou, institution=school_a)
    MouParty.objects.create(mou=mou, institution=host)
    for kind in ("teacher_exchange", "student_exchange", "short_course"):
        MouScope.objects.create(mou=mou, kind=kind)
    teacher = Person.objects.create(
        institution=school_a,
        kind="teacher",
        given_name="Budi",
        family_name="Santoso",
        language="id",
    )
    student = Person.objects.create(
        institution=school_a, kind="student", given_name="Sari", family_name="Wulandari", minor=True
    )
    other = Person.objects.create(
        institution=school_b, kind="student", given_name="Dewi", family_name="Lestari", minor=True
    )
    return World(school_a, school_b, host, a_user, b_user, host_user, mou, teacher, student, other)


@pytest.fixture
def school_a(world: World) -> Any:
    return world.school_a_user


@pytest.fixture
def school_b(world: World) -> Any:
    return world.school_b_user


@pytest.fixture
def kosen(world: World) -> Any:
    """The host kosen's member account."""
    return world.host_user
