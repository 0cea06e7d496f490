"""When a user last opened their home page and their recommendations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from jembatan.matching.models import HomeVisit


def last_visit(user: Any) -> HomeVisit | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return HomeVisit.objects.filter(user=user).first()


def record_home_visit(user: Any, now: dt.datetime | None = None) -> None:
    HomeVisit.objects.update_or_create(user=user, defaults={"home_seen_at": now or timezone.now()})


def record_recommendations_view(user: Any, now: dt.datetime | None = None) -> None:
    """The user opened their company's recommendations (ticks the first-run checklist)."""
    if getattr(user, "is_authenticated", False):
        HomeVisit.objects.update_or_create(
            user=user, defaults={"recommendations_seen_at": now or timezone.now()}
        )
