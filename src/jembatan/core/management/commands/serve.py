"""`jembatan serve`: the production server, gunicorn with several workers on jembatan.wsgi.

Static files are served by WhiteNoise (in the middleware), compressed and with cache headers,
from STATIC_ROOT, which this command fills with `collectstatic` first. The command replaces
itself with gunicorn (exec), so the process a supervisor started is gunicorn's master: its
SIGTERM stops the workers gracefully, SIGHUP reloads them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

import jembatan

MAX_DEFAULT_WORKERS = 12


PERSISTENT_CONNECTION_SECONDS = 60


def default_workers() -> int:
    """gunicorn's advice, 2 x cores + 1, capped so that a big machine is not swamped."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(2 * (cores or 1) + 1, MAX_DEFAULT_WORKERS)


def secret_key_problem() -> str | None:
    """Why SECRET_KEY is not fit for production, or None (the rules of Django's W009)."""
    key = str(settings.SECRET_KEY)
    if not os.environ.get("SECRET_KEY"):
        return (
            "SECRET_KEY is not set: the key generated into JEMBATAN_VAR_DIR/secret_key is "
            "meant for a developer's machine"
        )
    if len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-"):
        return "SECRET_KEY is too weak: use 50 or more random characters"
    return None


def _has_setting(name: str) -> bool:
    from gunicorn.config import KNOWN_SETTINGS

    return any(setting.name == name for setting in KNOWN_SETTINGS)


class Command(BaseCommand):
    help = (
        "Run the production server: gunicorn with several workers, static files by "
        "WhiteNoise. Refuses DEBUG=1 and an unset or weak SECRET_KEY unless --insecure."
    )
    requires_system_checks: list[str] = []  # gunicorn's workers load the app and its checks

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000", help="HOST:PORT or unix:PATH")
        parser.add_argument(
            "--workers",
            type=int,
            default=default_workers(),
            help=f"worker processes (default 2 x cores + 1, at most {MAX_DEFAULT_WORKERS}: "
            f"{default_workers()} here)",
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=60,
            help="seconds a request may take before its worker is restarted (default 60)",
        )
        parser.add_argument(
            "--access-log",
            default=None,
            metavar="PATH",
            help="write one line per request to PATH ('-' for standard output); off by default",
        )
        parser.add_argument(
            "--no-collectstatic",
            action="store_true",
            help="skip `collectstatic --noinput` (STATIC_ROOT is already filled)",
        )
        parser.add_argument(
            "--insecure",
            action="store_true",
            help="allow DEBUG=1 and a missing or weak SECRET_KEY, for a local trial only",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="print the gunicorn command and stop"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1:
            raise CommandError("--workers must be 1 or more")
        if options["timeout"] < 1:
            raise CommandError("--timeout must be 1 second or more")
        if not options["insecure"]:
            self._refuse_unsafe_settings()
        argv = self.gunicorn_argv(options)
        if options["dry_run"]:
            self.stdout.write(" ".join(argv))
            return
        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(
            f"serving on {options['bind']} with {options['workers']} workers "
            f"(DEBUG {'on' if settings.DEBUG else 'off'})"
        )
        self.stdout.flush()
        sys.stderr.flush()
        os.execve(sys.executable, argv, self.gunicorn_env())  # noqa: S606 - our interpreter, fixed argv

    def _refuse_unsafe_settings(self) -> None:
        if settings.DEBUG:
            raise CommandError(
                "DEBUG is on: a production server must not show tracebacks and settings. "
                "Unset DEBUG (or DEBUG=0), or pass --insecure for a local trial."
            )
        if problem := secret_key_problem():
            raise CommandError(
                f"{problem}. Set SECRET_KEY to 50 or more random characters, e.g. "
                "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`, "
                "or pass --insecure for a local trial."
            )

    def gunicorn_argv(self, options: dict[str, Any]) -> list[str]:
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "jembatan.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--timeout",
            str(options["timeout"]),
            "--graceful-timeout",
            str(min(options["timeout"], 30)),
            "--error-logfile",
            "-",
        ]
        if _has_setting("control_socket_disable"):
            # gunicorn 24+ opens one control socket per user (~/.gunicorn); two servers on
            # one machine would share it. Signals (TERM, HUP, TTIN/TTOU) do the same work.
            argv.append("--no-control-socket")
        if options["access_log"]:
            argv += ["--access-logfile", options["access_log"]]
        return argv

    def gunicorn_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.setdefault("DJANGO_SETTINGS_MODULE", "jembatan.settings")
        if not settings.DEBUG:
            env["DEBUG"] = "0"  # forced off; only --insecure with DEBUG=1 keeps it on
        # Each sync worker keeps its database connection for a minute (checked before use,
        # settings' conn_health_checks) instead of opening one per request; a deployment's
        # own DATABASE_CONN_MAX_AGE (0 for none) wins.
        env.setdefault("DATABASE_CONN_MAX_AGE", str(PERSISTENT_CONNECTION_SECONDS))
        # The workers import jembatan from where this process did (a checkout's src/ too).
        package_parent = str(Path(jembatan.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_parent, env.get("PYTHONPATH", "")) if p
        )
        return env
