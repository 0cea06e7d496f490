"""Benchmark PostgreSQL keyword candidates: whole words first against word similarity alone.

    DATABASE_URL=postgres://.../load_db PYTHONPATH=src python benchmarks/keyword_candidates.py

On a database filled by benchmarks/load_data.py (or any with keyword documents), for the
load test's 24 query texts (benchmarks/locustfile.py) and both object types: times the
product's candidate query (`keyword_store._candidate_rows`: whole-word LIKEs answered by
the trigram GIN index, word similarity only when they find too few) against the baseline
timed in the same run, the word-similarity query alone (what the product ran before), and
compares the hits each yields after the same coverage ranking: the share of the baseline's
top 10 that the product's top 10 keeps (ties of equal coverage are broken by id, so a low
share with equal scores is another choice among equals), their mean coverage, and how many queries fell back to word similarity.
Nothing is cached: both paths query the database every time.
"""

from __future__ import annotations

import ast
import os
import statistics
import time
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent


def load_test_queries() -> dict[str, tuple[str, ...]]:
    """The locustfile's QUERIES, read without importing Locust (it patches the process)."""
    tree = ast.parse((ROOT / "benchmarks" / "locustfile.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "QUERIES":
            return cast(dict[str, tuple[str, ...]], ast.literal_eval(cast(ast.expr, node.value)))
    raise SystemExit("benchmarks/locustfile.py has no QUERIES")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jembatan.settings")
    import django

    django.setup()
    from django.db import connection, transaction

    from jembatan.matching.domain import keyword_store
    from jembatan.matching.domain.keyword import normalise_text

    queries = load_test_queries()
    if connection.vendor != "postgresql":
        raise SystemExit("This benchmark measures the PostgreSQL path (set DATABASE_URL).")

    def baseline(object_type: str, query: str, limit: int) -> list[tuple[int, str]]:
        body = normalise_text(query)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
                [str(keyword_store.MIN_COVERAGE)],
            )
            cursor.execute(keyword_store.PG_TRIGRAM_CANDIDATES, [object_type, body, body, limit])
            return [(int(key), str(text)) for key, text in cursor.fetchall()]

    limit = keyword_store.CANDIDATES
    print(f"load average {os.getloadavg()[0]:.2f}; {limit} candidates per query")
    print(
        "| Type | Query | Word similarity ms | Product ms | Ratio | Top 10 kept "
        "| Top 10 coverage (before / after) | Fell back |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---|")
    old_ms: list[float] = []
    new_ms: list[float] = []
    kept: list[float] = []
    fell_back = 0
    for object_type in ("profile", "company"):
        for query in (q for texts in queries.values() for q in texts):
            started = time.perf_counter()
            old_rows = baseline(object_type, query, limit)
            old = (time.perf_counter() - started) * 1000
            body = normalise_text(query)
            started = time.perf_counter()
            with transaction.atomic(), connection.cursor() as cursor:
                rows = keyword_store.pg_trigram_rows(cursor, object_type, body, limit)
            new = (time.perf_counter() - started) * 1000
            _rows, term_rows = keyword_store._candidate_rows(object_type, query, limit)
            with connection.cursor() as cursor:
                words = keyword_store._pg_word_candidates(cursor, object_type, body, limit)
            back = len(words) < limit
            fell_back += back
            old_hits = keyword_store.rank_by_coverage(query, old_rows, 10, None, term_rows)
            new_hits = keyword_store.rank_by_coverage(query, rows, 10, None, term_rows)
            old_keys = {hit.key for hit in old_hits}
            scores = (
                statistics.mean(h.score for h in old_hits) if old_hits else 0.0,
                statistics.mean(h.score for h in new_hits) if new_hits else 0.0,
            )
            share = (
                len(old_keys & {hit.key for hit in new_hits}) / len(old_keys) if old_keys else 1.0
            )
            old_ms.append(old)
            new_ms.append(new)
            kept.append(share)
            print(
                f"| {object_type} | {query} | {old:.0f} | {new:.0f} | {old / new:.1f}x "
                f"| {share:.2f} | {scores[0]:.2f} / {scores[1]:.2f} | {'yes' if back else 'no'} |"
            )
    p95 = lambda values: sorted(values)[int(0.95 * (len(values) - 1))]  # noqa: E731
    print(
        f"\nmedian {statistics.median(old_ms):.0f} -> {statistics.median(new_ms):.0f} ms, "
        f"p95 {p95(old_ms):.0f} -> {p95(new_ms):.0f} ms, max {max(old_ms):.0f} -> "
        f"{max(new_ms):.0f} ms; top 10 kept {statistics.mean(kept):.2f} on average; "
        f"{fell_back} of {len(new_ms)} fell back to word similarity; "
        f"load average {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
