"""`jembatan restore PATH [--force]`: put a backup made by `jembatan backup` back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from jembatan.core.interfaces.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore the backup in PATH: checks every checksum and the migration state first, "
        "then replaces all rows in one transaction and swaps MEDIA_ROOT and the indexes in."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("path", type=Path, help="a folder written by `jembatan backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the contents of a database that is not empty",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = restore_backup(options["path"], force=options["force"])
        except BackupError as error:
            raise CommandError(f"restore refused: {error}") from error
        except DatabaseError as error:
            # The rows are written in one transaction: it was rolled back, files untouched.
            raise CommandError(f"restore failed, nothing was changed: {error}") from error
        rows = sum(t["rows"] for t in manifest["tables"])
        self.stdout.write(
            f"restored {rows} rows in {len(manifest['tables'])} tables and "
            f"{len(manifest['files'])} files from the backup of {manifest['created_at']}"
        )
