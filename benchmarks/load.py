"""Load test: start the site, run Locust headless against it, report per route.

    JEMBATAN_VAR_DIR=/tmp/load PYTHONPATH=src python benchmarks/load_data.py --companies 100000
    JEMBATAN_VAR_DIR=/tmp/load PYTHONPATH=src python benchmarks/load.py \\
        [--users 50] [--spawn-rate 10] [--time 2m] [--max-requests 20000] [--out DIR]

(with DATABASE_URL=postgres://... on both lines for PostgreSQL). Starts
``python -m jembatan serve --insecure`` (gunicorn, default workers) on 127.0.0.1 and a free
port, with the database and var directory of the environment, waits until it answers,
sends a few warm-up requests (each gunicorn worker loads the encoder on its first search),
runs ``locust -f benchmarks/locustfile.py --headless`` bounded in users, time and requests,
stops the server and prints a Markdown table: requests, throughput, p50/p95/p99 and errors
per route. For the slowest routes (by p95) it then counts the SQL queries of one request
with Django's test Client and CaptureQueriesContext on the same database.

The expression-of-interest cap (JEMBATAN_MAX_OPEN_INTERESTS) is raised for the server:
a few hundred accounts post for two minutes, and the cap would turn posts into refusals.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SLOWEST = 6


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(var_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["JEMBATAN_VAR_DIR"] = str(var_dir)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
    env["JEMBATAN_MAX_OPEN_INTERESTS"] = "100000"
    env["JEMBATAN_NOTIFICATIONS_DELIVERY"] = "cron"  # no e-mail threads in the web workers
    env.pop("DEBUG", None)
    return env


def start_server(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    argv = [PYTHON, "-m", "jembatan", "serve", "--insecure", "--bind", f"127.0.0.1:{port}"]
    with log.open("wb") as out:
        server = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: see {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5):
                return server
        except OSError:
            time.sleep(0.5)
    stop_server(server)
    raise SystemExit("the server did not answer within 120 s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.send_signal(signal.SIGTERM)  # gunicorn's master: graceful stop of the workers
    try:
        server.wait(timeout=40)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _signed_in_opener(base: str, listing: dict[str, Any], n: int) -> Any:
    import http.cookiejar
    import re

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    data = urllib.parse.urlencode(
        {
            "username": listing["users"][n]["username"],
            "password": listing["password"],
            "csrfmiddlewaretoken": token.group(1) if token else "",
        }
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        f"{base}/accounts/login/", data=data, headers={"Referer": f"{base}/accounts/login/"}
    )
    opener.open(request).read()
    return opener


def warm_up(port: int, listing: dict[str, Any], rounds: int = 3) -> None:
    """Search and open recommendations from several clients at once, a few rounds, so that
    every gunicorn worker has loaded the encoder and mapped the indexes (a sequential
    warm-up keeps hitting the same idle worker)."""
    from concurrent.futures import ThreadPoolExecutor

    base = f"http://127.0.0.1:{port}"
    clients = 8

    def visit(n: int) -> None:
        opener = _signed_in_opener(base, listing, n)
        profile = listing["users"][n]["profiles"][0]
        for r in range(rounds):
            query = urllib.parse.quote(["kemasan", "包装", "packaging"][(n + r) % 3])
            opener.open(f"{base}/matching/search/?q={query}&type=profile").read()
            opener.open(f"{base}/matching/profiles/{profile}/").read()

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(visit, range(clients)))


def run_locust(args: argparse.Namespace, port: int, out: Path, env: dict[str, str]) -> int:
    argv = [
        PYTHON, "-m", "locust", "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless",
        "-u", str(args.users), "-r", str(args.spawn_rate), "-t", args.time,
        "--host", f"http://127.0.0.1:{port}", "--csv", str(out / "locust"), "--only-summary",
        "--stop-timeout", "10",
    ]  # fmt: skip
    env = dict(env)
    env["LOAD_USERS"] = str(Path(env["JEMBATAN_VAR_DIR"]) / "load_users.json")
    env["LOAD_MAX_REQUESTS"] = str(args.max_requests)
    with (out / "locust.log").open("wb") as log:
        return subprocess.call(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def read_stats(out: Path) -> list[dict[str, str]]:
    with (out / "locust_stats.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def sample_url(name: str, account: dict[str, Any], listing: dict[str, Any]) -> str | None:
    """One URL of the route that a locust request name stands for."""
    company = (listing["companies"][0] + listing["companies"][1]) // 2
    profile = (listing["profiles"][0] + listing["profiles"][1]) // 2
    query = {"(id)": "kemasan plastik", "(ja)": "包装機械", "(en)": "packaging machinery"}
    language = next((q for key, q in query.items() if key in name), "")
    urls = {
        "directory: page": "/companies/?page=20",
        "directory: filtered": "/companies/?region=JP-23",
        "directory: text": f"/companies/?q={language}",
        "search: profile": f"/matching/search/?q={language}&type=profile",
        "search: company": f"/matching/search/?q={language}&type=company",
        "company: page": f"/companies/{company}/",
        "recommendations: profile": f"/matching/profiles/{account['profiles'][0]}/",
        "interest: form": f"/interests/new/{profile}/",
        "login: form": "/accounts/login/",
        "login: post + home": "/",  # the sign-in redirects home: its queries are home's
    }
    return next((url for key, url in urls.items() if name.startswith(key)), None)


def query_counts(names: list[str], var_dir: Path, out: Path) -> dict[str, str]:
    """SQL queries of one request per route, on the same database (test Client)."""
    os.environ["JEMBATAN_VAR_DIR"] = str(var_dir)
    os.environ["JEMBATAN_MAX_OPEN_INTERESTS"] = "100000"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jembatan.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from jembatan.accounts.models import User

    listing = json.loads((var_dir / "load_users.json").read_text(encoding="utf-8"))
    account = listing["users"][1]
    client = Client()
    client.force_login(User.objects.get(username=account["username"]))
    counts: dict[str, str] = {}
    slow_sql = []
    for name in names:
        url = sample_url(name, account, listing)
        if url is None:
            continue
        client.get(url)  # once to warm caches (encoder, index), then counted
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            counts[name] = f"HTTP {response.status_code}"
            continue
        slowest = max(queries.captured_queries, key=lambda q: float(q["time"]), default=None)
        took = float(slowest["time"]) * 1000 if slowest else 0.0
        counts[name] = f"{len(queries)} (slowest {took:.0f} ms)"
        if slowest:
            slow_sql.append(f"{name}: {took:.0f} ms\n    {slowest['sql'][:600]}\n")
    (out / "slowest_queries.txt").write_text("\n".join(slow_sql), encoding="utf-8")
    return counts


def markdown(rows: list[dict[str, str]], counts: dict[str, str]) -> str:
    head = (
        "| Route | Requests | Errors | Req/s | p50 ms | p95 ms | p99 ms | SQL queries |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    lines = []
    for row in sorted(rows, key=lambda r: (r["Name"] == "Aggregated", -float(r["95%"] or 0))):
        name = "**all**" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        queries = counts.get(row["Name"])
        lines.append(
            f"| {name} | {row['Request Count']} | {row['Failure Count']} | "
            f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} | {row['99%']} | "
            f"{queries or ''} |"
        )
    return head + "\n".join(lines) + "\n"


def uptime() -> str:
    """The 1, 5 and 15 minute load averages, as `uptime` shows them."""
    return ", ".join(Path("/proc/loadavg").read_text(encoding="utf-8").split()[:3])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=int, default=10)
    parser.add_argument("--time", default="2m", help="locust's -t (default 2m)")
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--out", type=Path, default=None, help="default: VAR_DIR/load-<time>")
    args = parser.parse_args(argv)
    var_dir = Path(os.environ.get("JEMBATAN_VAR_DIR", str(ROOT / "var"))).resolve()
    listing = json.loads((var_dir / "load_users.json").read_text(encoding="utf-8"))
    out = args.out or var_dir / time.strftime("load-%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    env = server_env(var_dir)
    port = free_port()
    load_before = uptime()
    server = start_server(port, env, out / "server.log")
    try:
        warm_up(port, listing)
        started = time.monotonic()
        code = run_locust(args, port, out, env)
        took = time.monotonic() - started
    finally:
        stop_server(server)
    load_after = uptime()
    rows = read_stats(out)
    slowest = [
        r["Name"]
        for r in sorted(rows, key=lambda r: -float(r["95%"] or 0))
        if r["Name"] != "Aggregated"
    ][:SLOWEST]
    counts = query_counts(slowest, var_dir, out)
    from django.db import connection

    table = markdown(rows, counts)
    summary = (
        f"{connection.vendor}, {args.users} users, {args.time} (took {took:.0f} s, locust "
        f"exit {code}), load average {load_before} before and {load_after} after\n\n"
    )
    (out / "results.md").write_text(summary + table, encoding="utf-8")
    print(summary + table)
    print(f"files in {out}")


if __name__ == "__main__":
    main()
