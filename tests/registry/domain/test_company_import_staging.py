"""The set-wise write of the company import: staging tables, one upsert, one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from jembatan.core.models import AuditLogEntry
from jembatan.registry.domain.company_import import writer as writer_module
from jembatan.registry.models import Company
from tests.factories import CompanyFactory
from tests.registry.helpers import ID1, ID2, JP1, csv_text, make_reference_rows, run, write

pytestmark = pytest.mark.django_db

ROWS = (
    f"A,ID,{ID1},Jawa Barat,Bandung,22220,10,2000,a.example,id,x",
    f"B,ID,{ID2},Jawa Barat,Bekasi,17021,20,2001,b.example,id,y",
    f"C,JP,{JP1},JP-28,神戸市,2441,30人,1962,,ja,z",
)


@pytest.fixture(autouse=True)
def _english_and_reference_rows() -> Any:
    make_reference_rows()
    with translation.override("en"):
        yield


def _state() -> dict[str, tuple[Any, ...]]:
    return {
        company.registry_id: (
            company.name,
            company.employees,
            company.updated_at,
            tuple(company.classifications.order_by("code").values_list("code", flat=True)),
        )
        for company in Company.objects.all()
    }


def _writes(queries: CaptureQueriesContext) -> list[str]:
    verbs = ("INSERT", "UPDATE", "DELETE", "CREATE", "COPY")
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(verbs)
    ]


def test_unchanged_reimport_writes_nothing_not_even_a_staging_table(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text(*ROWS))
    run(path)
    before = _state()
    with CaptureQueriesContext(connection) as queries:
        report = run(path)
    assert report.as_json() == {"created": 0, "updated": 0, "unchanged": 3, "errors": []}
    assert _writes(queries) == []
    assert _state() == before


def test_an_update_of_some_rows_writes_exactly_those_rows(tmp_path: Path) -> None:
    run(write(tmp_path, csv_text(*ROWS)))
    before = _state()
    changed = ROWS[1].replace(",20,2001,", ",21,2001,")
    report = run(write(tmp_path, csv_text(ROWS[0], changed, ROWS[2])))
    assert report.as_json() == {"created": 0, "updated": 1, "unchanged": 2, "errors": []}
    after = _state()
    assert after[ID1] == before[ID1]
    assert after[JP1] == before[JP1]
    assert after[ID2][1] == 21
    assert after[ID2][2] > before[ID2][2]


def test_a_change_of_codes_only_touches_the_company_and_replaces_its_links(
    tmp_path: Path,
) -> None:
    run(write(tmp_path, csv_text(*ROWS)))
    before = _state()
    recoded = ROWS[0].replace(",22220,", ",17021;22220,")
    report = run(write(tmp_path, csv_text(recoded, *ROWS[1:])))
    assert (report.updated, report.unchanged) == (1, 2)
    after = _state()
    assert after[ID1][3] == ("17021", "22220")
    assert after[ID1][2] > before[ID1][2]  # matching re-embeds what changed since the import
    assert after[ID2] == before[ID2]
    dropped = ROWS[0].replace(",22220,", ",17021,")
    assert run(write(tmp_path, csv_text(dropped, *ROWS[1:]))).updated == 1
    assert _state()[ID1][3] == ("17021",)


def test_a_dry_run_counts_as_the_import_does_and_stages_nothing(tmp_path: Path) -> None:
    run(write(tmp_path, csv_text(ROWS[0], ROWS[1])))
    text = csv_text(ROWS[0], ROWS[1].replace("B,", "B2,", 1), ROWS[2])
    with CaptureQueriesContext(connection) as queries:
        preview = run(write(tmp_path, text), dry_run=True)
    assert _writes(queries) == []
    assert preview.as_json() == {"created": 1, "updated": 1, "unchanged": 1, "errors": []}
    assert run(write(tmp_path, text)).as_json() == preview.as_json()


def _many_rows(count: int) -> list[str]:
    return [f"New {n},ID,{9130000000000 + n},,,22220,,,,," for n in range(count)]


def test_an_error_while_staging_a_later_chunk_leaves_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    CompanyFactory(country="ID", registry_id=ID1, name="Old")
    monkeypatch.setattr(writer_module, "CHUNK_SIZE", 3)
    stage = writer_module.CompanyWriter._stage
    calls: list[int] = []

    def failing_stage(self: Any, chunk: Any) -> None:
        calls.append(len(chunk.companies))
        if len(calls) == 2:  # the first chunk is staged already (COPY on PostgreSQL)
            raise RuntimeError("the connection broke in the middle of the copy")
        stage(self, chunk)

    monkeypatch.setattr(writer_module.CompanyWriter, "_stage", failing_stage)
    text = csv_text(f"Renamed,ID,{ID1},,,22220,,,,,", *_many_rows(8))
    with pytest.raises(RuntimeError):
        run(write(tmp_path, text))
    assert list(Company.objects.values_list("name", flat=True)) == ["Old"]
    assert not Company.classifications.through.objects.exists()
    assert not AuditLogEntry.objects.exists()


def test_a_database_error_in_the_set_wise_upsert_leaves_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    CompanyFactory(country="ID", registry_id=ID1, name="Old")
    monkeypatch.setattr(writer_module, "CHUNK_SIZE", 3)
    created_row = writer_module.CompanyWriter._created_row

    def bad_row(self: Any, record: Any) -> tuple[Any, ...]:
        row = list(created_row(self, record))
        if record.registry_id.endswith("5"):  # one row of the second chunk breaks a constraint
            row[self.position["country"]] = "XX"
        return tuple(row)

    monkeypatch.setattr(writer_module.CompanyWriter, "_created_row", bad_row)
    text = csv_text(f"Renamed,ID,{ID1},,,22220,,,,,", *_many_rows(8))
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        run(write(tmp_path, text))
    assert list(Company.objects.values_list("name", flat=True)) == ["Old"]
    assert not Company.classifications.through.objects.exists()
    assert not AuditLogEntry.objects.exists()


def test_a_second_import_in_the_same_transaction_finds_no_staging_left(tmp_path: Path) -> None:
    # Tests run inside one transaction: the staging tables must be gone after each import.
    assert run(write(tmp_path, csv_text(ROWS[0]))).created == 1
    assert run(write(tmp_path, csv_text(*ROWS))).as_json()["created"] == 2
    assert Company.objects.count() == 3
