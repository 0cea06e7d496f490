"""Users' choices per kind: immediately, in the daily digest, or no e-mail."""

from __future__ import annotations

from typing import Any

from jembatan.notifications.domain.kinds import CHANNELS, all_kinds, get_kind
from jembatan.notifications.models import NotificationPreference


def channel_for(user: Any, kind: str) -> str:
    chosen = (
        NotificationPreference.objects.filter(user=user, kind=kind)
        .values_list("channel", flat=True)
        .first()
    )
    return chosen or get_kind(kind).default


def channels_for(user: Any) -> dict[str, str]:
    """Every registered kind with the user's channel for it (their choice or the default)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "channel"))
    return {kind.key: chosen.get(kind.key, kind.default) for kind in all_kinds()}


def set_channel(user: Any, kind: str, channel: str) -> NotificationPreference:
    get_kind(kind)
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"channel": channel}
    )
    return preference
