"""`jembatan profiles expire`: expire the profiles published 365 days ago or more (for cron,
where no Celery beat runs; the same function as the daily task)."""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from jembatan.opportunities.domain.lifecycle import expire_due


class Command(BaseCommand):
    help = "Partnership profile housekeeping."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("expire", help="expire profiles whose publication period has ended")

    def handle(self, *args: Any, **options: Any) -> None:
        count = expire_due(timezone.now())
        self.stdout.write(f"{count} profiles expired")
