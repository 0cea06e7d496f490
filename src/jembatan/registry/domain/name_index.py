"""The index that finds companies by a piece of their names, readings, city or identifier.

``name_matches`` (queries/companies.py) looks for a text inside five name fields and the
city with ``icontains``: a LIKE over every company. On SQLite an FTS5 table with the trigram
tokenizer (``registry_company_name_fts``, rowid = the company's id) holds those fields and
the registry identifier; the rows holding every trigram of the text are the candidates (a
superset of what the LIKEs find: FTS5 folds case over all of Unicode, SQLite's LIKE over
ASCII only, and trigrams need not be in order), and the same LIKEs and ranking then run on
those candidates only. Triggers on ``registry_company`` keep it in step with every write
(save, bulk_create, bulk_update, the import's executemany, delete).

SQLite drops a table's triggers with the table, and Django's schema editor rebuilds a table
for many alterations (copy, drop, rename): ``ensure_name_index`` runs after every migrate
(apps.py) and, when a trigger is missing, recreates it and refills the index.

On PostgreSQL the same LIKEs (``UPPER(col::text) LIKE UPPER(%x%)``) are answered by trigram
GIN indexes on those expressions (migration 0010); nothing here applies.

Texts under 3 characters (and a 2-character name key or identifier digits) have no trigram:
``name_candidates`` returns None and the LIKE scan stays.

S608 is silenced where SQL is built with f-strings: the only interpolated names are the
constants below; every value goes through a placeholder.
"""

from __future__ import annotations

from typing import Any

NAME_FTS = "registry_company_name_fts"
COMPANY_TABLE = "registry_company"
# The fields name_matches searches, in the FTS table's column order.
INDEXED = ("name", "name_alt", "name_kana", "name_keys", "city", "registry_id")
MIN_CHARS = 3  # a trigram

CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {NAME_FTS} USING fts5({', '.join(INDEXED)}, "
    "tokenize='trigram', detail=none)"
)
_NEW = ", ".join(f"new.{column}" for column in INDEXED)
_INSERT_NEW = f"INSERT INTO {NAME_FTS} (rowid, {', '.join(INDEXED)}) VALUES (new.id, {_NEW});"  # noqa: S608
_CHANGED = " OR ".join(f"old.{column} IS NOT new.{column}" for column in ("id", *INDEXED))
TRIGGERS = {
    f"{NAME_FTS}_insert": (
        f"CREATE TRIGGER IF NOT EXISTS {NAME_FTS}_insert AFTER INSERT ON {COMPANY_TABLE} "
        f"BEGIN {_INSERT_NEW} END"
    ),
    f"{NAME_FTS}_delete": (
        f"CREATE TRIGGER IF NOT EXISTS {NAME_FTS}_delete AFTER DELETE ON {COMPANY_TABLE} "  # noqa: S608
        f"BEGIN DELETE FROM {NAME_FTS} WHERE rowid = old.id; END"
    ),
    f"{NAME_FTS}_update": (
        f"CREATE TRIGGER IF NOT EXISTS {NAME_FTS}_update AFTER UPDATE OF "  # noqa: S608
        f"id, {', '.join(INDEXED)} ON {COMPANY_TABLE} WHEN {_CHANGED} "
        f"BEGIN DELETE FROM {NAME_FTS} WHERE rowid = old.id; {_INSERT_NEW} END"
    ),
}
REFILL = (
    f"INSERT INTO {NAME_FTS} (rowid, {', '.join(INDEXED)}) "  # noqa: S608
    f"SELECT id, {', '.join(INDEXED)} FROM {COMPANY_TABLE}"
)


def ensure_name_index(connection: Any) -> bool:
    """Create the SQLite name index and its triggers where missing, refilling the index
    when anything was missing; returns whether it did. Nothing on other databases or
    before the company table exists."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT type, name FROM sqlite_master WHERE name IN (%s, %s, %s, %s, %s)",
            [COMPANY_TABLE, NAME_FTS, *TRIGGERS],
        )
        present = {name for _type, name in cursor.fetchall()}
        if COMPANY_TABLE not in present:
            return False
        if {NAME_FTS, *TRIGGERS} <= present:
            return False
        cursor.execute(CREATE_TABLE)
        for statement in TRIGGERS.values():
            cursor.execute(statement)
        cursor.execute(f"DELETE FROM {NAME_FTS}")  # noqa: S608
        cursor.execute(REFILL)
    return True


def purge_old_entries(connection: Any) -> None:
    """Merge the index's segments so that no trace of a replaced or deleted row's text is
    left in them (FTS5 records a deletion as a marker beside the old entries until segments
    merge; an erasure wants them gone). About 0.3 s at 100,000 firms."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {NAME_FTS} ({NAME_FTS}) VALUES ('optimize')")  # noqa: S608


def drop_name_index(connection: Any) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {NAME_FTS}")


def _all_trigrams(text: str) -> str:
    """An FTS5 query for the rows holding every trigram of ``text`` (in any column)."""
    grams = dict.fromkeys(text[i : i + MIN_CHARS] for i in range(len(text) - MIN_CHARS + 1))
    return "(" + " AND ".join('"' + gram.replace('"', '""') + '"' for gram in grams) + ")"


def name_candidates(
    connection: Any, text: str, key: str, digits: str | None
) -> tuple[str, list[str]] | None:
    """SQL (and its parameters) selecting the ids of the companies whose indexed fields may
    hold ``text`` (names, city), ``key`` (name keys, when 2+ characters long) or ``digits``
    (the registry identifier, when given), for ``id IN (...)``; None where the index cannot
    answer (not SQLite, or a text, key or digits under 3 characters).

    A row is a candidate when it holds every trigram of one of them, in any column: a
    superset of the LIKEs' matches, which then decide. The table keeps no positions
    (``detail=none``: a fifth of the size, faster to write and to read; phrase queries need
    positions and the LIKEs check the order anyway)."""
    if connection.vendor != "sqlite" or len(text) < MIN_CHARS:
        return None
    if 2 <= len(key) < MIN_CHARS or (digits is not None and len(digits) < MIN_CHARS):
        return None
    wanted = [text, *([key] if len(key) >= MIN_CHARS else []), *([digits] if digits else [])]
    query = " OR ".join(_all_trigrams(piece) for piece in dict.fromkeys(wanted))
    return f"SELECT rowid FROM {NAME_FTS} WHERE {NAME_FTS} MATCH %s", [query]  # noqa: S608
