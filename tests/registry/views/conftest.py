"""The directory searches descriptions by meaning: each test gets its own empty vector
index, never one another run left in var/index."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_index(settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings.JEMBATAN_INDEX_DIR = tmp_path / "index"
    return settings
