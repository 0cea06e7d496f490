"""The officers' pipeline table as an XLSX file (through SafeWorkbook: no formulas)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.interfaces.spreadsheets import SafeWorkbook
from jembatan.engagement.domain.board import Card


def headers() -> list[str]:
    return [
        _("Introduction"),
        _("Interested company"),
        _("Profile owner"),
        _("Partnership profile"),
        _("Sector"),
        _("Province or prefecture"),
        _("Stage"),
        _("Introduced on"),
        _("Last activity"),
        _("Age (days)"),
        _("Through an officer"),
        _("Event of origin"),
        _("No activity for 30 days"),
    ]


def region_names(card: Card) -> str:
    intro = card.introduction
    regions = [c.region for c in (intro.company_a, intro.company_b) if c.region is not None]
    return ", ".join(str(r) for r in regions)


def local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def pipeline_workbook(rows: list[Card]) -> bytes:
    book = SafeWorkbook()
    sheet = book.active
    sheet.title = _("Pipeline")[:31]
    sheet.append(headers())
    for card in rows:
        intro = card.introduction
        profile = intro.profile
        sheet.append(
            [
                intro.pk,
                intro.company_a.name,
                intro.company_b.name,
                profile.title if profile is not None else "",
                str(profile.sector) if profile is not None and profile.sector else "",
                region_names(card),
                str(card.stage_label),
                local_date(intro.created_at),
                local_date(intro.last_activity_at),
                card.age_days,
                _("yes") if intro.interest is not None and intro.interest.mediated else _("no"),
                card.origin,
                _("yes") if card.stale else _("no"),
            ]
        )
    sheet.freeze_panes = "A2"
    return book.to_bytes()
