"""`jembatan vocational remind [--now ISO]`: send the MoU expiry reminders that are due."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from jembatan.vocational.domain.reminders import send_expiry_reminders


class Command(BaseCommand):
    help = "Vocational cooperation: send the MoU expiry reminders due (90 and 30 days)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser("remind", help="send the expiry reminders due today")
        remind.add_argument("--now", help="the time to act as at (ISO 8601), for tests")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        if options.get("now"):
            try:
                now = dt.datetime.fromisoformat(options["now"])
            except ValueError as error:
                raise CommandError(f"--now: {error}") from error
            if timezone.is_naive(now):
                now = timezone.make_aware(now, dt.UTC)
        sent = send_expiry_reminders(now)
        self.stdout.write(f"{sent} reminder(s) sent")
