"""`jembatan translations fill`: machine versions for the published profiles and company
descriptions that lack one (the same function as the daily task; for cron)."""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from jembatan.translations.domain.engines import configured_translator
from jembatan.translations.domain.machine import fill_missing


class Command(BaseCommand):
    help = "Versions of profiles and company descriptions in the reader's language."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("fill", help="machine-translate what has no version in a language")

    def handle(self, *args: Any, **options: Any) -> None:
        translator = configured_translator()
        if translator is None:
            raise CommandError("No translator configured: set JEMBATAN_TRANSLATOR (see docs).")
        report = fill_missing(translator, timezone.now())
        self.stdout.write(
            f"{report.made} versions made, {report.failed} failed (retried on the next run), "
            f"{report.refused} refused (named a hidden poster)"
        )
