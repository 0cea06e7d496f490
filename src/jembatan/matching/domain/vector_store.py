"""Where the vector indexes live (beside the database) and how processes open them.

One index per object type under ``settings.VAR_DIR / "index" / <type>`` (or
``settings.JEMBATAN_INDEX_DIR``). Writers (tasks, ``jembatan matching reindex``) take a
file lock, load the index writable, change it and save a new generation; web processes
memory-map the current generation read-only and reopen it when the ``CURRENT`` pointer
moves, so they never need a restart.
"""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from jembatan.matching.domain.index import CURRENT_FILE, VectorIndex

_readers: dict[str, tuple[str, VectorIndex]] = {}
_readers_lock = threading.Lock()


def index_root() -> Path:
    configured = getattr(settings, "JEMBATAN_INDEX_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "index"


def index_dir(object_type: str) -> Path:
    return index_root() / object_type


def _current_generation(path: Path) -> str | None:
    try:
        return (path / CURRENT_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None


@contextmanager
def writable_index(object_type: str, dim: int, fresh: bool = False) -> Iterator[VectorIndex]:
    """The index opened for writing under a lock, saved when the block ends without error.

    ``fresh`` starts from an empty index (a full rebuild). An index of another dimension
    (the model changed) is replaced by an empty one: run ``jembatan matching reindex``.
    """
    path = index_dir(object_type)
    path.mkdir(parents=True, exist_ok=True)
    with open(path.parent / f"{object_type}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            index = None
            if not fresh and _current_generation(path) is not None:
                index = VectorIndex.load(path)
                if index.dim != dim:
                    index = None
            if index is None:
                index = VectorIndex(dim)
            yield index
            index.save(path)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def read_index(object_type: str, dim: int) -> VectorIndex:
    """The current index, memory-mapped read-only; an empty one when none was built yet."""
    path = index_dir(object_type)
    generation = _current_generation(path)
    key = str(path)
    with _readers_lock:
        cached = _readers.get(key)
        if cached is not None and cached[0] == generation:
            return cached[1]
        index = VectorIndex.load(path, mmap=True) if generation is not None else VectorIndex(dim)
        _readers[key] = (generation or "", index)
        return index
