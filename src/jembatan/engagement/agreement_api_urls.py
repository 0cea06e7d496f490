"""The agreement API routes; the main API router registers each entry."""

from __future__ import annotations

from typing import Any

from jembatan.engagement.agreements_api import AgreementViewSet

router_registrations: list[tuple[str, Any, str]] = [("agreements", AgreementViewSet, "agreement")]
