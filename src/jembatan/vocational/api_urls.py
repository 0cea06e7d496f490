"""The vocational API routes, under /api/v1/vocational/; the main API router registers each
entry (programmes and applications add theirs to this list)."""

from __future__ import annotations

from typing import Any

from jembatan.vocational.api import InstitutionViewSet, MouViewSet
from jembatan.vocational.programme_api import ApplicationViewSet, ProgrammeViewSet

router_registrations: list[tuple[str, Any, str]] = [
    ("vocational/institutions", InstitutionViewSet, "vocational-institution"),
    ("vocational/mous", MouViewSet, "vocational-mou"),
    ("vocational/programmes", ProgrammeViewSet, "vocational-programme"),
    ("vocational/applications", ApplicationViewSet, "vocational-application"),
]
