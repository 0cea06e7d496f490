"""Keyword search in the database, one function for both backends.

- SQLite: an FTS5 table with the trigram tokenizer (``matching_keyword_fts``, created by
  this app's migration), queried with the query's trigrams joined by OR and ranked by
  bm25;
- PostgreSQL: the documents holding a whole query word (``LIKE``, answered by the GIN
  trigram index over ``matching_keyworddocument.body``), the most words first; only when
  fewer than the candidates wanted hold one, ``pg_trgm``'s word similarity (the ``<%``
  operator, on the same index) adds the near ones, typos included.

Beside the trigrams, each document keeps its word terms (domain/tokens.py: SudachiPy's
normalised forms, so 空缶 finds 空き缶 and two-character Japanese words are searchable):
on SQLite in a second FTS5 table (``matching_keyword_terms_fts``, ascii tokenizer), on
PostgreSQL through a GIN index on ``string_to_array(terms, ' ')``.

A hit must cover at least ``MIN_COVERAGE`` of the query's trigrams (the share of its
trigrams found in the text, as pg_trgm's word_similarity measures) or of its word terms,
so that a Japanese query does not pull in every Indonesian text that shares a number with
it; its score is the better of the two shares. Texts are stored NFKC-normalised and
case-folded (domain/keyword.py), queries likewise.

S608 is silenced where SQL is built with f-strings: the only interpolated names are the
constant FTS_TABLE and fixed fragments; every value goes through a placeholder.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Collection, Sequence
from typing import Any

from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import QuerySet

from jembatan.matching.domain.keyword import KeywordHit, normalise_text, trigrams
from jembatan.matching.domain.tokens import term_coverage, terms_text, word_terms
from jembatan.matching.domain.visible import keep_visible
from jembatan.matching.models import KeywordDocument

FTS_TABLE = "matching_keyword_fts"
FTS_CREATE = f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(body, tokenize='trigram')"
TERMS_TABLE = "matching_keyword_terms_fts"
TERMS_CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TERMS_TABLE} USING fts5(terms, tokenize='ascii')"
)
MIN_COVERAGE = 0.5
MAX_QUERY_TERMS = 96
MAX_QUERY_WORDS = 8  # words looked up (and scored) by LIKE on PostgreSQL
CANDIDATES = 200
# word_similarity(query, body) >= the transaction's threshold, best first (<<-> is one
# minus word_similarity); "%%" is a literal % for the driver.
PG_TRIGRAM_CANDIDATES = (
    "SELECT object_id, body FROM matching_keyworddocument WHERE object_type = %s "
    "AND %s <%% body ORDER BY %s <<-> body, object_id LIMIT %s"
)


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
    """How well ``body`` covers the query's words by trigrams, in [0, 1]: the mean over the
    query's words of the share of each word's trigrams found in ``body``, a word counting
    only when at least MIN_COVERAGE of it is found (both normalised).

    Per word, so that a long text does not cover a query of several words with trigrams
    scattered over other words: "packaging machine distributor" is not found in a text
    about food that merely holds "ing", "ine", "dis" and "tor". A Japanese query, written
    without spaces, is one word: its share of trigrams as before."""
    words = normalise_text(query).split()
    if not words:
        return 0.0
    have = trigrams(body)
    total = 0.0
    for word in words:
        wanted = trigrams(word)
        share = len(wanted & have) / len(wanted) if wanted else 0.0
        total += share if share >= MIN_COVERAGE else 0.0
    return total / len(words)


def rank_by_coverage(
    query: str,
    rows: list[tuple[int, str]],
    k: int,
    allowed: Collection[int] | None,
    term_rows: Sequence[tuple[int, str]] = (),
    scores: dict[int, float] | None = None,
) -> list[KeywordHit]:
    """Rank candidates by the better of trigram coverage (``rows``: key, body) and word-term
    coverage (``term_rows``: key, terms); ``scores`` are trigram shares already known."""
    best: dict[int, float] = dict(scores or {})
    for key, body in rows:
        best[key] = max(best.get(key, 0.0), coverage(query, body))
    wanted = word_terms(query) if term_rows else []
    for key, stored in term_rows:
        best[key] = max(best.get(key, 0.0), term_coverage(wanted, stored))
    hits = [
        KeywordHit(key, score)
        for key, score in best.items()
        if (allowed is None or key in allowed) and score >= MIN_COVERAGE
    ]
    hits.sort(key=lambda hit: (-hit.score, hit.key))
    return hits[:k]


def terms_match_expression(terms: list[str]) -> str:
    return match_expression(terms[:MAX_QUERY_TERMS])


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


def sqlite_term_candidates(
    cursor: Any,
    query: str,
    limit: int,
    join: str = "",
    where: str = "",
    params: tuple[Any, ...] = (),
    placeholder: str = "?",
) -> list[tuple[int, str]]:
    """(rowid or object id, terms) of the best ``limit`` word-term matches by bm25."""
    terms = word_terms(query)
    if not terms:
        return []
    select = f"SELECT {'d.object_id' if join else 't.rowid'}, t.terms FROM {TERMS_TABLE} t {join}"  # noqa: S608
    p = placeholder
    sql = f"{select} WHERE {TERMS_TABLE} MATCH {p} {where} ORDER BY bm25({TERMS_TABLE}) LIMIT {p}"
    cursor.execute(sql, (terms_match_expression(terms), *params, limit))
    return [(int(key), str(stored)) for key, stored in cursor.fetchall()]


# A query's ranked hits (ids and scores only, before any visibility filter) are kept in
# the "search" cache for CACHE_SECONDS: the same words typed again skip the trigram scan
# (0.3 s on SQLite, seconds on PostgreSQL at 300,000 documents). Every change of a
# document bumps a generation number that is part of every key (at once and again at
# commit), so a shared cache (files or Redis) is never stale; a per-process one at most
# CACHE_SECONDS. No text is cached.
SEARCH_CACHE = "search"
CACHE_SECONDS = 300
_GENERATION = "keyword:generation"
Rows = tuple[list[tuple[int, str]], list[tuple[int, str]]]


def cached_by_generation(name: str, compute: Callable[[], Any]) -> Any:
    """``compute()``'s value (ids and scores, never text), kept in the "search" cache for
    CACHE_SECONDS under ``name`` and the current generation: any document change (a profile
    published, closed or edited, a company changed, an index rebuilt) retires every entry.
    Callers filter what they read for visibility at read time."""
    store = caches[SEARCH_CACHE]
    key = _generation_key(store, name)
    found = store.get(key)
    if found is None:
        found = compute()
        store.set(key, found, CACHE_SECONDS)
    return found


def read_by_generation(name: str) -> Any:
    """What `store_by_generation` (or `cached_by_generation`) kept under ``name`` in the
    current generation, or None."""
    store = caches[SEARCH_CACHE]
    return store.get(_generation_key(store, name))


def store_by_generation(name: str, value: Any) -> None:
    """Keep ``value`` (ids, scores, never anything a viewer may not see) under ``name`` and
    the current generation, for CACHE_SECONDS, like `cached_by_generation`."""
    store = caches[SEARCH_CACHE]
    store.set(_generation_key(store, name), value, CACHE_SECONDS)


def _generation_key(store: Any, name: str) -> str:
    generation = store.get(_GENERATION, 0)
    where = f"{connection.vendor}\0{connection.settings_dict.get('NAME')}"
    digest = hashlib.sha256(f"{where}\0{generation}\0{name}".encode()).hexdigest()
    return f"keyword:{digest}"


def _cached_hits(
    object_type: str, query: str, limit: int, compute: Callable[[], list[KeywordHit]]
) -> list[KeywordHit]:
    found: list[tuple[int, float]] = cached_by_generation(
        f"{object_type}\0{limit}\0{query}",
        lambda: [(hit.key, hit.score) for hit in compute()],
    )
    return [KeywordHit(pk, score) for pk, score in found]


def documents_changed() -> None:
    """Retire every cached entry (at once and again at commit)."""
    _bump_generation()
    transaction.on_commit(_bump_generation)  # a search between now and commit cached old rows


def _bump_generation() -> None:
    store = caches[SEARCH_CACHE]
    try:
        store.incr(_GENERATION)
    except ValueError:  # no generation yet (or evicted): any new value retires old keys
        store.set(_GENERATION, time.time_ns(), None)


def upsert_document(object_type: str, object_id: int, text: str) -> None:
    documents_changed()
    body = normalise_text(text)
    terms = terms_text(text)
    document, _ = KeywordDocument.objects.update_or_create(
        object_type=object_type, object_id=object_id, defaults={"body": body, "terms": terms}
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for table in (FTS_TABLE, TERMS_TABLE):
                cursor.execute(f"DELETE FROM {table} WHERE rowid = %s", [document.pk])  # noqa: S608
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, body) VALUES (%s, %s)",  # noqa: S608
                [document.pk, body],
            )
            cursor.execute(
                f"INSERT INTO {TERMS_TABLE} (rowid, terms) VALUES (%s, %s)",  # noqa: S608
                [document.pk, terms],
            )


def remove_document(object_type: str, object_id: int) -> None:
    ids = list(
        KeywordDocument.objects.filter(object_type=object_type, object_id=object_id).values_list(
            "pk", flat=True
        )
    )
    if not ids:
        return
    documents_changed()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for pk in ids:
                for table in (FTS_TABLE, TERMS_TABLE):
                    cursor.execute(f"DELETE FROM {table} WHERE rowid = %s", [pk])  # noqa: S608
    KeywordDocument.objects.filter(pk__in=ids).delete()


def clear_documents(object_type: str) -> None:
    for object_id in KeywordDocument.objects.filter(object_type=object_type).values_list(
        "object_id", flat=True
    ):
        remove_document(object_type, object_id)


def keyword_search(
    object_type: str,
    query: str,
    k: int = 50,
    allowed: Collection[int] | None = None,
    visible: QuerySet[Any] | None = None,
) -> list[KeywordHit]:
    """The best ``k`` objects of ``object_type`` for ``query`` by keywords, best first:
    among ``allowed`` ids when given, and among those the ``visible`` queryset holds when
    given (checked for the candidates only, one query)."""
    hits = _keyword_hits(object_type, query, k, allowed, unlimited=visible is not None)
    if visible is None:
        return hits
    keep = keep_visible(visible, [hit.key for hit in hits])
    return [hit for hit in hits if hit.key in keep][:k]


def _keyword_hits(
    object_type: str, query: str, k: int, allowed: Collection[int] | None, unlimited: bool
) -> list[KeywordHit]:
    limit = max(CANDIDATES, 4 * k)
    if unlimited:  # every candidate that qualifies: the caller filters, then cuts at k
        k = 2 * limit

    def every_hit() -> list[KeywordHit]:
        rows, term_rows = _candidate_rows(object_type, query, limit)
        return rank_by_coverage(query, rows, len(rows) + len(term_rows), None, term_rows)

    hits = _cached_hits(object_type, query, limit, every_hit)
    if allowed is not None:
        hits = [hit for hit in hits if hit.key in allowed]
    return hits[:k]


def _candidate_rows(object_type: str, query: str, limit: int) -> Rows:
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
            term_rows = sqlite_term_candidates(
                cursor,
                query,
                limit,
                join="JOIN matching_keyworddocument d ON d.id = t.rowid",
                where="AND d.object_type = %s",
                params=(object_type,),
                placeholder="%s",
            )
        return rows, term_rows
    if connection.vendor == "postgresql":
        body = normalise_text(query)
        terms = word_terms(query)[:MAX_QUERY_TERMS]
        with transaction.atomic(), connection.cursor() as cursor:
            rows = pg_trigram_rows(cursor, object_type, body, limit)
            term_rows = pg_term_rows(cursor, object_type, terms, limit) if terms else []
        return rows, term_rows
    raise NotImplementedError(f"keyword search on {connection.vendor} is not implemented")


def pg_trigram_rows(cursor: Any, object_type: str, body: str, limit: int) -> list[tuple[int, str]]:
    """PostgreSQL's trigram candidates (object id, body) for the normalised query ``body``,
    inside the caller's transaction: whole query words pick them, word similarity only when
    they are too few; the per-word coverage (as on SQLite) then decides."""
    rows = _pg_word_candidates(cursor, object_type, body, limit)
    if len(rows) >= limit:
        return rows
    # Too few documents hold a whole query word (a typo in every word, or words under three
    # characters): word similarity also finds the near ones. It rechecks every document
    # holding half the query's trigrams (3-8 s at 300,000 when they are common), so it runs
    # only here. Its operator form (<%, the threshold set for this transaction only) lets
    # the GIN trigram index find them: the function form scanned every document.
    cursor.execute(
        "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(MIN_COVERAGE)]
    )
    cursor.execute(PG_TRIGRAM_CANDIDATES, [object_type, body, body, limit])
    have = {key for key, _ in rows}
    return rows + [(int(key), str(text)) for key, text in cursor.fetchall() if int(key) not in have]


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


COMMON_TERM_SHARE = 0.2  # a word term in more documents than this does not pick candidates
# The query's terms less those PostgreSQL's statistics (the terms index's ANALYZE) count in
# more than COMMON_TERM_SHARE of the documents; all of them when every one is that common
# or before the first ANALYZE. In the statement itself, so that it costs no query of its own.
PG_PICKING_TERMS = (
    "COALESCE(NULLIF(ARRAY(SELECT t FROM unnest(%s::text[]) AS t WHERE t NOT IN ("
    "SELECT e FROM pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) "
    "AS x(e, f) WHERE tablename = 'matching_keyword_terms_gin' AND f > %s AND e IS NOT NULL"
    ")), '{}'), %s::text[])"
)


def pg_term_rows(
    cursor: Any, object_type: str, terms: list[str], limit: int
) -> list[tuple[int, str]]:
    """(object id, terms) of the documents sharing the most query word terms, then the
    shortest, at most ``limit``. Terms that most documents hold (Indonesian "di", "dan")
    still count but do not pick candidates unless every query term is one: the GIN index
    answers the overlap of the others, and each candidate's terms are split once."""
    shared = " + ".join(["(a @> ARRAY[%s])::int"] * len(terms))
    cursor.execute(
        "SELECT object_id, terms FROM (SELECT object_id, terms, string_to_array(terms, ' ') a "  # noqa: S608 (fixed fragments)
        "FROM matching_keyworddocument "
        f"WHERE object_type = %s AND string_to_array(terms, ' ') && {PG_PICKING_TERMS}) c "
        f"ORDER BY {shared} DESC, length(terms), object_id LIMIT %s",
        [object_type, terms, COMMON_TERM_SHARE, terms, *terms, limit],
    )
    return [(int(key), str(stored)) for key, stored in cursor.fetchall()]


def pg_word_likes(body: str) -> list[str]:
    """LIKE patterns for the query's words of 3+ characters (``body`` normalised), each at
    most once, at most MAX_QUERY_WORDS: what the GIN trigram index answers exactly."""
    words = [word for word in dict.fromkeys(body.split()) if len(word) >= 3]
    return [_like(word) for word in words][:MAX_QUERY_WORDS]


def _pg_coverage_sql(body: str) -> tuple[str, list[str]]:
    """SQL computing ``coverage`` (times the number of words) over a column ``padded``
    holding ' ' || body || ' ', with its parameters: per query word, the share of its
    trigrams the text holds, counted when at least MIN_COVERAGE. One substring test per
    trigram of the query's first MAX_QUERY_WORDS words."""
    parts: list[str] = []
    params: list[str] = []
    for word in list(dict.fromkeys(body.split()))[:MAX_QUERY_WORDS]:
        grams = sorted(trigrams(word))
        held = " + ".join(["(padded LIKE %s)::int"] * len(grams))
        parts.append(
            f"(SELECT CASE WHEN h >= {MIN_COVERAGE} * {len(grams)} THEN h::float / {len(grams)} "  # noqa: S608 (numbers and fixed fragments)
            f"ELSE 0 END FROM (SELECT {held} AS h) w)"
        )
        params.extend(_like(gram) for gram in grams)
    return " + ".join(parts) or "0", params


def pg_word_halves(word: str) -> tuple[str, str] | None:
    """LIKE patterns for the two overlapping halves of a word of 5+ characters (more than
    half of it each): a text holding one of them holds at least half the word's trigrams,
    as a near form does ("plastic" for "plastik", "pengemasan" for "kemasan")."""
    if len(word) < 5:
        return None
    size = (len(word) + 1) // 2 + 1
    return _like(word[:size]), _like(word[-size:])


def _pg_rough_score_sql(body: str) -> tuple[str, list[str]]:
    """SQL of a cheap first score over ``body``: per query word two points when the text
    holds it whole, one when it holds one of its halves."""
    parts: list[str] = []
    params: list[str] = []
    for word in list(dict.fromkeys(body.split()))[:MAX_QUERY_WORDS]:
        halves = pg_word_halves(word)
        if halves is None:
            parts.append("(body LIKE %s)::int * 2")
            params.append(_like(word))
        else:
            parts.append(
                "CASE WHEN body LIKE %s THEN 2 WHEN body LIKE %s OR body LIKE %s THEN 1 ELSE 0 END"
            )
            params.extend((_like(word), *halves))
    return " + ".join(parts), params


ROUGH_DEPTH = 10  # candidates kept by the cheap score, per candidate wanted


def _pg_word_candidates(
    cursor: Any, object_type: str, body: str, limit: int
) -> list[tuple[int, str]]:
    """(object id, body) of the documents holding a whole query word, at most ``limit``,
    best first: the ROUGH_DEPTH * ``limit`` best by a cheap score (whole words and their
    halves, then the shortest text) ranked by the same trigram coverage that ranks them
    afterwards (so that for "kemasan plastik", "plastik" with "pengemasan" comes before
    "kemasan" alone). The trigram GIN index answers each LIKE, and every test on a
    candidate is a substring test: a common word costs tens of milliseconds where word
    similarity cost seconds."""
    likes = pg_word_likes(body)
    if not likes:
        return []
    anyone = " OR ".join(["body LIKE %s"] * len(likes))
    rough, rough_params = _pg_rough_score_sql(body)
    score, score_params = _pg_coverage_sql(body)
    cursor.execute(
        f"SELECT object_id, body FROM (SELECT object_id, body, ' ' || body || ' ' AS padded "  # noqa: S608 (fixed fragments)
        f"FROM matching_keyworddocument WHERE object_type = %s AND ({anyone}) "
        f"ORDER BY {rough} DESC, length(body), object_id LIMIT %s) c "
        f"ORDER BY {score} DESC, length(body), object_id LIMIT %s",
        [object_type, *likes, *rough_params, ROUGH_DEPTH * limit, *score_params, limit],
    )
    return [(int(key), str(text)) for key, text in cursor.fetchall()]


class InMemoryFts:
    """The SQLite FTS5 path on a private in-memory database, for ``jembatan matching eval``:
    the same tokenizer, query and coverage rule, without touching the product database."""

    def __init__(self, texts: list[str]) -> None:
        self._db = sqlite3.connect(":memory:")
        self._db.execute(FTS_CREATE)
        self._db.execute(TERMS_CREATE)
        self._db.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, body) VALUES (?, ?)",  # noqa: S608
            [(position, normalise_text(text)) for position, text in enumerate(texts)],
        )
        self._db.executemany(
            f"INSERT INTO {TERMS_TABLE} (rowid, terms) VALUES (?, ?)",  # noqa: S608
            [(position, terms_text(text)) for position, text in enumerate(texts)],
        )

    def search(self, query: str, k: int = 50) -> list[KeywordHit]:
        limit = max(CANDIDATES, 4 * k)
        cursor = self._db.cursor()
        rows = sqlite_candidates(cursor, query, limit)
        term_rows = sqlite_term_candidates(cursor, query, limit)
        return rank_by_coverage(query, rows, k, None, term_rows)
