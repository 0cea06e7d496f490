"""`jembatan security prune`: delete security-log entries older than
JEMBATAN_SECURITY_LOG_DAYS and expired API tokens (for cron, where no Celery beat runs; the
daily task's functions)."""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand

from jembatan.accounts.domain.api_tokens import prune_expired
from jembatan.accounts.domain.security_log import prune


class Command(BaseCommand):
    help = "Security log housekeeping."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser(
            "prune",
            help="delete log entries older than JEMBATAN_SECURITY_LOG_DAYS and expired tokens",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{prune_expired()} expired API tokens deleted")
        self.stdout.write(f"{prune()} security-log entries deleted")
