"""One import writes into the company registry at a time; a second one waits for it.

"The registry" is the whole company table, both countries: one file may hold Indonesian and
Japanese rows, every import ends by recomputing sectors from all classification links, and
on SQLite one import's transaction holds the only write lock for minutes anyway. Two at once
would block each other on row locks (PostgreSQL) or fail with "database is locked" (SQLite),
so the second waits, and is told for whom.

The lock dies with its holder, so a crashed worker never blocks the next import:
- PostgreSQL: a session-level advisory lock (`pg_try_advisory_lock`), shared by every web
  process, Celery worker and command line that uses the database, on any machine;
- SQLite (one machine by nature): `flock` on MEDIA_ROOT/locks/registry.lock, released by the
  kernel when the process ends.
Who holds it (file, officer, since when) is written beside it, for the message of the one
that waits. Dry runs and previews write nothing and take no lock. See docs/locking.md.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

# pg_advisory_lock takes one bigint: a fixed key for "the company registry" (0x4A424954,
# "JBIT", then 1 for the companies); advisory locks are scoped to the database.
ADVISORY_KEY = 0x4A424954_00000001
POLL_S = 1.0


@dataclass(frozen=True)
class LockHolder:
    """Who is importing: shown to whoever waits."""

    file_name: str
    by: str
    since: str  # ISO 8601, UTC
    job_id: int | None = None  # None for the command line

    def describe(self) -> str:
        started = parse_datetime(self.since)
        when = timezone.localtime(started).strftime("%Y-%m-%d %H:%M") if started else "?"
        return _(
            "Another import into the company registry is running (%(file)s, started by "
            "%(by)s at %(when)s)."
        ) % {"file": self.file_name, "by": self.by, "when": when}


def holder(file_name: str, by: str, job_id: int | None = None) -> LockHolder:
    return LockHolder(file_name, by, timezone.now().isoformat(), job_id)


def _lock_dir() -> Path:
    # Not the uploads' folder: its day-old files are cleared away, and a lock file removed
    # while held would let a second holder in (a new file, a new lock).
    directory = Path(settings.MEDIA_ROOT) / "locks"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _holder_path() -> Path:
    return _lock_dir() / "registry-lock.json"


def current_holder() -> LockHolder | None:
    """Who holds the lock, as the holder wrote it (None when nobody says so)."""
    try:
        data = json.loads(_holder_path().read_text(encoding="utf-8"))
        return LockHolder(**data)
    except (OSError, ValueError, TypeError):
        return None


class _Lock:
    """A non-blocking try and a release, over the database's own mechanism."""

    def __init__(self, using: str = "default") -> None:
        self.connection = connections[using]
        self.handle: IO[bytes] | None = None

    def try_acquire(self) -> bool:
        if self.connection.vendor == "postgresql":
            with self.connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_KEY])
                return bool(cursor.fetchone()[0])
        import fcntl

        handle = (_lock_dir() / "registry.lock").open("ab")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self.handle = handle
        return True

    def release(self) -> None:
        if self.connection.vendor == "postgresql":
            with self.connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])
            return
        if self.handle is not None:
            self.handle.close()  # closing the file releases the flock
            self.handle = None


@contextmanager
def registry_lock(
    me: LockHolder,
    *,
    waiting: Callable[[LockHolder | None], None] | None = None,
    wait: bool = True,
) -> Iterator[None]:
    """Hold the registry's import lock for the block, waiting while another import holds it.

    `waiting` is called (about every POLL_S seconds) with the holder while this one waits.
    With wait=False, raises RegistryBusyError instead of waiting."""
    lock = _Lock()
    poll = float(getattr(settings, "JEMBATAN_IMPORT_LOCK_POLL_S", POLL_S))
    while not lock.try_acquire():
        other = current_holder()
        if not wait:
            raise RegistryBusyError(other)
        if waiting is not None:
            waiting(other)
        time.sleep(poll)
    _write_holder(me)
    try:
        yield
    finally:
        with suppress(OSError):
            _holder_path().unlink()
        lock.release()


def _write_holder(me: LockHolder) -> None:
    partial = _holder_path().with_suffix(".tmp")
    partial.write_text(json.dumps(asdict(me)), encoding="utf-8")
    os.replace(partial, _holder_path())


class RegistryBusyError(Exception):
    """Another import holds the registry (raised only when asked not to wait)."""

    def __init__(self, other: LockHolder | None) -> None:
        self.holder = other
        super().__init__(busy_message(other))


def busy_message(other: LockHolder | None) -> str:
    """What the one that finds the registry busy is told (it waits, unless asked not to)."""
    if other is None:
        return _("Another import into the company registry is running.")
    return other.describe()


def waiting_message(other: LockHolder | None) -> str:
    return "{} {}".format(
        busy_message(other),
        _(
            "This import waits for it to finish and then starts by itself; nothing is "
            "lost by waiting."
        ),
    )


def lock_is_held() -> bool:
    """Whether some import holds the lock now (tries it, and lets go at once)."""
    lock = _Lock()
    if lock.try_acquire():
        lock.release()
        return False
    return True
