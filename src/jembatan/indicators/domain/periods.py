"""Reporting periods: years, quarters and months, their labels and their boundaries.

Labels are "2017", "2017-Q1" and "2017-03". A period runs from its first day (inclusive) to
the next period's first day (exclusive), in the programme's zone (settings.TIME_ZONE) for
the instants stored in UTC.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings

from jembatan.core.domain.kpis import Period

_LABEL = re.compile(r"^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$")


@dataclass(frozen=True)
class ReportingPeriod:
    label: str
    start: dt.date  # inclusive
    end: dt.date  # exclusive

    @property
    def last_day(self) -> dt.date:
        return self.end - dt.timedelta(days=1)

    def starts_at(self) -> dt.datetime:
        return instant(self.start)

    def ends_at(self) -> dt.datetime:
        return instant(self.end)


def instant(day: dt.date) -> dt.datetime:
    """The first instant of `day` in the programme's zone."""
    return dt.datetime.combine(day, dt.time(), tzinfo=ZoneInfo(settings.TIME_ZONE))


def period_start(day: dt.date, period: Period) -> dt.date:
    if period == "year":
        return dt.date(day.year, 1, 1)
    if period == "quarter":
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return dt.date(day.year, day.month, 1)


def next_start(start: dt.date, period: Period) -> dt.date:
    months = {"year": 12, "quarter": 3, "month": 1}[period]
    index = start.month - 1 + months
    return dt.date(start.year + index // 12, index % 12 + 1, 1)


def label(start: dt.date, period: Period) -> str:
    if period == "year":
        return f"{start.year}"
    if period == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}-{start.month:02d}"


def reporting_period(start: dt.date, period: Period) -> ReportingPeriod:
    first = period_start(start, period)
    return ReportingPeriod(label(first, period), first, next_start(first, period))


def periods_between(start: dt.date, end: dt.date, period: Period) -> list[ReportingPeriod]:
    """The periods that overlap [start, end), each clipped to it (a query for 15 March to
    15 May by month gives 2017-03 from the 15th, 2017-04, and 2017-05 up to the 14th)."""
    periods: list[ReportingPeriod] = []
    cursor = period_start(start, period)
    while cursor < end:
        following = next_start(cursor, period)
        periods.append(
            ReportingPeriod(label(cursor, period), max(cursor, start), min(following, end))
        )
        cursor = following
    return periods


def parse_label(text: str) -> tuple[dt.date, Period] | None:
    """("2017-Q2" -> (2017-04-01, "quarter")); None when it is not a period label."""
    match = _LABEL.match(text.strip())
    if match is None:
        return None
    year, quarter, month = match.groups()
    if quarter:
        return dt.date(int(year), 3 * (int(quarter) - 1) + 1, 1), "quarter"
    if month:
        return dt.date(int(year), int(month), 1), "month"
    return dt.date(int(year), 1, 1), "year"
