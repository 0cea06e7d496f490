"""`jembatan catalogue reindex`: rebuild the product search index (after a model change)."""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand

from jembatan.catalogue.domain.search import reindex_products


class Command(BaseCommand):
    help = "Products and the showcase."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("reindex", help="rebuild the product search index")

    def handle(self, *args: Any, **options: Any) -> None:
        computed = reindex_products()
        self.stdout.write(f"products indexed ({computed} texts encoded)")
