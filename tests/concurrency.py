"""Running domain actions at the same moment from several threads, each with its own
database connection, to test the locking rules of docs/locking.md.

Only PostgreSQL runs them: SQLite lets one writer in at a time for the whole file, so
threads there test the file lock, not our conditional updates. The sequential stale-state
tests beside each concurrency test run on both databases.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from django.db import connection, connections


def require_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "Concurrency test needs PostgreSQL (row locks and concurrent writers); SQLite "
            "serialises every write. Run with DATABASE_URL=postgres://..."
        )


def run_at_once(actions: Sequence[Callable[[], Any]]) -> list[Any]:
    """Run each action in its own thread, released together; returns what each returned or
    the exception it raised, in the order given."""
    barrier = threading.Barrier(len(actions))
    results: list[Any] = [None] * len(actions)

    def run(index: int, action: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = action()
        except Exception as error:  # handed back to the test to assert on
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results
