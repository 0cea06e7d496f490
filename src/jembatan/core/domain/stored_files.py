"""Removing a stored file together with the rows that point at it, never before them.

A file deleted inside a transaction that later rolls back leaves rows pointing at nothing
(an erasure that fails half-way, a refused removal). ``delete_after_commit`` empties the
field at once, as ``FieldFile.delete(save=False)`` does, and removes the file from its
storage only once the surrounding transaction has committed (at once outside one). A file
already gone is not an error.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.fields.files import FieldFile

logger = logging.getLogger(__name__)


def delete_after_commit(stored: FieldFile | None) -> None:
    """Empty ``stored`` on its instance now; delete its file after the commit."""
    if not stored:
        return
    storage, name = stored.storage, str(stored.name)

    def remove() -> None:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not remove the stored file %s", name, exc_info=True)

    transaction.on_commit(remove)
    stored.name = None
    setattr(stored.instance, stored.field.attname, None)
    stored._committed = False  # type: ignore[attr-defined]
