"""Progress bars of long commands: on the command's stderr, refreshed in place."""

from __future__ import annotations

from io import StringIO

from django.core.management.base import OutputWrapper

from jembatan.core.progress import progress_bar


def test_progress_bar_on_a_command_stream_refreshes_on_one_line() -> None:
    out = StringIO()
    with progress_bar(OutputWrapper(out), "embedding", total=3) as bar:
        for _ in range(3):
            bar.update(1)
    text = out.getvalue()
    assert text.count("\n") == 1
    assert text.rsplit("\r", 1)[-1].startswith("embedding: 100%")
    assert " 3/3 " in text.rsplit("\r", 1)[-1]
