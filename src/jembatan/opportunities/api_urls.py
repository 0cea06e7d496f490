"""The API routes of this app; the main API router registers each entry."""

from __future__ import annotations

from typing import Any

from jembatan.opportunities.api import ProfileViewSet

router_registrations: list[tuple[str, Any, str]] = [("profiles", ProfileViewSet, "profile")]
