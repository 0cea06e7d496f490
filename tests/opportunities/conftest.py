from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def as_user(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """A client signed in as the role named, or not signed in for 'anonymous'."""

    def make(role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return make


@pytest.fixture(autouse=True)
def english():  # type: ignore[no-untyped-def]
    """Messages are asserted in English (the site's default language is Indonesian)."""
    with translation.override("en"):
        yield
