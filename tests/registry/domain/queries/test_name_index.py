"""The name index behind name_matches: SQLite's FTS5 trigram table kept in step by triggers
(candidates, then the same LIKEs and ranking), PostgreSQL's trigram GIN indexes."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.registry.domain import name_index
from jembatan.registry.domain.name_index import NAME_FTS, ensure_name_index, name_candidates
from jembatan.registry.domain.queries import companies as queries
from jembatan.registry.domain.queries.companies import name_matches
from jembatan.registry.models import Company
from tests.factories import CompanyFactory
from tests.registry.helpers import ID1, JP1, csv_text, make_reference_rows, run, write
from tests.registry.sample import make_kbli

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the FTS5 name index is SQLite's"
)


def scanned(text: str, companies=None) -> list[int]:  # type: ignore[no-untyped-def]
    """name_matches by the LIKE scan alone, the index left out."""
    real = queries.name_candidates
    queries.name_candidates = lambda *args: None  # type: ignore[assignment]
    try:
        return name_matches(Company.objects.all() if companies is None else companies, text)
    finally:
        queries.name_candidates = real


def indexed(company_id: int) -> list[tuple[str, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT name, name_alt, name_kana, name_keys, city, registry_id FROM {NAME_FTS} "  # noqa: S608
            "WHERE rowid = %s",
            [company_id],
        )
        return [tuple(row) for row in cursor.fetchall()]


@pytest.fixture
def firms() -> dict[str, Company]:
    code = make_kbli("13134")
    weaver = CompanyFactory(name="PT Tenun Maju", city="Majalaya")
    weaver.classifications.add(code)
    return {
        "exact": CompanyFactory(name="Maju", city="Bandung"),
        "prefix": CompanyFactory(name="Maju Jaya", city="Bandung"),
        "inside": CompanyFactory(name="PT Sinar Maju", city="Bandung"),
        "town": CompanyFactory(name="PT Lain", city="Majukarta"),
        "weaver": weaver,
        "yamada": CompanyFactory(name="株式会社山田製作所", country="JP"),
        "kana": CompanyFactory(
            name="Akashi Seimitsu", name_kana="アカシセイミツ", country="JP", city="明石市"
        ),
        "accent": CompanyFactory(name="Éclair Boulangerie", city="Surabaya"),
        "greek": CompanyFactory(name="ΑΘΗΝΑ Trading", city="Athens"),
        "quote": CompanyFactory(name='PT "Bintang" 100%', city="Medan"),
    }


TEXTS = [
    "maju",
    "MAJU JAYA",
    "bandung",
    "majukarta",
    "yamada seisakusho",
    "ヤマダ",
    "山田製作",
    "アカシ",
    "あかし",
    "akashi seimitsu",
    "明石市",
    "1313",
    "131",
    "éclair",
    "ÉCLAIR",
    "αθηνα",
    "ΑΘΗΝΑ",
    '"bintang"',
    "100%",
    "pt",
    "ma",
    "no such firm",
]


@pytest.mark.parametrize("text", TEXTS)
def test_name_matches_finds_what_the_scan_finds_in_the_same_order(firms, text) -> None:  # type: ignore[no-untyped-def]
    assert name_matches(Company.objects.all(), text) == scanned(text)
    within = Company.objects.filter(country="ID", erased_at__isnull=True)
    assert name_matches(within, text) == scanned(text, within)


def test_name_matches_by_reading_kana_city_and_code(firms) -> None:  # type: ignore[no-untyped-def]
    assert name_matches(Company.objects.all(), "maju") == [
        firms["exact"].pk,
        firms["prefix"].pk,
        firms["inside"].pk,
        firms["weaver"].pk,
        firms["town"].pk,
    ]
    assert name_matches(Company.objects.all(), "yamada seisakusho") == [firms["yamada"].pk]
    assert name_matches(Company.objects.all(), "アカシ") == [firms["kana"].pk]
    assert name_matches(Company.objects.all(), "明石市") == [firms["kana"].pk]
    assert name_matches(Company.objects.all(), "1313") == [firms["weaver"].pk]
    assert name_matches(Company.objects.all(), "ΑΘΗΝΑ") == [firms["greek"].pk]
    # SQLite's LIKE folds ASCII only: the index's wider folding does not widen the results
    # (PostgreSQL's UPPER folds Greek too).
    folded = [firms["greek"].pk] if connection.vendor == "postgresql" else []
    assert name_matches(Company.objects.all(), "αθηνα") == folded


@sqlite_only
def test_the_index_answers_three_characters_and_more_only(firms) -> None:  # type: ignore[no-untyped-def]
    assert name_candidates(connection, "maju", "maju", None) is not None
    assert name_candidates(connection, "ma", "ma", None) is None
    assert name_candidates(connection, "ma-j", "maj", None) is not None
    assert name_candidates(connection, "a-b", "ab", None) is None  # a 2-letter key
    assert name_candidates(connection, "13-1", "131", "131") is not None
    assert name_candidates(connection, "1.3", "13", "13") is None
    with CaptureQueriesContext(connection) as short:
        assert name_matches(Company.objects.all(), "ma") == scanned("ma")
    assert NAME_FTS not in short.captured_queries[-1]["sql"]


@sqlite_only
def test_the_query_looks_up_candidates_by_primary_key(firms) -> None:  # type: ignore[no-untyped-def]
    within = Company.objects.filter(country="ID", erased_at__isnull=True).order_by("name")
    with CaptureQueriesContext(connection) as ctx:
        name_matches(within, "bandung")
    sql = ctx.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        plan = [row[3] for row in cursor.fetchall()]
    assert any(NAME_FTS in step and "VIRTUAL TABLE" in step for step in plan), plan
    assert plan[0] == "SEARCH registry_company USING INTEGER PRIMARY KEY (rowid=?)", plan
    assert not any(step.startswith("SCAN registry_company ") for step in plan), plan


@sqlite_only
def test_saves_updates_and_deletes_are_indexed_at_once() -> None:
    firm = CompanyFactory(name="PT Kopi Luwak", city="Garut")
    assert indexed(firm.pk)[0][:1] == ("PT Kopi Luwak",)
    firm.name = "PT Teh Hijau"
    firm.save()
    assert name_matches(Company.objects.all(), "teh hijau") == [firm.pk]
    assert name_matches(Company.objects.all(), "kopi luwak") == []
    Company.objects.filter(pk=firm.pk).update(city="Cianjur")
    assert name_matches(Company.objects.all(), "cianjur") == [firm.pk]
    assert name_matches(Company.objects.all(), "garut") == []
    other = CompanyFactory(name="PT Lain")
    other.name = "PT Teh Manis"
    Company.objects.bulk_update([firm, other], ["name"])
    assert name_matches(Company.objects.all(), "PT Teh") == [firm.pk, other.pk]
    Company.objects.filter(pk=firm.pk).delete()
    assert indexed(firm.pk) == []
    assert name_matches(Company.objects.all(), "PT Teh") == [other.pk]


@sqlite_only
def test_unchanged_names_are_not_reindexed() -> None:
    firm = CompanyFactory(name="PT Kopi Luwak")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {NAME_FTS} WHERE rowid = %s", [firm.pk])  # noqa: S608
    Company.objects.filter(pk=firm.pk).update(employees=12)  # not a searched field
    assert indexed(firm.pk) == []
    Company.objects.filter(pk=firm.pk).update(name="PT Kopi Luwak")  # the same name
    assert indexed(firm.pk) == []


def test_an_import_is_found_by_name_at_once(tmp_path: Path) -> None:
    make_reference_rows()
    text = csv_text(
        f"PT Maju Bersama,ID,{ID1},Jawa Barat,Bandung,22220,12,2004,,id,Kemasan",
        f"山田製作所,JP,{JP1},兵庫県,神戸市,2441,50,1962,,ja,精密プレス",
    )
    assert run(write(tmp_path, text)).errors == []
    maju = Company.objects.get(registry_id=ID1)
    yamada = Company.objects.get(registry_id=JP1)
    assert name_matches(Company.objects.all(), "maju bersama") == [maju.pk]
    assert name_matches(Company.objects.all(), "マジュ") == [maju.pk]
    assert name_matches(Company.objects.all(), "yamada seisakusho") == [yamada.pk]
    assert name_matches(Company.objects.all(), "神戸市") == [yamada.pk]
    renamed = csv_text(f"PT Maju Sejahtera,ID,{ID1},Jawa Barat,Bandung,22220,12,2004,,id,Kemasan")
    assert run(write(tmp_path, renamed)).errors == []
    assert name_matches(Company.objects.all(), "maju sejahtera") == [maju.pk]
    assert name_matches(Company.objects.all(), "maju bersama") == []


@sqlite_only
def test_missing_triggers_are_put_back_and_the_index_refilled() -> None:
    firm = CompanyFactory(name="PT Kopi Luwak")
    assert ensure_name_index(connection) is False  # all there: nothing done
    with connection.cursor() as cursor:
        for trigger in name_index.TRIGGERS:
            cursor.execute(f"DROP TRIGGER {trigger}")
        cursor.execute("UPDATE registry_company SET name = 'PT Teh Hijau' WHERE id = %s", [firm.pk])
    assert name_matches(Company.objects.all(), "teh hijau") == []  # the index lags
    assert ensure_name_index(connection) is True
    assert name_matches(Company.objects.all(), "teh hijau") == [firm.pk]
    firm.refresh_from_db()
    firm.name = "PT Susu"
    firm.save()
    assert name_matches(Company.objects.all(), "susu") == [firm.pk]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's trigram indexes")
def test_postgresql_answers_the_likes_from_trigram_indexes(firms) -> None:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as ctx:
        name_matches(Company.objects.all(), "bandung")
    sql = ctx.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for field in ("name", "name_alt", "name_kana", "name_keys", "city"):
        assert f"registry_company_{field}_trgm" in plan, plan


def test_an_erased_company_is_not_found_by_its_old_name(officer) -> None:  # type: ignore[no-untyped-def]
    import datetime

    from jembatan.core.domain.personal_data import erase_company

    firm = CompanyFactory(name="PT Budi Kemasan", name_alt="ブディ包装", city="Bekasi")
    assert name_matches(Company.objects.all(), "budi kemasan") == [firm.pk]
    erase_company(officer, firm, datetime.datetime(2026, 12, 3, tzinfo=datetime.UTC))
    assert name_matches(Company.objects.all(), "budi kemasan") == []
    assert name_matches(Company.objects.all(), "ブディ包装") == []
    if connection.vendor == "sqlite":
        assert all("Budi" not in value for row in indexed(firm.pk) for value in row)
