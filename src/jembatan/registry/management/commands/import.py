"""`jembatan import companies PATH [--dry-run] [--json] [--sheet NAME]`."""  # noqa: N999 (the command is called `import`)

from __future__ import annotations

import json
from argparse import BooleanOptionalAction
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from jembatan.core.progress import progress_bar
from jembatan.registry.domain.company_import import (
    ImportReport,
    announce_imported,
    import_companies,
)
from jembatan.registry.domain.company_import.lock import (
    LockHolder,
    RegistryBusyError,
    holder,
    registry_lock,
    waiting_message,
)
from jembatan.registry.interfaces.tabular_files import open_tabular


class Command(BaseCommand):
    help = "Import data files into the registry. See docs/import.md for the columns."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        companies = subcommands.add_parser(
            "companies", help="Create or update companies from a CSV or XLSX file."
        )
        companies.add_argument(
            "path", type=Path, help="CSV (UTF-8, Shift_JIS, Windows-1252) or XLSX file"
        )
        companies.add_argument(
            "--dry-run", action="store_true", help="validate and count, write nothing"
        )
        companies.add_argument("--json", action="store_true", help="print the report as JSON")
        companies.add_argument(
            "--sheet", default=None, help="XLSX sheet to read (default: the first)"
        )
        companies.add_argument(
            "--no-wait",
            action="store_true",
            help="fail at once when another import is writing into the registry (default: wait)",
        )
        companies.add_argument(
            "--progress",
            action=BooleanOptionalAction,
            default=None,
            help="progress bars of rows validated and written on stderr (default: on a terminal)",
        )
        companies.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of the messages (default: %(default)s)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        with translation.override(options["language"]):
            source = open_tabular(path, sheet=options["sheet"])
            report = self._import(source, path, options)
            if options["json"]:
                self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False))
            else:
                self._print(report)
            for warning in report.warnings:
                self.stderr.write(
                    self._line(_("warning"), warning.row, warning.column, warning.message)
                )
            if report.errors:
                count = len(report.errors)
                message = ngettext(
                    "%(count)d error: nothing was imported.",
                    "%(count)d errors: nothing was imported.",
                    count,
                )
                raise CommandError(message % {"count": count}, returncode=1)
            self._embed(report)

    def _import(self, source: Any, path: Path, options: dict[str, Any]) -> ImportReport:
        """Under the registry's lock (a dry run writes nothing and takes none), with bars."""
        dry_run = options["dry_run"]
        show = options["progress"]
        if show is None:
            show = bool(getattr(getattr(self.stderr, "_out", None), "isatty", bool)())
        with ExitStack() as stack:
            if not dry_run:
                me = holder(path.name, _("the command line"))
                stack.enter_context(self._locked(me, wait=not options["no_wait"]))
            validated = written = None
            if show:
                validated = stack.enter_context(
                    progress_bar(self.stderr, _("rows validated"), unit="row")
                )
                if not dry_run:
                    written = stack.enter_context(
                        progress_bar(self.stderr, _("rows written"), unit="row")
                    )
            return import_companies(
                source,
                dry_run=dry_run,
                actor=None,
                announce=False,
                progress=_advance_to(validated),
                written=_advance_to(written),
            )
        raise AssertionError  # unreachable: mypy does not see that ExitStack re-raises

    @contextmanager
    def _locked(self, me: LockHolder, *, wait: bool) -> Iterator[None]:
        told: list[bool] = []

        def waiting(other: LockHolder | None) -> None:
            if not told:  # once: the bar-less terminal is not flooded
                self.stderr.write(waiting_message(other))
                told.append(True)

        try:
            with registry_lock(me, waiting=waiting, wait=wait):
                yield
        except RegistryBusyError as busy:
            raise CommandError(str(busy), returncode=75) from busy  # EX_TEMPFAIL

    def _embed(self, report: ImportReport) -> None:
        """After the report: matching embeds what was written (inline with a progress bar;
        with a broker the bar counts batches handed to the workers)."""
        if report.written_since is None:
            return
        self.stdout.flush()
        written = report.created + report.updated
        with tqdm(total=written, unit="company", desc=_("matching"), file=self.stderr) as bar:

            def advance(done: int) -> None:
                if bar.n + done > bar.total:
                    bar.total = bar.n + done  # companies left over from an interrupted run
                bar.update(done)

            announce_imported(report, progress=advance)

    def _print(self, report: ImportReport) -> None:
        for error in report.errors:
            self.stdout.write(self._line(_("error"), error.row, error.column, error.message))
        if report.errors:
            return
        summary = _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged.") % {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
        }
        if report.dry_run:
            summary = _("Dry run, nothing written: %(summary)s") % {"summary": summary}
        self.stdout.write(summary)

    @staticmethod
    def _line(kind: str, row: int, column: str, message: str) -> str:
        return _("%(kind)s: row %(row)d, column %(column)s: %(message)s") % {
            "kind": kind,
            "row": row,
            "column": column or "-",
            "message": message,
        }


def _advance_to(bar: Any) -> Any:
    """A callback that moves `bar` to the count it is given (None without a bar)."""
    if bar is None:
        return None

    def advance(done: int) -> None:
        bar.update(done - bar.n)

    return advance
