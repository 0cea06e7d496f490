"""Progress bars for long operator commands (embedding, reindexing), on the command's stderr.

A management command's `self.stderr` ends every write with a newline, which would print each
refresh of a bar on a line of its own; the bar writes to the stream underneath instead.
"""

from __future__ import annotations

from typing import Any, TextIO

from tqdm import tqdm


def progress_bar(stream: Any, desc: str, total: int | None = None, unit: str = "text") -> tqdm[Any]:
    """A tqdm bar on `stream` (a command's OutputWrapper or any text stream)."""
    target: TextIO = getattr(stream, "_out", stream)
    return tqdm(total=total, desc=desc, unit=unit, file=target, mininterval=0.5)
