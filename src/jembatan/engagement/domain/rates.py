"""The exchange-rate table: the rates in force on a date, and writing imported rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from jembatan.core.domain.audit import log_action
from jembatan.engagement.domain.money import MissingRateError, Rates, no_rate_message
from jembatan.engagement.domain.rate_import import RateFile, read_rate_file
from jembatan.engagement.models import ExchangeRate


def as_rates(row: ExchangeRate) -> Rates:
    return Rates(on=row.on, per_usd={"IDR": row.idr_per_usd, "JPY": row.jpy_per_usd})


def rates_on(on: date) -> Rates | None:
    """The latest rates dated on or before `on`; None when the table has none that early."""
    row = ExchangeRate.objects.filter(on__lte=on).order_by("-on").first()
    return as_rates(row) if row is not None else None


def require_rates_on(on: date) -> Rates:
    rates = rates_on(on)
    if rates is None:
        raise MissingRateError(no_rate_message(on))
    return rates


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    problems: list[str]


def import_rates(data: bytes, actor: Any = None, source: str = "") -> ImportResult:
    """Write every row of a rate file, or nothing if any row has a problem."""
    parsed: RateFile = read_rate_file(data)
    if parsed.problems:
        return ImportResult(0, 0, parsed.problems)
    created = updated = 0
    with transaction.atomic():
        existing = {
            r.on: r for r in ExchangeRate.objects.filter(on__in=[r.on for r in parsed.rows])
        }
        for row in parsed.rows:
            rate = existing.get(row.on) or ExchangeRate(on=row.on)
            is_new = rate.pk is None
            before = None if is_new else [str(rate.idr_per_usd), str(rate.jpy_per_usd)]
            rate.idr_per_usd = row.idr_per_usd
            rate.jpy_per_usd = row.jpy_per_usd
            rate.source = source or rate.source
            rate.entered_by = actor if getattr(actor, "is_authenticated", False) else None
            rate.save()
            log_action(
                "jembatan.exchange_rate.imported",
                rate,
                actor,
                {
                    "before": before,
                    "after": [str(row.idr_per_usd), str(row.jpy_per_usd)],
                    "line": row.line,
                },
            )
            created += is_new
            updated += not is_new
    return ImportResult(created, updated, [])
