"""The API routes of this app; the main API router registers each entry."""

from __future__ import annotations

from typing import Any

from jembatan.engagement.api import InterestViewSet, IntroductionViewSet

router_registrations: list[tuple[str, Any, str]] = [
    ("interests", InterestViewSet, "interest"),
    ("introductions", IntroductionViewSet, "introduction"),
]
