"""JEMBATAN_HTTPS=1 makes `check --deploy` pass with no warning; each setting is also its own."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path: Path, code: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECURE_", "SESSION_", "CSRF_", "JEMBATAN_", "DJANGO_"))
    }
    environ.update(
        PYTHONPATH=str(ROOT / "src"),
        JEMBATAN_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **env,
    )
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, *code],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        check=False,
    )


def _check_deploy(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    command = ["-m", "jembatan", "check", "--deploy", "--fail-level", "WARNING"]
    return _run(tmp_path, command, DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), **env)


def test_check_deploy_passes_with_https(tmp_path: Path) -> None:
    result = _check_deploy(tmp_path, JEMBATAN_HTTPS="1")
    assert result.returncode == 0, result.stderr
    assert "WARNINGS" not in result.stderr
    assert result.stdout == "System check identified no issues (0 silenced).\n"


def test_check_deploy_warns_without_https(tmp_path: Path) -> None:
    result = _check_deploy(tmp_path)
    assert result.returncode == 1
    found = sorted(code for code in ("W004", "W008", "W012", "W016") if code in result.stderr)
    assert found == ["W004", "W008", "W012", "W016"]


SHOW = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'jembatan.settings'; "
    "django.setup(); from django.conf import settings as s; "
    "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
    "s.SECURE_HSTS_PRELOAD, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
    "s.SECURE_PROXY_SSL_HEADER)"
)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "False 0 False False False False None"),
        (
            {"JEMBATAN_HTTPS": "1"},
            "True 31536000 True True True True ('HTTP_X_FORWARDED_PROTO', 'https')",
        ),
        (
            {
                "JEMBATAN_HTTPS": "1",
                "SECURE_SSL_REDIRECT": "0",
                "SECURE_HSTS_SECONDS": "3600",
                "SECURE_HSTS_PRELOAD": "0",
                "JEMBATAN_TRUST_X_FORWARDED_PROTO": "0",
            },
            "False 3600 True False True True None",
        ),
        (
            {"SESSION_COOKIE_SECURE": "1", "CSRF_COOKIE_SECURE": "1"},
            "False 0 False False True True None",
        ),
    ],
)
def test_https_settings_each_switchable(tmp_path: Path, env: dict[str, str], expected: str) -> None:
    result = _run(tmp_path, ["-c", SHOW], **env)
    assert result.stdout.strip() == expected, result.stderr
