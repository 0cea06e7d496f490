from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from jembatan.core.domain.kpis import KpiQuery, KpiValue, registered_kpis
from jembatan.vocational.domain import figures
from jembatan.vocational.models import Application, FollowUp, Person
from tests.vocational.programme_world import World, make_programme

QUERY = KpiQuery(start=dt.date(2016, 1, 1), end=dt.date(2027, 1, 1), period="year")
NOW = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


def _participants(world: World, count: int, status: str = "completed") -> None:
    programme = make_programme(
        world.mou,
        world.host,
        starts_on=dt.date(2026, 2, 1),
        ends_on=dt.date(2026, 2, 14),
        capacity=10,
    )
    for index in range(count):
        person = Person.objects.create(
            institution=world.school_a, kind="student", given_name=f"Siswa {index}"
        )
        application = Application.objects.create(
            programme=programme, person=person, status=status, applied_at=NOW, completed_at=NOW
        )
        FollowUp.objects.create(
            application=application,
            round=1,
            asked_at=NOW,
            answered_at=NOW,
            outcome="japanese_firm_id" if index % 2 == 0 else "seeking",
        )


def test_kpis_registered_under_vocational_topic() -> None:
    codes = [k.code for k in registered_kpis("vocational")]
    assert codes == [
        "vocational.agreements_active",
        "vocational.programmes",
        "vocational.participants",
        "vocational.participants_by_kind",
        "vocational.participants_by_institution",
        "vocational.completion_rate",
        "vocational.placement_rate",
    ]


def test_agreements_active_per_year(world: World) -> None:
    values = figures.agreements_active(KpiQuery(start=dt.date(2015, 1, 1), end=dt.date(2018, 1, 1)))
    assert values == [
        KpiValue(period="2015", value=0),
        KpiValue(period="2016", value=1),
        KpiValue(period="2017", value=1),
    ]


def test_participants_by_direction_and_kind(world: World) -> None:
    _participants(world, 3)
    assert figures.participants_by_direction(QUERY) == [
        KpiValue(period="2026", key="id_to_jp", value=3)
    ]
    assert figures.participants_by_kind(QUERY) == [
        KpiValue(period="2026", key="short_course", value=3)
    ]
    assert figures.participants_by_institution(QUERY) == [
        KpiValue(period="2026", key="SMTI Yogyakarta", value=3)
    ]


def test_region_filter_excludes_other_country(world: World) -> None:
    _participants(world, 2)
    assert (
        figures.participants_by_direction(KpiQuery(start=QUERY.start, end=QUERY.end, region="JP"))
        == []
    )


def test_completion_and_placement_rates(world: World) -> None:
    _participants(world, 3)
    _participants(world, 1, status="confirmed")
    assert figures.completion_rate(QUERY) == [KpiValue(period="2026", value=Decimal("75.0"))]
    # answered follow-ups of 4 students: employed, seeking, employed (first batch), employed
    assert figures.placement_rate(QUERY) == [KpiValue(period="2026", value=Decimal("75.0"))]


def _queries(compute) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        compute(QUERY)
    return len(captured)


def test_kpis_run_a_fixed_number_of_queries(world: World) -> None:
    _participants(world, 1)
    one = {k.code: _queries(k.compute) for k in registered_kpis("vocational")}
    _participants(world, 3)
    three = {k.code: _queries(k.compute) for k in registered_kpis("vocational")}
    assert one == three
    assert max(one.values()) == 1


def test_figures_export_for_officers_only(world: World, officer, viewer) -> None:
    _participants(world, 2)
    client = Client()
    client.force_login(viewer)
    assert client.get("/vocational/figures.xlsx").status_code == 403
    client.force_login(officer)
    response = client.get("/vocational/figures.xlsx?from=2016&to=2026")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[2]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2] == ("2026", "id_to_jp", 2, "persons")
