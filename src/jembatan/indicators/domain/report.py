"""The report a ministry sends on: one function builds its content, for the command line
(`jembatan indicators report`) and the dashboard's download buttons alike; the XLSX and PDF
writers (interfaces/report_xlsx.py, report_pdf.py) only lay it out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from jembatan.core.domain import numbers
from jembatan.core.domain.kpis import KpiQuery, Period
from jembatan.indicators.domain.periods import label, next_start, parse_label
from jembatan.indicators.domain.topics import Overview, key_labeller, overview

LANGUAGES = ("id", "ja", "en")
# A year's report breaks down by quarter, a quarter's by month, a month's stays whole.
FINER: dict[str, Period] = {"year": "quarter", "quarter": "month", "month": "month"}


class ReportError(ValueError):
    """A report that cannot be built as asked; the message says why."""


@dataclass(frozen=True)
class Report:
    title: str
    period: str  # the label asked for: "2017", "2017-Q1", "2017-03"
    language: str
    generated_on: dt.date
    scope: str  # the sector, region and reporting currency, in words
    overview: Overview


def report_query(
    period: str, *, sector: str = "", region: str = "", currency: str = "IDR"
) -> KpiQuery:
    """The KpiQuery for a period label: "2017" gives 2017 by quarter."""
    parsed = parse_label(period)
    if parsed is None:
        raise ReportError(
            _("%(period)s is not a period: write 2017, 2017-Q1 or 2017-03.") % {"period": period}
        )
    start, granularity = parsed
    return KpiQuery(
        start=start,
        end=next_start(start, granularity),
        period=FINER[granularity],
        sector=sector,
        region=region,
        currency=currency,
    )


def scope_text(query: KpiQuery) -> str:
    label = key_labeller()
    parts = [label(query.sector) if query.sector else _("all sectors")]
    parts.append(label(query.region) if query.region else _("all regions"))
    return ", ".join(parts)


def report_content(query: KpiQuery, language: str, today: dt.date) -> Report:
    """Everything the report says, in `language` (id, ja or en)."""
    if language not in LANGUAGES:
        raise ReportError(
            _("%(language)s is not a report language: id, ja or en.") % {"language": language}
        )
    with translation.override(language):
        period = _label(query)
        return Report(
            title=_("Indonesia–Japan SME partnership programme: indicators for %(period)s")
            % {"period": numbers.period_label(period)},
            period=period,
            language=language,
            generated_on=today,
            scope=scope_text(query),
            overview=overview(query),
        )


def _label(query: KpiQuery) -> str:
    granularities: tuple[Period, ...] = ("year", "quarter", "month")
    for granularity in granularities:
        if next_start(query.start, granularity) == query.end:
            return label(query.start, granularity)
    return f"{query.start.isoformat()}/{query.end.isoformat()}"
