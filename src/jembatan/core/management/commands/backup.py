"""`jembatan backup PATH`: the database rows, uploaded files and vector indexes into a folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from jembatan.core.interfaces.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write a backup (database rows, MEDIA_ROOT, the vector indexes, a manifest with "
        "checksums) into the new folder PATH. Secrets and settings are not included."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "path", type=Path, help="a folder that does not exist yet (or is empty)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = create_backup(options["path"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(t["rows"] for t in manifest["tables"])
        size = sum(f["size"] for f in manifest["files"].values())
        self.stdout.write(
            f"backup written to {options['path']}: {len(manifest['tables'])} tables, "
            f"{rows} rows, {len(manifest['files'])} files, {size} bytes"
        )
