"""Keep the small reference tables (certifications, regions, programme sectors) in step with
the data shipped in the package, after every `migrate`."""

from __future__ import annotations

from typing import Any

from jembatan.registry.domain.reference_sync import sync_all


def sync_reference_data(sender: Any, **kwargs: Any) -> None:
    sync_all(using=kwargs.get("using", "default"))


def name_index_in_step(sender: Any, **kwargs: Any) -> None:
    """SQLite drops a table's triggers when a migration rebuilds the table: the name index's
    are put back (and the index refilled) after every migrate."""
    from django.db import connections

    from jembatan.registry.domain.name_index import ensure_name_index

    ensure_name_index(connections[kwargs.get("using", "default")])


def refresh_sectors_after_decision(sender: Any, *, classification_id: int, **kwargs: Any) -> None:
    """A crosswalk decision has committed: the sectors that follow from it, in a task."""
    from jembatan.registry.tasks import task_refresh_sectors_of_code

    task_refresh_sectors_of_code.delay(classification_id)
