"""`jembatan notifications deliver | digest | retry` for cron (or run by Celery beat)."""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand

from jembatan.notifications.domain.delivery import deliver_pending, retry_failed, send_daily_digests


class Command(BaseCommand):
    help = "Send due notification e-mails, the daily digests, or retry failed e-mails."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser(
            "deliver", help="send the notification e-mails that are due (every few minutes)"
        )
        sub.add_parser("digest", help="send each user's daily digest e-mail (once a day)")
        sub.add_parser("retry", help="put e-mails that failed for good back in line")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "deliver":
            self.stdout.write(f"deliver: {deliver_pending()} e-mails sent")
        elif action == "digest":
            self.stdout.write(f"digest: {send_daily_digests()} e-mails sent")
        else:
            self.stdout.write(f"retry: {retry_failed()} e-mails back in line")
