"""``jembatan rates import FILE.csv [--source TEXT]`` and ``jembatan rates show [--on DATE]``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from jembatan.engagement.domain.rates import import_rates, rates_on


class Command(BaseCommand):
    help = "Exchange rates (rupiah and yen per US dollar): import a CSV file, or show a date's."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="subcommand", required=True)
        load = commands.add_parser("import", help="import a CSV file with columns date,IDR,JPY")
        load.add_argument("file", help="the CSV file")
        load.add_argument("--source", default="", help="where the rates come from")
        show = commands.add_parser("show", help="the rates in force on a date (today if none)")
        show.add_argument("--on", default="", help="YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "import":
            path = Path(options["file"])
            if not path.is_file():
                raise CommandError(f"{path}: no such file")
            result = import_rates(path.read_bytes(), None, options["source"])
            if result.problems:
                raise CommandError("nothing imported:\n" + "\n".join(result.problems))
            self.stdout.write(f"{result.created} dates added, {result.updated} updated")
            return
        try:
            on = dt.date.fromisoformat(options["on"]) if options["on"] else timezone.localdate()
        except ValueError:
            raise CommandError(f"--on {options['on']!r} is not YYYY-MM-DD") from None
        rates = rates_on(on)
        if rates is None:
            raise CommandError(f"no exchange rate on or before {on.isoformat()}")
        self.stdout.write(
            f"{rates.on.isoformat()}: 1 USD = {rates.per_usd['IDR']} IDR = {rates.per_usd['JPY']} JPY"
        )
