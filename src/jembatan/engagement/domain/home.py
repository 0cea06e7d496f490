"""The engagement panel of a company member's home page: expressions of interest waiting
for the company's answer, those it sent that are still open, and its live introductions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from jembatan.accounts.rules import users_company
from jembatan.core.domain.home_panels import HomePanel, register_panel
from jembatan.engagement.domain.interests import reached_owner
from jembatan.engagement.models import ExpressionOfInterest, InterestStatus, Introduction
from jembatan.engagement.models.interest import OPEN_STATUSES
from jembatan.engagement.models.introduction import Stage

SHOWN = 5


def _first_and_count(rows: QuerySet[Any], shown: int = SHOWN) -> tuple[list[Any], int]:
    """The first `shown` of `rows` and how many there are: counted by the database only when
    the list is full (a company with fewer has them all in the list)."""
    first = list(rows[:shown])
    return first, (len(first) if len(first) < shown else rows.count())


def interests_context(user: Any, now: dt.datetime) -> dict[str, Any] | None:
    company = users_company(user)
    if company is None:
        return None
    interests = ExpressionOfInterest.objects.select_related("profile", "requester_company")
    received = interests.filter(
        reached_owner(), profile__company_id=company, status=InterestStatus.PENDING
    ).order_by("created_at")
    sent = interests.filter(requester_company_id=company, status__in=OPEN_STATUSES).order_by(
        "-created_at"
    )
    live = (
        Introduction.objects.filter(Q(company_a_id=company) | Q(company_b_id=company))
        .exclude(stage=Stage.CLOSED)
        .select_related("profile")
        .order_by("-last_activity_at")
    )
    received_rows, received_count = _first_and_count(received)
    sent_rows, sent_count = _first_and_count(sent)
    introductions, introductions_count = _first_and_count(live)
    return {
        "received": received_rows,
        "received_count": received_count,
        "sent": sent_rows,
        "sent_count": sent_count,
        "introductions": introductions,
        "introductions_count": introductions_count,
    }


def register() -> None:
    register_panel(
        HomePanel(
            key="engagement.interests",
            template="engagement/home/_interests.html",
            roles=("company_member",),
            context=interests_context,
            order=40,
        )
    )
