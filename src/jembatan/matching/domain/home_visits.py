"""When a user last opened their home page and their recommendations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from jembatan.matching.models import HomeVisit


def last_visit(user: Any) -> HomeVisit | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return HomeVisit.objects.filter(user=user).first()


def _stamp(user: Any, field: str, now: dt.datetime) -> None:
    """One UPDATE in the usual case; the row is created on the user's first visit."""
    if HomeVisit.objects.filter(user=user).update(**{field: now}):
        return
    try:
        with transaction.atomic():
            HomeVisit.objects.create(user=user, **{field: now})
    except IntegrityError:  # a parallel request created it first
        HomeVisit.objects.filter(user=user).update(**{field: now})


def record_home_visit(user: Any, now: dt.datetime | None = None) -> None:
    _stamp(user, "home_seen_at", now or timezone.now())


def record_recommendations_view(user: Any, now: dt.datetime | None = None) -> None:
    """The user opened their company's recommendations (ticks the first-run checklist)."""
    if getattr(user, "is_authenticated", False):
        _stamp(user, "recommendations_seen_at", now or timezone.now())
