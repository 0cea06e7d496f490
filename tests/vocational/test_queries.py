"""List pages run a fixed number of queries, whether they show 1 or 3 rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jembatan.vocational.models import Department, Mou, MouParty, MouScope, Person
from tests.vocational.conftest import make_institution


def fill(count: int, school: Any, host: Any) -> None:
    start = Mou.objects.count()
    for n in range(start, start + count):
        institution = make_institution(f"SMK {n}")
        Department.objects.create(institution=institution, kind="textile")
        Department.objects.create(institution=institution, kind="mechanical")
        department = Department.objects.create(institution=school, kind="other", name=f"D{n}")
        Person.objects.create(
            institution=school, kind="student", given_name=f"S{n}", department=department
        )
        mou = Mou.objects.create(
            title=f"MoU {n}", signed_on=dt.date(2020, 1, 1), ends_on=dt.date(2030, 1, 1)
        )
        MouParty.objects.create(mou=mou, institution=school)
        MouParty.objects.create(mou=mou, institution=host)
        MouParty.objects.create(mou=mou, institution=institution)
        MouScope.objects.create(mou=mou, kind="short_course")


def queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url", ["/vocational/institutions/", "/vocational/people/", "/vocational/mous/"]
)
@pytest.mark.parametrize("role", ["officer", "school_member"])
def test_list_queries_do_not_grow_with_rows(
    url: str, role: str, as_user: Any, officer: Any, school_member: Any, school: Any, host: Any
) -> None:
    client = as_user(role)
    fill(1, school, host)
    one = queries(client, url)
    fill(2, school, host)
    three = queries(client, url)
    assert one == three


def test_overview_queries_do_not_grow_with_rows(
    as_user: Any, officer: Any, school: Any, host: Any
) -> None:
    client = as_user("officer")
    Mou.objects.update(ends_on=timezone.localdate())
    fill(1, school, host)
    Mou.objects.update(ends_on=timezone.localdate() + dt.timedelta(days=10))
    one = queries(client, "/vocational/")
    fill(2, school, host)
    Mou.objects.update(ends_on=timezone.localdate() + dt.timedelta(days=10))
    three = queries(client, "/vocational/")
    assert one == three
