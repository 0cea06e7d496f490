"""The directory, its filters and searches, a company page, the validation queue and the
API's company list at national size: p50/p95, SQL queries, and the plans of the slowest.

Run on a database filled by benchmarks/scale_data.py (the same JEMBATAN_VAR_DIR and
DATABASE_URL), as its officer and as one of its company members:

    JEMBATAN_VAR_DIR=/tmp/scale PYTHONPATH=src python benchmarks/pages_scale.py [NAME ...]

NAME keeps only the routes whose name contains it. REPS (default 20) requests are timed per
route after one warm-up (the count cache is cleared before each, so every request pays for
its count as the first reader of a minute does); PLANS (default 6) how many of the slowest
routes get the plan of their slowest query (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on
PostgreSQL). Beside the wall clock, each route's CPU time in this thread (time.thread_time:
on SQLite its queries included, on PostgreSQL not) tells the work from the wait for a core
on a loaded machine. The baselines, timed in the same run: a ``SELECT 1`` round trip and a trivial
API page (the certifications, a dozen rows). The goal (issue 15) is p95 under 300 ms.
docs/benchmarks.md, "Pages and search at national size", holds the figures.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

GOAL_MS = 300.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def samples(listing: dict[str, Any]) -> dict[str, Any]:
    """Identifiers to look for, read from the database (a firm in the middle of the table)."""
    from jembatan.registry.models import Company

    first, last = listing["companies"]
    middle = (first + last) // 2
    indonesian = Company.objects.filter(pk__gte=middle, country="ID").order_by("pk").first()
    japanese = Company.objects.filter(pk__gte=middle, country="JP").order_by("pk").first()
    assert indonesian is not None
    assert japanese is not None
    return {"middle": middle, "nib": indonesian.registry_id, "corporate": japanese.registry_id}


def routes(
    listing: dict[str, Any], found: dict[str, Any]
) -> list[tuple[str, str, str, dict[str, str]]]:
    """(who, name, url, query): the officer sees every country, a member the other one."""
    directory = "/companies/"
    both = [
        ("directory", directory, {}),
        ("directory: page 2", directory, {"page": "2"}),
        ("directory: deep page (400)", directory, {"page": "400"}),
        ("filter: region", directory, {"region": "ID-JB"}),
        ("filter: sector", directory, {"sector": "food-beverage"}),
        ("filter: size", directory, {"size_class": "medium"}),
        ("filter: certification", directory, {"certification": "iso9001"}),
        ("filter: verification", directory, {"verification": "rejected"}),
        (
            "filter: size+region+sector",
            directory,
            {"size_class": "small", "region": "ID-JT", "sector": "furniture-wood"},
        ),
        ("search: name (Latin)", directory, {"q": "maju"}),
        ("search: name (Japanese)", directory, {"q": "工業"}),
        ("search: NIB", directory, {"q": found["nib"], "country": ""}),
        ("search: corporate number", directory, {"q": found["corporate"], "country": ""}),
        ("company page", f"/companies/{found['middle']}/", {}),
        ("API: company list", "/api/v1/companies/", {}),
        ("API: company list, page 2", "/api/v1/companies/", {"page": "2"}),
        (
            "API: filtered (region, size)",
            "/api/v1/companies/",
            {"region": "JP-23", "size_class": "sme"},
        ),
    ]
    listed = [("officer", name, url, query) for name, url, query in both]
    listed.append(("officer", "validation queue", "/companies/validation/", {}))
    listed.append(("officer", "validation queue: page 2", "/companies/validation/", {"page": "2"}))
    listed += [("member", name, url, query) for name, url, query in both]
    return listed


def explain(connection: Any, sql: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            return "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def main(only: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jembatan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from jembatan.accounts.models import User
    from jembatan.registry.models import Company

    reps = int(os.environ.get("REPS", "20"))
    listing = json.loads((Path(settings.VAR_DIR) / "load_users.json").read_text())
    found = samples(listing)
    clients = {}
    for who, username in (
        ("officer", listing["officer"]),
        ("member", listing["users"][7]["username"]),
    ):
        clients[who] = Client(HTTP_HOST="127.0.0.1")
        clients[who].force_login(User.objects.get(username=username))

    cpu_times: list[float] = []

    def timed(call: Any) -> list[float]:
        call()
        times = []
        cpu_times.clear()
        for _ in range(reps):
            cache.clear()
            started, cpu = time.perf_counter(), time.thread_time()
            call()
            times.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.thread_time() - cpu) * 1000)
        return times

    def select_one() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()

    load = os.getloadavg()
    total = Company.objects.order_by().count() if os.environ.get("COUNT") else None
    print(
        f"{connection.vendor}, {listing['companies'][1]:,} companies"
        + (f" (counted {total:,})" if total is not None else "")
        + f", REPS={reps}, load average {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}"
    )
    round_trip = statistics.median(timed(select_one))
    trivial = timed(lambda: clients["officer"].get("/api/v1/certifications/"))
    baseline = statistics.median(trivial)
    print(
        f"baseline: SELECT 1 {round_trip:.2f} ms; trivial API page p50 {baseline:.1f} ms, "
        f"p95 {percentile(trivial, 0.95):.1f} ms\n"
    )
    trivial_cpu = statistics.median(cpu_times)
    print(f"trivial API page CPU p50 {trivial_cpu:.1f} ms\n")
    print(
        "| Who | Route | p50 ms | p95 ms | p95 / trivial page | CPU p95 ms | queries "
        "| slowest query ms |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    slowest_sql: list[tuple[float, str, str]] = []
    met = True
    for who, name, url, query in routes(listing, found):
        if only and not any(part in name for part in only):
            continue
        client = clients[who]
        captured_last: list[dict[str, Any]] = []

        def call(
            client: Any = client,
            url: str = url,
            query: dict[str, str] = query,
            captured_last: list[dict[str, Any]] = captured_last,
        ) -> None:
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url, query)
            assert response.status_code == 200, (url, query, response.status_code)
            captured_last[:] = captured.captured_queries

        times = timed(call)
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        met = met and p95 < GOAL_MS
        worst = max(captured_last, key=lambda q: float(q["time"]), default=None)
        worst_ms = float(worst["time"]) * 1000 if worst else 0.0
        cpu95 = percentile(cpu_times, 0.95)
        print(
            f"| {who} | {name} | {p50:.0f} | {p95:.0f} | {p95 / baseline:.1f} | {cpu95:.0f} | "
            f"{len(captured_last)} | {worst_ms:.0f} |",
            flush=True,
        )
        if worst is not None:
            slowest_sql.append((p95, f"{who}: {name} ({worst_ms:.0f} ms)", worst["sql"]))
    print(f"\ngoal (p95 < {GOAL_MS:.0f} ms on every route): {'met' if met else 'NOT met'}")
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}")
    for _, title, sql in sorted(slowest_sql, reverse=True)[: int(os.environ.get("PLANS", "6"))]:
        print(f"\n### {title}\n\n{sql[:600]}\n")
        try:
            print(explain(connection, sql))
        except Exception as error:  # a query the log cannot replay as written
            print(f"(not explained: {error})")


if __name__ == "__main__":
    main(sys.argv[1:])
