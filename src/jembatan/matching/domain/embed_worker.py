"""The worker processes' side of `jembatan matching embed --workers N`.

Worker processes are started afresh (never forked: the encoder's threads and the parent's
database connections must not be copied), so this module imports nothing of Django at its
top: the process unpickles these functions before :func:`start_worker` has set Django up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

# Settings a worker process takes from the command's process (a test's database, the
# encoder a deployment plugged in), beyond what its environment gives it.
WORKER_SETTINGS = ("CACHES", "JEMBATAN_ENCODER", "JEMBATAN_ENCODER_OPTIONS")


def start_worker(values: Mapping[str, Any]) -> None:
    """Initialiser of each worker process: Django set up with the parent's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jembatan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connections

    for name in WORKER_SETTINGS:
        setattr(settings, name, values[name])
    connections["default"].close()
    connections["default"].settings_dict.update(values["database"])


def run_batch(object_type: str, ids: list[int]) -> tuple[int, int]:
    """One batch, through the task's own function. Returns (ids done, texts encoded)."""
    from jembatan.matching.tasks import task_encode_objects

    return len(ids), task_encode_objects(object_type, ids)
