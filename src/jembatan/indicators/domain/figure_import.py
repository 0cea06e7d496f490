"""`jembatan indicators import PATH`: observations and targets from a CSV or XLSX file.

The same rules as the company import (docs/import.md): the file is read by the registry's
readers (CSV in UTF-8, Shift_JIS/CP932 or Windows-1252, or XLSX), every failing row is
named with its column and the reason in the user's language, nothing is written when any
row fails (one transaction), and importing the same file again changes nothing. The
columns are in docs/indicators.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from jembatan.engagement.domain.money import MoneyError, normalise_number, parse_major
from jembatan.indicators.domain.periods import parse_label
from jembatan.indicators.models import Indicator, IndicatorUnit, Observation, Target
from jembatan.registry.domain.company_import import RowError, SourceError, TabularSource
from jembatan.registry.models import ProgrammeSector, Region

REQUIRED = ("kind", "indicator", "period", "value")
OPTIONAL = ("region", "sector", "currency", "source", "note")
KINDS: dict[str, type[Observation] | type[Target]] = {"observation": Observation, "target": Target}
DECIMAL_PLACES = 6
MAX_INTEGER = 10**17


@dataclass
class FigureImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_json(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [e.as_dict() for e in self.errors],
        }


@dataclass(frozen=True)
class ParsedRow:
    row: int
    model: type[Observation] | type[Target]
    indicator: Indicator
    period_start: dt.date
    granularity: str
    region: str | None
    sector: str | None
    value: int | None
    value_decimal: Decimal | None
    currency: str
    source: str
    note: str

    @property
    def key(self) -> tuple[Any, ...]:
        return (
            self.model.__name__,
            self.indicator.pk,
            self.period_start,
            self.granularity,
            self.region,
            self.sector,
        )


class _Lookups:
    def __init__(self) -> None:
        self.indicators = {i.code: i for i in Indicator.objects.all()}
        self.regions = set(Region.objects.values_list("code", flat=True))
        self.sectors = set(ProgrammeSector.objects.values_list("slug", flat=True))


def _header(cells: list[str]) -> tuple[dict[str, int], list[RowError]]:
    names = [c.strip().lower() for c in cells]
    columns = {name: index for index, name in reversed(list(enumerate(names))) if name}
    errors = [
        RowError(1, name, _("The column is missing.")) for name in REQUIRED if name not in columns
    ]
    errors += [
        RowError(
            1,
            name,
            _("Unknown column: the columns are %(columns)s.")
            % {"columns": ", ".join(REQUIRED + OPTIONAL)},
        )
        for name in columns
        if name not in REQUIRED + OPTIONAL
    ]
    return columns, errors


def _number(text: str, indicator: Indicator, currency: str) -> tuple[int | None, Decimal | None]:
    """The value as stored: an integer (minor units for money) or a Decimal for percents.
    Raises ValueError with the reason."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if indicator.unit == IndicatorUnit.MONEY:
        try:
            return parse_major(cleaned, currency), None
        except MoneyError as error:
            raise ValueError(str(error)) from None
    digits = DECIMAL_PLACES if indicator.unit == IndicatorUnit.PERCENT else 0
    negative = cleaned.startswith("-")
    try:
        number = Decimal(normalise_number(cleaned.lstrip("+-"), digits))
    except InvalidOperation:
        raise ValueError(_("%(text)s is not a number.") % {"text": text}) from None
    if not number.is_finite():
        raise ValueError(_("%(text)s is not a number.") % {"text": text})
    if indicator.unit == IndicatorUnit.PERCENT:
        if number.as_tuple().exponent < -DECIMAL_PLACES:  # type: ignore[operator]
            raise ValueError(
                _("A percent has at most %(digits)d decimals.") % {"digits": DECIMAL_PLACES}
            )
        if number >= 10**14:
            raise ValueError(_("%(text)s is too large.") % {"text": text})
        return None, -number if negative else number
    if negative or number != number.to_integral_value():
        raise ValueError(_("%(text)s is not a whole number of 0 or more.") % {"text": text})
    if number > MAX_INTEGER:
        raise ValueError(_("%(text)s is too large.") % {"text": text})
    return int(number), None


def _parse(
    number: int, cells: dict[str, str], lookups: _Lookups
) -> tuple[ParsedRow | None, list[RowError]]:
    errors: list[RowError] = []

    def fail(column: str, message: str) -> None:
        errors.append(RowError(number, column, message))

    model = KINDS.get(cells["kind"].lower())
    if model is None:
        fail("kind", _("Write “observation” or “target”."))
    indicator = lookups.indicators.get(cells["indicator"])
    if indicator is None:
        fail("indicator", _("No indicator has the code “%(code)s”.") % {"code": cells["indicator"]})
    period = parse_label(cells["period"])
    if period is None:
        fail("period", _("Write the period as 2017, 2017-Q1 or 2017-03."))
    region = cells.get("region", "").upper() or None
    if region is not None and region not in lookups.regions:
        fail(
            "region",
            _("“%(code)s” is not an ISO 3166-2 province or prefecture code.") % {"code": region},
        )
    sector = cells.get("sector", "").lower() or None
    if sector is not None and sector not in lookups.sectors:
        fail("sector", _("“%(code)s” is not a programme sector.") % {"code": sector})
    currency = cells.get("currency", "").upper()
    value: tuple[int | None, Decimal | None] = (None, None)
    if indicator is not None:
        if indicator.unit == IndicatorUnit.MONEY and not currency:
            fail("currency", _("A money indicator needs its ISO 4217 currency."))
        elif indicator.unit == IndicatorUnit.MONEY and currency != indicator.currency:
            fail(
                "currency",
                _("The indicator is in %(currency)s.") % {"currency": indicator.currency},
            )
        elif indicator.unit != IndicatorUnit.MONEY and currency:
            fail("currency", _("Only money indicators have a currency."))
        if not cells["value"].strip():
            fail("value", _("The value is missing."))
        elif not any(e.column == "currency" for e in errors):
            try:
                value = _number(cells["value"], indicator, currency)
            except ValueError as error:
                fail("value", str(error))
    for column, limit in (("source", 500),):
        if len(cells.get(column, "")) > limit:
            fail(column, _("At most %(max)d characters.") % {"max": limit})
    if errors or model is None or indicator is None or period is None:
        return None, errors
    return (
        ParsedRow(
            row=number,
            model=model,
            indicator=indicator,
            period_start=period[0],
            granularity=period[1],
            region=region,
            sector=sector,
            value=value[0],
            value_decimal=value[1],
            currency=currency,
            source=cells.get("source", ""),
            note=cells.get("note", ""),
        ),
        [],
    )


def read_figures(source: TabularSource) -> tuple[list[ParsedRow], list[RowError]]:
    """Every row of the file parsed, or the errors of every failing row."""
    lookups = _Lookups()
    parsed: list[ParsedRow] = []
    errors: list[RowError] = []
    seen: dict[tuple[Any, ...], int] = {}
    columns: dict[str, int] | None = None
    try:
        for number, cells in source.rows():
            if columns is None:
                columns, header_errors = _header(cells)
                if header_errors:
                    return [], header_errors
                continue
            if not any(c.strip() for c in cells):
                continue
            named = {
                name: (cells[index].strip() if index < len(cells) else "")
                for name, index in columns.items()
            }
            row, row_errors = _parse(number, named, lookups)
            errors += row_errors
            if row is None:
                continue
            if row.key in seen:
                errors.append(
                    RowError(
                        number,
                        "period",
                        _("The same figure is already on row %(row)d.") % {"row": seen[row.key]},
                    )
                )
                continue
            seen[row.key] = number
            parsed.append(row)
    except SourceError as error:
        return [], [error.error]
    if columns is None:
        return [], [RowError(1, "", _("The file is empty."))]
    return parsed, errors


FIELDS = ("value", "value_decimal", "currency", "source_reference", "note")


def import_figures(source: TabularSource, *, dry_run: bool = False) -> FigureImportReport:
    """Create or update the file's observations and targets, all or nothing."""
    rows, errors = read_figures(source)
    report = FigureImportReport(errors=errors)
    if errors:
        return report
    with transaction.atomic():
        for row in rows:
            existing = (
                row.model.objects.select_for_update()
                .filter(
                    indicator=row.indicator,
                    period_start=row.period_start,
                    granularity=row.granularity,
                    region_id=row.region,
                    sector_id=row.sector,
                )
                # By key, not the model's ordering: that joins the indicator and the region
                # (an outer join), which PostgreSQL cannot lock FOR UPDATE.
                .order_by("pk")
                .first()
            )
            wanted = {
                "value": row.value,
                "value_decimal": row.value_decimal,
                "currency": row.currency,
                "source_reference": row.source,
                "note": row.note,
            }
            if existing is None:
                report.created += 1
                if not dry_run:
                    row.model.objects.create(
                        indicator=row.indicator,
                        period_start=row.period_start,
                        granularity=row.granularity,
                        region_id=row.region,
                        sector_id=row.sector,
                        **wanted,
                    )
                continue
            if all(_same(getattr(existing, name), wanted[name]) for name in FIELDS):
                report.unchanged += 1
                continue
            report.updated += 1
            if not dry_run:
                for name, value in wanted.items():
                    setattr(existing, name, value)
                existing.save()
    return report


def _same(stored: Any, wanted: Any) -> bool:
    if isinstance(stored, Decimal) and isinstance(wanted, Decimal):
        return stored.compare(wanted) == 0
    return bool(stored == wanted)
