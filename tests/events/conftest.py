"""Fixtures for the events app: a small Jakarta fair with four representatives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import translation

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
