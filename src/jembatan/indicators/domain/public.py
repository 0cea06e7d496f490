"""The public page's figures: aggregates only, with no cell small enough to point at a firm.

Only what names nobody is published: the ministry's statistics (national aggregates, already
public) and the KPIs that count (companies, profiles, meetings, agreements, participants).
Money, rates and durations of KPIs are left out: a median response time or a contract value
over two firms describes those firms. Every KPI cell from 1 to JEMBATAN_PUBLIC_MIN_CELL - 1
is suppressed (shown "< 5"); breakdown keys are sectors, regions, countries and statuses,
never a company, a person or an e-mail address.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.conf import settings

from jembatan.core.domain.kpis import KpiQuery, Unit
from jembatan.indicators.domain.charts import Topic, suppress_small_cells
from jembatan.indicators.domain.dashboard import DashboardData
from jembatan.indicators.domain.topics import Overview, overview

PUBLIC_UNITS = (Unit.COUNT, Unit.PERSONS)
# Events are named by their organisers, and a name may be a firm's ("X supplier day"): the
# public page counts meetings, not meetings per named event.
NOT_PUBLIC = {"events.meetings_by_event"}


def min_cell() -> int:
    return int(getattr(settings, "JEMBATAN_PUBLIC_MIN_CELL", 5))


def public_query(year: int) -> KpiQuery:
    return KpiQuery(start=dt.date(year, 1, 1), end=dt.date(year + 1, 1, 1), period="year")


def public_overview(year: int, data: DashboardData | None = None) -> Overview:
    """The year's figures by year only (no month or quarter cells), sector and region whole.
    `data`: the year's dashboard figures when the caller has them (the page's cache)."""
    threshold = min_cell()
    content = overview(public_query(year), data)
    topics = []
    for topic in content.topics:
        if topic.code == "statistics":
            topics.append(topic)
            continue
        charts = tuple(
            suppress_small_cells(chart, threshold)
            for chart in topic.charts
            if chart.unit in PUBLIC_UNITS and chart.code not in NOT_PUBLIC
        )
        if charts:
            topics.append(Topic(topic.code, topic.title, charts))
    return replace(content, topics=tuple(topics))
