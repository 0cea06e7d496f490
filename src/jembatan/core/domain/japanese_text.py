"""SudachiPy tokenizers (core dictionary), one per split mode and process, for the apps that
read Japanese: matching's keyword terms and the registry's name readings."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

# Sudachi refuses inputs over 49,149 bytes; texts are cut at line ends below this many chars.
CHUNK_CHARS = 4000


class Tokenizer:
    def __init__(self, mode: str = "A") -> None:
        from sudachipy import Dictionary, SplitMode

        split = {"A": SplitMode.A, "B": SplitMode.B, "C": SplitMode.C}[mode]
        self._tokenizer = Dictionary(dict="core").tokenizer(split)

    def morphemes(self, text: str) -> Iterator[Any]:
        for chunk in chunks(text):
            yield from self._tokenizer.tokenize(chunk)


@lru_cache(maxsize=3)
def tokenizer(mode: str = "A") -> Tokenizer:
    """Split mode A (shortest units) for search terms; C (whole words) for readings."""
    return Tokenizer(mode)


def chunks(text: str) -> list[str]:
    """``text`` cut at line ends (or hard, for very long lines) into pieces Sudachi takes."""
    pieces, current = [], ""
    for line in text.splitlines(keepends=True):
        while len(line) > CHUNK_CHARS:
            pieces.append(line[:CHUNK_CHARS])
            line = line[CHUNK_CHARS:]
        if len(current) + len(line) > CHUNK_CHARS:
            pieces.append(current)
            current = ""
        current += line
    if current:
        pieces.append(current)
    return pieces


def reading_forms(text: str) -> list[str]:
    """Katakana readings of the words of ``text`` (whole words, split mode C; symbols and
    spaces left out)."""
    return [
        m.reading_form()
        for m in tokenizer("C").morphemes(text)
        if m.part_of_speech()[0] not in ("補助記号", "空白") and m.reading_form()
    ]
