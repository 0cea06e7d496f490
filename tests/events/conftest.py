"""Fixtures for the events app: a small Jakarta fair with four representatives."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import timezone, translation

from jembatan.events.models import Event, Interpreter, Participant
from tests.events import factories
from tests.factories import CompanyFactory


@pytest.fixture(autouse=True)
def short_solver(settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings.JEMBATAN_SCHEDULER_TIME_LIMIT = 3
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def english():  # type: ignore[no-untyped-def]
    with translation.override("en"):
        yield


@dataclass
class Fair:
    event: Event
    budi: Participant  # company (Indonesian, the member's): id, en
    tanaka: Participant  # other_company (Japanese, the outsider's): ja only
    suzuki: Participant  # a third, Japanese company: ja, en
    dewi: Participant  # a fourth, Indonesian company: id only
    rina: Interpreter  # ja <-> id


@pytest.fixture
def fair(company, other_company) -> Fair:  # type: ignore[no-untyped-def]
    company.name = "PT Karton Jaya Abadi"
    company.save()
    other_company.name = "Akashi Seimitsu"
    other_company.save()
    event = factories.scheduled_event()
    third = CompanyFactory(country="JP", name="Toyohashi Pack")
    fourth = CompanyFactory(country="ID", name="CV Batik Sekar Jagad")
    return Fair(
        event,
        factories.participant(event, company, "Budi Santoso", ["id", "en"], agenda_language="id"),
        factories.participant(event, other_company, "Tanaka Hiroshi", ["ja"], agenda_language="ja"),
        factories.participant(event, third, "Suzuki Yuki", ["ja", "en"]),
        factories.participant(event, fourth, "Dewi Lestari", ["id"]),
        factories.interpreter(event, "Rina Wijaya", ["ja", "id"]),
    )


class Clock:
    """What ``django.utils.timezone.now`` answers while the ``clock`` fixture is used."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def set(self, local: str, zone: str = "Asia/Jakarta") -> None:
        """Move to a local time, e.g. ``clock.set("2026-03-10 09:45")``."""
        self.now = dt.datetime.fromisoformat(local).replace(tzinfo=zoneinfo.ZoneInfo(zone))


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """A controllable clock, at 08:00 in Jakarta on the day of the `fair` (before its first
    meeting). Every ``timezone.now()`` call (code, auto_now fields) reads it."""
    clock = Clock(dt.datetime(2026, 3, 10, 1, 0, tzinfo=dt.UTC))
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock
