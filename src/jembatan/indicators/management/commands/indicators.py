"""`jembatan indicators import PATH [--dry-run] [--json] [--sheet NAME] [--language L]` and
`jembatan indicators report --period 2017 --format {xlsx,pdf} [--language L] --output PATH`
(its arguments and work in indicators/management/report_command.py).

Subcommands dispatch to one method each (`_import`, ...): add a subparser in
`add_arguments` and a method, nothing else."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jembatan.indicators.domain.figure_import import import_figures
from jembatan.indicators.management.report_command import add_report_parser, handle_report
from jembatan.registry.interfaces.tabular_files import open_tabular


class Command(BaseCommand):
    help = (
        "Programme indicators: import statistics and targets, write the report. "
        "See docs/indicators.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        figures = subcommands.add_parser(
            "import", help="Create or update observations and targets from a CSV or XLSX file."
        )
        figures.add_argument(
            "path", type=Path, help="CSV (UTF-8, Shift_JIS, Windows-1252) or XLSX file"
        )
        figures.add_argument("--dry-run", action="store_true", help="validate and count only")
        figures.add_argument("--json", action="store_true", help="print the report as JSON")
        figures.add_argument("--sheet", default=None, help="XLSX sheet (default: the first)")
        figures.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of the messages (default: %(default)s)",
        )

        add_report_parser(subcommands)

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['subcommand']}")(options)

    def _report(self, options: dict[str, Any]) -> None:
        self.stdout.write(handle_report(options))

    def _import(self, options: dict[str, Any]) -> None:
        path: Path = options["path"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        with translation.override(options["language"]):
            report = import_figures(
                open_tabular(path, sheet=options["sheet"]), dry_run=options["dry_run"]
            )
            if options["json"]:
                self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False))
            for error in report.errors:
                if not options["json"]:
                    self.stdout.write(
                        _("%(kind)s: row %(row)d, column %(column)s: %(message)s")
                        % {
                            "kind": _("error"),
                            "row": error.row,
                            "column": error.column or "-",
                            "message": error.message,
                        }
                    )
            if report.errors:
                count = len(report.errors)
                message = ngettext(
                    "%(count)d error: nothing was imported.",
                    "%(count)d errors: nothing was imported.",
                    count,
                )
                raise CommandError(message % {"count": count}, returncode=1)
            if not options["json"]:
                summary = _(
                    "%(created)d created, %(updated)d updated, %(unchanged)d unchanged."
                ) % {
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                }
                if options["dry_run"]:
                    summary = _("Dry run, nothing written: %(summary)s") % {"summary": summary}
                self.stdout.write(summary)
