"""What the catalogue contributes to the shared registries (queues, search objects)."""

from __future__ import annotations


def register() -> None:
    """Called once from CatalogueConfig.ready()."""
