from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.utils import translation

from tests.translations.stub import StubServer, running_stub


@pytest.fixture
def stub() -> Iterator[StubServer]:
    with running_stub() as server:
        yield server


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def english():  # type: ignore[no-untyped-def]
    """Labels are asserted in English unless a test activates another language."""
    with translation.override("en"):
        yield


@pytest.fixture
def interpreter(db):  # type: ignore[no-untyped-def]
    """A programme interpreter: a viewer account given the translations.interpret permission."""
    from django.contrib.auth.models import Group, Permission

    from tests.factories import UserFactory

    user = UserFactory(username="interpreter", role="viewer")
    group = Group.objects.create(name="Programme interpreters")
    group.permissions.add(Permission.objects.get(codename="interpret"))
    user.groups.add(group)
    return user
