"""Helpers the profile views share."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from jembatan.opportunities.domain import lifecycle
from jembatan.opportunities.domain.queries.profiles import for_display, visible_profiles
from jembatan.opportunities.models import PartnershipProfile


def get_visible_profile(request: HttpRequest, pk: int) -> PartnershipProfile:
    """The profile if the user may see it; 404 otherwise, so unseen profiles stay unknown."""
    return get_object_or_404(for_display(visible_profiles(request.user)), pk=pk)


def available_actions(profile: PartnershipProfile, user: Any) -> dict[str, bool]:
    """Which lifecycle buttons to show: allowed to this user, and from this status."""

    def allowed(permission: str, states: frozenset[Any]) -> bool:
        return profile.status in states and bool(user.has_perm(permission, profile))

    return {
        "edit": allowed("opportunities.change_profile", lifecycle.EDITABLE),
        "submit": allowed("opportunities.submit_profile", lifecycle.SUBMITTABLE),
        "validate": allowed("opportunities.validate_profile", lifecycle.VALIDATABLE),
        "publish": allowed("opportunities.publish_profile", lifecycle.PUBLISHABLE),
        "extend": allowed("opportunities.extend_profile", lifecycle.EXTENDABLE)
        and not profile.extended_once,
        "close": allowed("opportunities.close_profile", lifecycle.CLOSABLE),
    }
