"""Recommended partners at the top of a participant's page: the seam for the matching app.

Until ``jembatan.matching`` is installed this returns nothing. Once it is, it must provide
``jembatan.matching.domain.events.recommend_participants(participant)`` returning the
event's other participants, best first.
"""

from __future__ import annotations

import importlib

from django.apps import apps

from jembatan.events.models import Participant

LIMIT = 5


def recommended_partners(participant: Participant) -> list[Participant]:
    if not apps.is_installed("jembatan.matching"):
        return []
    module = importlib.import_module("jembatan.matching.domain.events")
    found = module.recommend_participants(participant)
    return [p for p in found if p.company_id != participant.company_id][:LIMIT]
