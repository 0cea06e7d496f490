"""Each route of the load test alone: median time, SQL queries and the slowest query.

Run on a database filled by benchmarks/load_data.py (the same JEMBATAN_VAR_DIR and
DATABASE_URL), signed in as one of its load members, after one warm-up request per route:

    JEMBATAN_VAR_DIR=/tmp/load PYTHONPATH=src python benchmarks/load_routes.py [NAME ...]

NAME keeps only the routes whose name contains it; REPS (default 3) sets the requests
timed per route, ACCOUNT (default 7) which load member signs in; COLD=1 retires every
cached ranking and keyword hit (keyword_store.documents_changed, as any document change
does) before each timed request; CLOCK=cpu times the CPU the request took in this thread
(time.thread_time: with SQLite, its queries included) instead of the wall clock, which on
a loaded machine mostly measures the wait for a core. docs/benchmarks.md, "Each route
alone", holds the figures.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def routes(
    listing: dict[str, Any], account: dict[str, Any]
) -> list[tuple[str, str, dict[str, str]]]:
    first, last = listing["companies"]
    return [
        ("home", "/", {}),
        ("directory: page", "/companies/?page=17", {}),
        ("directory: filtered (region)", "/companies/?region=ID-JB", {}),
        ("directory: filtered (verified, JP)", "/companies/?verification=verified&country=JP", {}),
        ("directory: text (id)", "/companies/", {"q": "kemasan plastik"}),
        ("directory: text (ja)", "/companies/", {"q": "金属加工"}),
        ("search: profile (en)", "/matching/search/", {"q": "metal parts", "type": "profile"}),
        ("search: profile (ja)", "/matching/search/", {"q": "包装機械", "type": "profile"}),
        ("search: company (id)", "/matching/search/", {"q": "batik tulis", "type": "company"}),
        ("company: page", f"/companies/{(first + last) // 2}/", {}),
        ("recommendations: profile", f"/matching/profiles/{account['profiles'][0]}/", {}),
        ("interest: form", f"/interests/new/{listing['profiles'][0] + 500}/", {}),
    ]


def main(only: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jembatan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from jembatan.accounts.models import User
    from jembatan.matching.domain import keyword_store

    listing = json.loads((Path(settings.VAR_DIR) / "load_users.json").read_text())
    account = listing["users"][int(os.environ.get("ACCOUNT", "7"))]
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=account["username"]))
    clock = time.thread_time if os.environ.get("CLOCK") == "cpu" else time.perf_counter
    print("| Route | median ms | queries | slowest query ms |")
    print("|---|---:|---:|---:|")
    for name, url, params in routes(listing, account):
        if only and not any(part in name for part in only):
            continue
        client.get(url, params)  # warm-up: caches, the encoder, the index files
        times: list[float] = []
        queries = 0
        slowest = 0.0
        for _ in range(int(os.environ.get("REPS", "3"))):
            if os.environ.get("COLD"):
                keyword_store.documents_changed()
            with CaptureQueriesContext(connection) as captured:
                started = clock()
                response = client.get(url, params)
                times.append(clock() - started)
            assert response.status_code == 200, (name, response.status_code)
            queries = len(captured.captured_queries)
            slowest = max([float(q["time"]) for q in captured.captured_queries] + [slowest])
        median = statistics.median(times) * 1000
        print(f"| {name} | {median:.0f} | {queries} | {slowest * 1000:.0f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
