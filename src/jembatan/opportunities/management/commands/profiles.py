"""`jembatan profiles expire`: expire the profiles published 365 days ago or more;
`jembatan profiles relabel`: recompute the neutral labels of anonymous profiles against the
registry (for cron, where no Celery beat runs; the same functions as the daily tasks)."""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from jembatan.opportunities.domain.anonymity import recheck_labels
from jembatan.opportunities.domain.lifecycle import expire_due
from jembatan.opportunities.domain.notices import warn_expiring


class Command(BaseCommand):
    help = "Partnership profile housekeeping."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser(
            "expire",
            help="expire profiles whose publication period has ended; warn of those ending soon",
        )
        sub.add_parser("relabel", help="recompute the neutral labels of anonymous profiles")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "relabel":
            count = recheck_labels()
            self.stdout.write(f"{count} labels changed")
            return
        now = timezone.now()
        count = expire_due(now)
        warned = warn_expiring(now)
        self.stdout.write(f"{count} profiles expired")
        self.stdout.write(f"{warned} profiles announced as expiring within 14 days")
