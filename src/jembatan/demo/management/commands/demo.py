"""`jembatan demo`: fill the database with the demo data set (used by `make demo`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from jembatan.core.progress import progress_bar
from jembatan.demo.domain.load import DemoSummary, install_demo
from jembatan.demo.domain.reference import load_reference_data, propose_crosswalk_for_demo
from jembatan.demo.domain.users import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Create a deterministic demo data set: IKM, Japanese SMEs, contacts and demo users."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset", action="store_true", help="Delete the previous demo data first."
        )
        parser.add_argument(
            "--language", default="en", choices=["en", "id", "ja"], help="Language of the report."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # The operator who runs the demo reads the README's language; the site itself
        # still opens in Indonesian.
        translation.activate(options["language"])
        started = time.monotonic()
        loaded = load_reference_data(settings.JEMBATAN_REFERENCE_DATA, self.stdout.write)
        bars: list[Any] = []

        def embedding_progress(total: int) -> Callable[[int], None]:
            bar = progress_bar(self.stderr, _("Matching: texts embedded"), total)
            bars.append(bar)

            def update(count: int) -> None:
                bar.update(count)

            return update

        # Embedding the demo texts takes minutes on a small machine: show it moving.
        summary = install_demo(reset=options["reset"], progress=embedding_progress)
        for bar in bars:
            bar.close()
        if loaded:
            propose_crosswalk_for_demo(self.stdout.write)
        self._report(summary)
        self.stdout.write(_("Done in %(seconds).1f s.") % {"seconds": time.monotonic() - started})

    def _report(self, summary: DemoSummary) -> None:
        write = self.stdout.write
        write(
            _("Companies: %(id)d Indonesian, %(jp)d Japanese; %(contacts)d contacts.")
            % {
                "id": summary.companies.get("ID", 0),
                "jp": summary.companies.get("JP", 0),
                "contacts": summary.contacts,
            }
        )
        write(
            _("Verification: %(verified)d verified, %(unverified)d waiting, %(rejected)d returned.")
            % {
                key: summary.verification.get(key, 0)
                for key in ("verified", "unverified", "rejected")
            }
        )
        write(
            _(
                "Linked: %(sectors)d programme sectors, %(codes)d classification codes, %(certs)d certifications; %(regions)d regions created."
            )
            % {
                "sectors": summary.sectors_linked,
                "codes": summary.classifications_linked,
                "certs": summary.certifications_linked,
                "regions": summary.regions_created,
            }
        )
        write("")
        write(_("Demo users (password for all: %(password)s)") % {"password": DEMO_PASSWORD})
        rows = [(_("username"), _("role"), _("language"), _("organisation"))]
        rows += [(u.username, u.role, u.language, org) for u, org in summary.users]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for row in rows:
            write(
                "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
                + "  "
                + row[3]
            )
