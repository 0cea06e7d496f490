"""`jembatan serve`: a real gunicorn with several workers answers pages and WhiteNoise's static
files, stops cleanly on SIGTERM, and refuses unsafe settings unless told it is a trial."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

SRC = Path(__file__).resolve().parents[2] / "src"
STRONG_KEY = secrets.token_urlsafe(50)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _database_url(tmp_path: Path) -> str:
    """pytest-django's test database, migrated: on PostgreSQL itself, on SQLite (in memory)
    a copy in a file, made with SQLite's backup API."""
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
        return f"postgres://{s['USER']}{password}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"
    path = tmp_path / "jembatan.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    copy.close()
    return f"sqlite:///{path}"


@pytest.fixture
def server_env(transactional_db, tmp_path: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_", "DEBUG", "SECRET_KEY"))
    }
    env |= {
        "PYTHONPATH": str(SRC),
        "JEMBATAN_VAR_DIR": str(tmp_path / "var"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "SECRET_KEY": STRONG_KEY,
        "LOG_LEVEL": "WARNING",
    }
    env["DATABASE_URL"] = _database_url(tmp_path)
    return env


@pytest.fixture
def server(server_env: dict[str, str], tmp_path: Path) -> Iterator[tuple[psutil.Popen, str]]:
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    command = [sys.executable, "-m", "jembatan", "serve", "--bind", f"127.0.0.1:{port}"]
    # collectstatic compresses every file (gzip and brotli) and takes most of a minute on a
    # busy machine; WHITENOISE_USE_FINDERS serves the same files without it.
    command += ["--workers", "3", "--no-collectstatic", "--access-log", "-"]
    process = psutil.Popen(command, env=server_env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_it_answers(process, base, tmp_path / "serve.log")
        yield process, base
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        log.close()


def _wait_until_it_answers(process: psutil.Popen, base: str, log: Path) -> None:
    deadline = time.monotonic() + 45
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"jembatan serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{base}/accounts/login/", timeout=5):  # noqa: S310
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"jembatan serve did not answer within 45 s:\n{log.read_text()}")


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a local URL
        return response.status, dict(response.headers), response.read()


def test_serve_answers_pages_and_static_files_from_several_workers(
    server: tuple[psutil.Popen, str],
):
    process, base = server
    status, headers, body = _get(f"{base}/accounts/login/")
    assert (status, headers["Server"]) == (200, "gunicorn")
    assert b"csrfmiddlewaretoken" in body
    status, _, body = _get(f"{base}/indicators/public/")  # reads the migrated database
    assert status == 200

    status, headers, body = _get(f"{base}/static/admin/css/base.css")
    assert status == 200
    assert headers["Cache-Control"] == "max-age=60, public"
    assert headers["Content-Type"].startswith("text/css")
    assert len(body) > 1000

    deadline = time.monotonic() + 20
    while len(process.children()) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = process.children()
    assert len(workers) == 3
    assert all("gunicorn" in " ".join(w.cmdline()) for w in workers)

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=40) == 0
    assert not any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers)


def test_serve_refuses_debug(settings):  # type: ignore[no-untyped-def]
    settings.DEBUG = True
    with pytest.raises(CommandError, match=r"DEBUG is on.*--insecure"):
        call_command("serve", dry_run=True)


def test_serve_refuses_an_unset_secret_key(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(CommandError, match="SECRET_KEY is not set"):
        call_command("serve", dry_run=True)


def test_serve_refuses_a_weak_secret_key(settings, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SECRET_KEY", "django-insecure-" + "x" * 50)
    settings.SECRET_KEY = "django-insecure-" + "x" * 50
    with pytest.raises(CommandError, match="SECRET_KEY is too weak"):
        call_command("serve", dry_run=True)


def test_serve_insecure_allows_a_local_trial(settings, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    settings.DEBUG = True
    call_command("serve", "--insecure", "--dry-run", "--workers", "2", "--bind", "0.0.0.0:9000")
    printed = capsys.readouterr().out
    assert "-m gunicorn jembatan.wsgi:application --bind 0.0.0.0:9000 --workers 2" in printed


def test_serve_refuses_zero_workers(monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(CommandError, match="--workers must be 1 or more"):
        call_command("serve", "--insecure", "--dry-run", "--workers", "0")


def test_serve_keeps_database_connections_unless_the_deployment_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from jembatan.core.management.commands.serve import Command

    monkeypatch.delenv("DATABASE_CONN_MAX_AGE", raising=False)
    assert Command().gunicorn_env()["DATABASE_CONN_MAX_AGE"] == "60"
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "0")
    assert Command().gunicorn_env()["DATABASE_CONN_MAX_AGE"] == "0"
