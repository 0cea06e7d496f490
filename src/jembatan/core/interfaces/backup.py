"""Backups of the whole installation: database rows, uploaded files and the vector indexes.

A backup is a directory (tar it for transport; see docs/operations.md)::

    manifest.json          format, engine, created at, migrations, tables, files
    manifest.sha256        sha256 of manifest.json, so an edited manifest is noticed
    data/<table>.jsonl     one JSON array per row, columns as listed in the manifest
    media/...              MEDIA_ROOT as it was
    index/...              JEMBATAN_INDEX_DIR as it was (lock files left out)

Rows are read through the DB-API table by table (streamed, never a whole table in memory)
rather than with ``dumpdata``, which builds model instances and sorts by natural keys.
Values that JSON cannot hold (dates, decimals, UUIDs, bytes) are written as
``{"$": type, "v": text}``; JSON columns are read as their text on every engine, so a
value that is a dict is always such a tag.

Restore checks everything before it writes anything: the manifest's own checksum, every
file's size and sha256, row counts, and that the backup's migrations are exactly those of
this database. It then replaces every table's rows in one transaction (foreign keys are
checked before commit) and swaps the file trees in with a rename.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MANIFEST_SUM = "manifest.sha256"
BATCH = 1000
# Filled by `migrate` itself (post_migrate signals and data migrations); rows here do not
# make a database "non-empty" for restore.
MIGRATION_FILLED = {
    "django_content_type",
    "auth_permission",
    "registry_certification",
    "registry_region",
    "registry_programmesector",
    "indicators_indicator",
    "indicators_observation",
    "indicators_target",
}


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why."""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    json_columns: frozenset[str]
    model: type[models.Model] | None  # None for an SQLite virtual (FTS5) table


# --- which tables, in which order -------------------------------------------------------


def _models() -> list[type[models.Model]]:
    seen: dict[str, type[models.Model]] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and meta.db_table not in seen:
            seen[meta.db_table] = model
    return list(seen.values())


def _dependency_order(found: list[type[models.Model]]) -> list[type[models.Model]]:
    """Models after those their foreign keys point to (cycles broken by name order)."""
    by_table = {m._meta.db_table: m for m in found}
    done: list[type[models.Model]] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def visit(model: type[models.Model]) -> None:
        table = model._meta.db_table
        if table in placed or table in visiting:
            return
        visiting.add(table)
        for field in model._meta.local_concrete_fields:
            target = field.related_model if field.is_relation else None
            if isinstance(target, type) and target._meta.db_table in by_table:
                visit(by_table[target._meta.db_table])
        visiting.discard(table)
        placed.add(table)
        done.append(model)

    for model in sorted(found, key=lambda m: m._meta.db_table):
        visit(model)
    return done


def tables() -> list[Table]:
    """Every table a backup holds, in dependency order."""
    existing = set(connection.introspection.table_names())
    result = []
    for model in _dependency_order(_models()):
        meta = model._meta
        if meta.db_table not in existing:
            continue
        fields = meta.local_concrete_fields
        result.append(
            Table(
                name=meta.db_table,
                columns=tuple(str(f.column) for f in fields),
                json_columns=frozenset(
                    str(f.column) for f in fields if f.get_internal_type() == "JSONField"
                ),
                model=model,
            )
        )
    return result + _virtual_tables()


def _virtual_tables() -> list[Table]:
    """SQLite's FTS5 tables (keyword search), made by migrations rather than models.

    A table that triggers fill from another table (the registry's name index) is left out:
    restoring that table's rows fills it again."""
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
        names = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
        triggers = [str(row[0] or "") for row in cursor.fetchall()]
        names = [n for n in names if not any(f"INSERT INTO {n} " in t for t in triggers)]
        found = []
        for name in names:
            cursor.execute(f'SELECT * FROM "{name}" LIMIT 0')  # noqa: S608 - a name from sqlite_master
            columns = ("rowid", *(d[0] for d in cursor.description))
            found.append(Table(name, columns, frozenset(), None))
    return found


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _select_sql(table: Table) -> str:
    cols = []
    for column in table.columns:
        if column in table.json_columns and connection.vendor == "postgresql":
            cols.append(f"{_q(column)}::text")  # the JSON text, as SQLite returns it
        else:
            cols.append(_q(column) if column != "rowid" else "rowid")
    order = ", ".join(cols[:1])
    if table.model is not None:
        order = _q(str(table.model._meta.pk.column))
    return f"SELECT {', '.join(cols)} FROM {_q(table.name)} ORDER BY {order}"  # noqa: S608 - names only


# --- values ------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """A DB-API value as JSON (tagged when JSON has no such type)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime):
        return {"$": "datetime", "v": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$": "date", "v": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$": "time", "v": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {"$": "timedelta", "v": value.total_seconds()}
    if isinstance(value, Decimal):
        return {"$": "decimal", "v": str(value)}
    if isinstance(value, uuid.UUID):
        return {"$": "uuid", "v": str(value)}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$": "bytes", "v": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, list):
        return {"$": "array", "v": [encode(item) for item in value]}
    raise BackupError(f"cannot back up a value of type {type(value).__name__}")


def decode(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    kind, text = value.get("$"), value.get("v")
    decoders: dict[str, Any] = {
        "datetime": dt.datetime.fromisoformat,
        "date": dt.date.fromisoformat,
        "time": dt.time.fromisoformat,
        "timedelta": lambda v: dt.timedelta(seconds=v),
        "decimal": Decimal,
        "uuid": uuid.UUID,
        "bytes": base64.b64decode,
        "array": lambda v: [decode(item) for item in v],
    }
    if kind not in decoders:
        raise BackupError(f"unknown value type {kind!r} in the data")
    return decoders[kind](text)


# --- files -------------------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tree_files(root: Path) -> Iterator[Path]:
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.suffix != ".lock":
            yield path


def file_roots() -> dict[str, Path]:
    """The folders a backup copies, by their name inside the backup."""
    return {
        "media": Path(settings.MEDIA_ROOT),
        "index": Path(settings.JEMBATAN_INDEX_DIR),
    }


# --- backup ------------------------------------------------------------------------------


def applied_migrations() -> list[list[str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [[app, name] for app, name in cursor.fetchall()]


def _dump_table(table: Table, handle: IO[str]) -> int:
    count = 0
    with connection.cursor() as cursor:
        cursor.execute(_select_sql(table))
        while rows := cursor.fetchmany(BATCH):
            for row in rows:
                handle.write(json.dumps([encode(v) for v in row], ensure_ascii=False))
                handle.write("\n")
            count += len(rows)
    return count


def create_backup(target: Path) -> dict[str, Any]:
    """Write a backup into the new directory ``target``; return its manifest."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(f"{target} already exists and is not an empty directory")
    partial = target.with_name(f".{target.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    (partial / "data").mkdir(parents=True)
    table_entries = []
    # One read transaction: on PostgreSQL a consistent snapshot of every table.
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        migrations = applied_migrations()
        for table in tables():
            relative = f"data/{table.name}.jsonl"
            with (partial / relative).open("w", encoding="utf-8") as handle:
                rows = _dump_table(table, handle)
            table_entries.append(
                {"name": table.name, "columns": list(table.columns), "rows": rows, "file": relative}
            )
    for name, root in file_roots().items():
        for path in _tree_files(root):
            copy = partial / name / path.relative_to(root)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
    files = {
        str(path.relative_to(partial)): {"sha256": sha256_of(path), "size": path.stat().st_size}
        for path in sorted(partial.rglob("*"))
        if path.is_file()
    }
    manifest = {
        "format": "jembatan-backup",
        "format_version": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "engine": connection.vendor,
        "migrations": migrations,
        "tables": table_entries,
        "files": files,
    }
    text = json.dumps(manifest, indent=1, ensure_ascii=False).encode("utf-8")
    (partial / MANIFEST).write_bytes(text)
    (partial / MANIFEST_SUM).write_text(hashlib.sha256(text).hexdigest() + "\n")
    if target.exists():
        target.rmdir()
    partial.rename(target)
    return manifest


# --- restore -----------------------------------------------------------------------------


def read_manifest(source: Path) -> dict[str, Any]:
    """The manifest of the backup in ``source``, after checking it and every file."""
    manifest_path, sum_path = source / MANIFEST, source / MANIFEST_SUM
    if not manifest_path.is_file() or not sum_path.is_file():
        raise BackupError(f"{source} is not a backup: {MANIFEST} or {MANIFEST_SUM} is missing")
    text = manifest_path.read_bytes()
    if hashlib.sha256(text).hexdigest() != sum_path.read_text().strip():
        raise BackupError(f"{MANIFEST} does not match {MANIFEST_SUM}: the manifest was changed")
    manifest: dict[str, Any] = json.loads(text)
    if manifest.get("format") != "jembatan-backup" or manifest.get("format_version") != 1:
        raise BackupError(f"unknown backup format {manifest.get('format_version')!r}")
    listed = manifest["files"]
    present = {
        str(p.relative_to(source))
        for p in source.rglob("*")
        if p.is_file() and p.name not in {MANIFEST, MANIFEST_SUM}
    }
    for name in sorted(present - set(listed)):
        raise BackupError(f"{name}: in the backup but not in its manifest")
    for name, entry in sorted(listed.items()):
        path = source / name
        if not path.is_file():
            raise BackupError(f"{name}: missing from the backup")
        if path.stat().st_size != entry["size"] or sha256_of(path) != entry["sha256"]:
            raise BackupError(f"{name}: damaged (its size or sha256 differs from the manifest)")
    return manifest


def check_migrations(manifest: dict[str, Any]) -> None:
    """Refuse a backup whose migrations are not exactly this database's, naming the app."""
    ours = {tuple(m) for m in applied_migrations()}
    theirs = {tuple(m) for m in manifest["migrations"]}
    for app in sorted({a for a, _ in ours ^ theirs}):
        only_backup = sorted(n for a, n in theirs - ours if a == app)
        only_here = sorted(n for a, n in ours - theirs if a == app)
        detail = "; ".join(
            part
            for part in (
                f"only in the backup: {', '.join(only_backup)}" if only_backup else "",
                f"only in this database: {', '.join(only_here)}" if only_here else "",
            )
            if part
        )
        raise BackupError(
            f"app {app!r}: the backup's migrations differ from this database's ({detail}); "
            "restore into an installation of the same version, migrated to the same state"
        )


def non_empty_tables() -> list[str]:
    """Tables holding rows that `migrate` alone would not have put there."""
    found = []
    with connection.cursor() as cursor:
        for table in tables():
            if table.name in MIGRATION_FILLED or table.model is None:
                continue
            cursor.execute(f"SELECT 1 FROM {_q(table.name)} LIMIT 1")  # noqa: S608 - a name
            if cursor.fetchone():
                found.append(table.name)
    return found


def _read_rows(path: Path) -> Iterator[list[Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield [decode(v) for v in json.loads(line)]


def _restore_rows(source: Path, manifest: dict[str, Any]) -> None:
    ours = {t.name: t for t in tables()}
    entries = manifest["tables"]
    for entry in entries:
        table = ours.get(entry["name"])
        if table is None or list(table.columns) != entry["columns"]:
            raise BackupError(f"table {entry['name']}: its columns differ from this installation's")
    with connection.cursor() as cursor:
        for entry in reversed(entries):
            cursor.execute(f"DELETE FROM {_q(entry['name'])}")  # noqa: S608 - a name
        for entry in entries:
            table = ours[entry["name"]]
            names = ", ".join("rowid" if c == "rowid" else _q(c) for c in table.columns)
            marks = ", ".join(["%s"] * len(table.columns))
            sql = f"INSERT INTO {_q(table.name)} ({names}) VALUES ({marks})"  # noqa: S608
            batch: list[list[Any]] = []
            count = 0
            for row in _read_rows(source / entry["file"]):
                batch.append(row)
                if len(batch) >= BATCH:
                    cursor.executemany(sql, batch)
                    count += len(batch)
                    batch = []
            if batch:
                cursor.executemany(sql, batch)
                count += len(batch)
            if count != entry["rows"]:
                raise BackupError(
                    f"{entry['file']}: {count} rows, the manifest says {entry['rows']}"
                )
        restored = [t.model for t in ours.values() if t.model is not None]
        for statement in connection.ops.sequence_reset_sql(no_style(), restored):
            cursor.execute(statement)
    connection.check_constraints(table_names=[e["name"] for e in entries if ours[e["name"]].model])


def _stage_files(source: Path) -> dict[Path, Path]:
    """Copy each file tree beside its destination; return {destination: staged copy}."""
    staged = {}
    for name, root in file_roots().items():
        root.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{root.name}.restore-", dir=root.parent))
        if (source / name).is_dir():
            shutil.copytree(source / name, temp, dirs_exist_ok=True)
        staged[root] = temp
    return staged


def _swap_in(staged: dict[Path, Path]) -> None:
    for root, temp in staged.items():
        old = root.with_name(f".{root.name}.old-{os.getpid()}")
        if root.exists():
            root.rename(old)
        temp.rename(root)
        shutil.rmtree(old, ignore_errors=True)


def restore_backup(source: Path, force: bool = False) -> dict[str, Any]:
    """Replace this installation's data and files with the backup in ``source``."""
    manifest = read_manifest(source)
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"the backup is of a {manifest['engine']} database; this one is {connection.vendor}"
        )
    check_migrations(manifest)
    if not force and (filled := non_empty_tables()):
        raise BackupError(
            f"the database is not empty ({', '.join(filled[:5])}"
            f"{', ...' if len(filled) > 5 else ''}); use --force to replace its contents"
        )
    staged = _stage_files(source)
    try:
        with transaction.atomic():
            _restore_rows(source, manifest)
    except BaseException:
        for temp in staged.values():
            shutil.rmtree(temp, ignore_errors=True)
        raise
    _swap_in(staged)
    ContentType.objects.clear_cache()  # ids may have changed under this process
    return manifest
