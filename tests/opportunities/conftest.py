from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def english():  # type: ignore[no-untyped-def]
    """Messages are asserted in English (the site's default language is Indonesian)."""
    with translation.override("en"):
        yield
