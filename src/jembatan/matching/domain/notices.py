"""Matching's notification kind: the weekly digest of new matches (opt-in, as it always was:
off by default; "immediately" sends it the Monday it is made, "daily digest" adds it to that)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from jembatan.notifications.domain.kinds import NotificationKind, register_kind

WEEKLY_MATCHES = "matching.weekly_matches"


def register_kinds() -> None:
    register_kind(
        NotificationKind(
            key=WEEKLY_MATCHES,
            label=_("Weekly new partner matches"),
            default="off",
            description=_(
                "Once a week, the newly published profiles that match your company's profiles "
                "(only when you choose an e-mail here)."
            ),
        )
    )
