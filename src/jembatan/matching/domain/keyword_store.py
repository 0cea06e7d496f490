"""Keyword search in the database, one function for both backends.

- SQLite: an FTS5 table with the trigram tokenizer (``matching_keyword_fts``, created by
  this app's migration), queried with the query's trigrams joined by OR and ranked by
  bm25;
- PostgreSQL: ``pg_trgm``'s ``word_similarity`` over ``matching_keyworddocument``.

On both, a hit must cover at least ``MIN_COVERAGE`` of the query's trigrams (the share of
its trigrams found in the text, as pg_trgm's word_similarity measures), so that a
Japanese query does not pull in every Indonesian text that shares a number with it. Texts
are stored NFKC-normalised and case-folded (domain/keyword.py), queries likewise.

S608 is silenced where SQL is built with f-strings: the only interpolated names are the
constant FTS_TABLE and fixed fragments; every value goes through a placeholder.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from typing import Any

from django.db import connection

from jembatan.matching.domain.keyword import KeywordHit, normalise_text, trigrams
from jembatan.matching.models import KeywordDocument

FTS_TABLE = "matching_keyword_fts"
FTS_CREATE = f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(body, tokenize='trigram')"
MIN_COVERAGE = 0.5
MAX_QUERY_TERMS = 96
CANDIDATES = 200


def query_terms(query: str) -> list[str]:
    """The query's trigrams (unpadded, as FTS5 stores them), at most MAX_QUERY_TERMS."""
    text = normalise_text(query)
    terms = sorted({text[i : i + 3] for i in range(len(text) - 2)} - {""})
    terms = [t for t in terms if t.strip() and len(t) == 3]
    if len(terms) > MAX_QUERY_TERMS:
        step = len(terms) / MAX_QUERY_TERMS
        terms = [terms[int(i * step)] for i in range(MAX_QUERY_TERMS)]
    return terms


def match_expression(terms: list[str]) -> str:
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)


def coverage(query: str, body: str) -> float:
    """Share of the query's trigrams that occur in ``body`` (both normalised)."""
    wanted = trigrams(query)
    return len(wanted & trigrams(body)) / len(wanted) if wanted else 0.0


def rank_by_coverage(
    query: str, rows: list[tuple[int, str]], k: int, allowed: Collection[int] | None
) -> list[KeywordHit]:
    hits = [
        KeywordHit(key, score)
        for key, body in rows
        if allowed is None or key in allowed
        for score in [coverage(query, body)]
        if score >= MIN_COVERAGE
    ]
    hits.sort(key=lambda hit: (-hit.score, hit.key))
    return hits[:k]


def sqlite_candidates(
    cursor: Any,
    query: str,
    limit: int,
    join: str = "",
    where: str = "",
    params: tuple[Any, ...] = (),
    placeholder: str = "?",
) -> list[tuple[int, str]]:
    """(rowid or object id, body) of the best ``limit`` FTS5 matches by bm25.

    ``placeholder`` is the cursor's parameter style: ``?`` for a plain sqlite3 cursor,
    ``%s`` for Django's (which logs the query like any other)."""
    terms = query_terms(query)
    if not terms:
        return []
    select = f"SELECT {'d.object_id' if join else 'f.rowid'}, f.body FROM {FTS_TABLE} f {join}"  # noqa: S608
    p = placeholder
    sql = f"{select} WHERE {FTS_TABLE} MATCH {p} {where} ORDER BY bm25({FTS_TABLE}) LIMIT {p}"
    cursor.execute(sql, (match_expression(terms), *params, limit))
    return [(int(key), str(body)) for key, body in cursor.fetchall()]


def upsert_document(object_type: str, object_id: int, text: str) -> None:
    body = normalise_text(text)
    document, _ = KeywordDocument.objects.update_or_create(
        object_type=object_type, object_id=object_id, defaults={"body": body}
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [document.pk])  # noqa: S608
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, body) VALUES (%s, %s)",  # noqa: S608
                [document.pk, body],
            )


def remove_document(object_type: str, object_id: int) -> None:
    ids = list(
        KeywordDocument.objects.filter(object_type=object_type, object_id=object_id).values_list(
            "pk", flat=True
        )
    )
    if not ids:
        return
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for pk in ids:
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])  # noqa: S608
    KeywordDocument.objects.filter(pk__in=ids).delete()


def clear_documents(object_type: str) -> None:
    for object_id in KeywordDocument.objects.filter(object_type=object_type).values_list(
        "object_id", flat=True
    ):
        remove_document(object_type, object_id)


def keyword_search(
    object_type: str, query: str, k: int = 50, allowed: Collection[int] | None = None
) -> list[KeywordHit]:
    """The best ``k`` objects of ``object_type`` for ``query`` by keywords, best first."""
    limit = max(CANDIDATES, 4 * k)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            rows = sqlite_candidates(
                cursor,
                query,
                limit,
                join="JOIN matching_keyworddocument d ON d.id = f.rowid",
                where="AND d.object_type = %s",
                params=(object_type,),
                placeholder="%s",
            )
        return rank_by_coverage(query, rows, k, allowed)
    if connection.vendor == "postgresql":
        body = normalise_text(query)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT object_id, word_similarity(%s, body) AS score "
                "FROM matching_keyworddocument WHERE object_type = %s "
                "AND word_similarity(%s, body) >= %s "
                "ORDER BY score DESC, object_id LIMIT %s",
                [body, object_type, body, MIN_COVERAGE, limit],
            )
            rows = cursor.fetchall()
        hits = [KeywordHit(int(key), float(score)) for key, score in rows]
        return [h for h in hits if allowed is None or h.key in allowed][:k]
    raise NotImplementedError(f"keyword search on {connection.vendor} is not implemented")


class InMemoryFts:
    """The SQLite FTS5 path on a private in-memory database, for ``jembatan matching eval``:
    the same tokenizer, query and coverage rule, without touching the product database."""

    def __init__(self, texts: list[str]) -> None:
        self._db = sqlite3.connect(":memory:")
        self._db.execute(FTS_CREATE)
        self._db.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, body) VALUES (?, ?)",  # noqa: S608
            [(position, normalise_text(text)) for position, text in enumerate(texts)],
        )

    def search(self, query: str, k: int = 50) -> list[KeywordHit]:
        rows = sqlite_candidates(self._db.cursor(), query, max(CANDIDATES, 4 * k))
        return rank_by_coverage(query, rows, k, None)
