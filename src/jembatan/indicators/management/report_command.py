"""`jembatan indicators report --period 2017 --format {xlsx,pdf} [--language id|ja|en]
[--sector SLUG] [--region CODE] [--currency IDR] --output PATH`: the subcommand's arguments
and its work, kept apart from the `indicators` command module so that each subcommand lives
in its own file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone

from jembatan.indicators.domain.report import LANGUAGES, ReportError, report_content, report_query
from jembatan.indicators.interfaces.reports import FORMATS, write_report


def add_report_parser(commands: Any) -> argparse.ArgumentParser:
    report = commands.add_parser("report", help="write the indicators report (XLSX or PDF)")
    report.add_argument("--period", required=True, help="2017, 2017-Q1 or 2017-03")
    report.add_argument("--format", required=True, choices=FORMATS, dest="fmt")
    report.add_argument(
        "--language", choices=LANGUAGES, default=settings.LANGUAGE_CODE, help="id, ja or en"
    )
    report.add_argument("--sector", default="", help="a programme sector's slug (all if none)")
    report.add_argument(
        "--region", default="", help="ID, JP or an ISO 3166-2 province or prefecture"
    )
    report.add_argument("--currency", default="IDR", choices=("IDR", "JPY", "USD"))
    report.add_argument("--output", required=True, help="the file to write")
    return report


def handle_report(options: dict[str, Any]) -> str:
    """Write the report; the line to print. Nothing is written when it cannot be built."""
    output = Path(options["output"])
    if not output.parent.is_dir():
        raise CommandError(f"{output.parent}: no such folder")
    try:
        query = report_query(
            options["period"],
            sector=options["sector"],
            region=options["region"],
            currency=options["currency"],
        )
        content = report_content(query, options["language"], timezone.localdate())
        written = write_report(content, options["fmt"])
    except ReportError as error:
        raise CommandError(str(error)) from None
    output.write_bytes(written.data)
    return f"{output}: {options['fmt']} report for {content.period} ({len(written.data)} bytes)"
