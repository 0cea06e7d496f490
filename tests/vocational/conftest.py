"""Two schools, a host kosen, their members, and the people and MoU between them.

`school` (SMTI Yogyakarta) and `other_school` (SMK SMAK Bogor) are Indonesian schools; `host`
(Akashi College) is the kosen that hosts a programme a `school` student applied to. The
applications themselves belong to the programmes' part of the app; here a person-access hook
stands in for them, as that part registers its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.db.models import Q

from jembatan.accounts.models import Organisation
from jembatan.vocational.domain.visibility import register_person_access, unregister_person_access
from jembatan.vocational.models import (
    Department,
    Institution,
    Mou,
    MouParty,
    MouScope,
    Person,
)
from tests.factories import OrganisationFactory, UserFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_institution(name: str, type_: str = "smk", country: str = "ID") -> Institution:
    organisation = OrganisationFactory(
        kind=Organisation.Kind.INSTITUTION, name=name, country=country, institution_type="smk"
    )
    return Institution.objects.create(organisation=organisation, type=type_)


def member_of(institution: Institution, username: str) -> Any:
    return UserFactory(
        username=username, role="institution_member", organisation=institution.organisation
    )


@pytest.fixture
def school(db: Any) -> Institution:
    return make_institution("SMTI Yogyakarta", "smti")


@pytest.fixture
def other_school(db: Any) -> Institution:
    return make_institution("SMK SMAK Bogor", "smk")


@pytest.fixture
def host(db: Any) -> Institution:
    return make_institution("NIT Akashi College", "kosen", "JP")


@pytest.fixture
def school_member(school: Institution) -> Any:
    return member_of(school, "smti.staff")


@pytest.fixture
def other_school_member(other_school: Institution) -> Any:
    return member_of(other_school, "smak.staff")


@pytest.fixture
def host_member(host: Institution) -> Any:
    return member_of(host, "akashi.staff")


@pytest.fixture
def department(school: Institution) -> Department:
    return Department.objects.create(institution=school, kind="chemical_analysis")


@pytest.fixture
def student(school: Institution, department: Department) -> Person:
    return Person.objects.create(
        institution=school,
        kind="student",
        given_name="Putri",
        family_name="Lestari",
        department=department,
        year=2,
        date_of_birth=dt.date(2009, 3, 21),
        jlpt_level="N5",
    )


@pytest.fixture
def other_student(other_school: Institution) -> Person:
    return Person.objects.create(
        institution=other_school, kind="student", given_name="Rudi", minor=True
    )


@pytest.fixture
def applied(student: Person, host: Institution) -> Iterator[Person]:
    """`student` applied to a programme `host` hosts (the programmes part's hook, simulated)."""
    register_person_access(
        "tests.applied",
        lambda institution_id: Q(pk=student.pk) if institution_id == host.pk else Q(pk__in=[]),
    )
    yield student
    unregister_person_access("tests.applied")


@pytest.fixture
def mou(school: Institution, host: Institution) -> Mou:
    mou = Mou.objects.create(
        title="MoU SMTI Yogyakarta – Akashi College",
        signed_on=dt.date(2016, 7, 27),
        starts_on=dt.date(2016, 7, 27),
        ends_on=dt.date(2036, 7, 26),
    )
    MouParty.objects.create(mou=mou, institution=school)
    MouParty.objects.create(mou=mou, institution=host)
    for kind in ("teacher_exchange", "student_exchange", "short_course"):
        MouScope.objects.create(mou=mou, kind=kind)
    return mou


@pytest.fixture
def roles(
    officer: Any,
    member: Any,
    viewer: Any,
    school_member: Any,
    other_school_member: Any,
    host_member: Any,
) -> dict[str, Any]:
    return {
        "officer": officer,
        "member": member,
        "viewer": viewer,
        "school_member": school_member,
        "other_school_member": other_school_member,
        "host_member": host_member,
    }


# The programmes part's world (two schools, the host kosen and their members, an MoU).
from tests.vocational.programme_world import kosen, school_a, school_b, world  # noqa: E402, F401
