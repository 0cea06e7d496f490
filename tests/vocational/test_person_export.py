"""A participant's own data includes what they did: applications, certificates, follow-ups."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jembatan.vocational.domain.people import export_person
from jembatan.vocational.models import Application
from tests.vocational.programme_world import make_programme, world  # noqa: F401 (fixture)


def test_export_person_lists_applications_with_status_and_follow_ups(world: Any) -> None:  # noqa: F811
    programme = make_programme(world.mou, world.host)
    Application.objects.create(
        programme=programme,
        person=world.teacher,
        motivation="Belajar analisis kimia",
        applied_at=dt.datetime(2026, 11, 1, 3, 0, tzinfo=dt.UTC),
    )
    exported = export_person(world.teacher)
    assert exported["applications"] == [
        {
            "programme": "Short course in chemical analysis",
            "status": "applied",
            "applied_at": exported["applications"][0]["applied_at"],
            "motivation": "Belajar analisis kimia",
            "completed_at": None,
            "certificate": None,
            "follow_ups": [],
        }
    ]
    assert exported["applications"][0]["applied_at"].startswith("2026-11-01")
    assert export_person(world.student)["applications"] == []
