"""`jembatan taxonomy load {kbli2020,jsic14,isic4,hs} PATH` and `jembatan taxonomy crosswalk`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from jembatan.core.progress import progress_bar
from jembatan.registry.domain.crosswalk_store import propose_crosswalk
from jembatan.registry.domain.taxonomy import TaxonomyFileError
from jembatan.registry.domain.taxonomy_hs import hs_file_in, load_hs
from jembatan.registry.domain.taxonomy_store import load_taxonomy


class Command(BaseCommand):
    help = "Load industry classifications and propose their crosswalk to ISIC Rev.4."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="load one classification from its *_all_levels.csv")
        load.add_argument("scheme", choices=["kbli2020", "jsic14", "isic4", "hs"])
        load.add_argument("path", help="the *_all_levels.csv file, or the folder that holds it")
        load.add_argument(
            "--no-crosswalk",
            action="store_true",
            help="do not (re)propose the crosswalk to ISIC after loading",
        )
        crosswalk = sub.add_parser("crosswalk", help="(re)propose KBLI and JSIC links to ISIC")
        crosswalk.add_argument(
            "--only-used",
            action="store_true",
            help="only the codes that companies declare (fast; the demo uses it)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "load":
            self._load(options["scheme"], options["path"], not options["no_crosswalk"])
        else:
            self._crosswalk(only_used=options["only_used"])

    def _load(self, scheme: str, path: str, crosswalk: bool) -> None:
        path = _file_in(path, scheme)
        try:
            if scheme == "hs":
                # Product codes: no crosswalk to ISIC (HS classifies goods, not industries).
                report, crosswalk = load_hs(path), False
            else:
                report = load_taxonomy(scheme, path)  # type: ignore[arg-type]
        except TaxonomyFileError as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from exc
        self.stdout.write(
            f"{scheme}: {report.total} codes ({report.created} created, "
            f"{report.updated} updated, {report.unchanged} unchanged)"
        )
        if crosswalk:
            self._crosswalk(["kbli2020", "jsic14"] if scheme == "isic4" else [scheme])

    def _crosswalk(self, schemes: list[str] | None = None, *, only_used: bool = False) -> None:
        # Embedding the titles takes minutes for a whole classification: show it moving.
        with progress_bar(self.stderr, "crosswalk: texts embedded") as bar:
            lines = propose_crosswalk(
                schemes or ["kbli2020", "jsic14"], only_used=only_used, progress=bar.update
            )
        for line in lines:
            self.stdout.write(line)


def _file_in(path: str, scheme: str = "") -> str:
    """Accept the folder of a classification as well as its *_all_levels.csv file."""
    folder = Path(path)
    if folder.is_dir() and scheme == "hs":
        found = hs_file_in(folder)
        if found is None:
            raise CommandError(f"{path}: expected one harmonized_system*.csv file in this folder")
        return str(found)
    if folder.is_dir():
        matches = sorted(folder.glob("*_all_levels.csv"))
        if len(matches) != 1:
            raise CommandError(f"{path}: expected one *_all_levels.csv file in this folder")
        return str(matches[0])
    return path
