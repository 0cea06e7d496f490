"""``jembatan indicators report ...``: the programme's indicators from the command line."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from jembatan.indicators.management.report_command import add_report_parser, handle_report


class Command(BaseCommand):
    help = "Programme indicators: write the report."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="subcommand", required=True)
        add_report_parser(commands)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "report":
            self.stdout.write(handle_report(options))
