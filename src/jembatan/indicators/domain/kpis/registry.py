"""KPIs from the company registry: companies registered and verified, by country, sector,
province or prefecture, and size class.

"Registered" counts companies by the day their record was created (an erased company still
counts: its row stays for the programme's figures); "verified" counts those an officer
verified, by the day of the verification. The region filter takes a country code or an
ISO 3166-2 subdivision; the sector filter a programme sector (a company may have several,
so the by-sector figures do not add up to the total).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.kpis import Kpi, KpiQuery, KpiValue, Unit
from jembatan.indicators.domain.kpis.common import (
    Buckets,
    computed,
    periods,
    raw_rows,
    region_q,
    sector_q,
    tallied,
)
from jembatan.registry.models import Company

SOURCE = "jembatan.registry"


def _companies(query: KpiQuery) -> QuerySet[Company]:
    scoped = Company.objects.filter(region_q(query, ""))
    if query.sector:
        scoped = scoped.filter(pk__in=Company.objects.filter(sector_q(query, "")).values("pk"))
    return scoped


Tallies = dict[str, dict[tuple[str, str], int]]


def company_tallies(query: KpiQuery) -> Tallies:
    """Every registry KPI's counts in one pass: "registered:country", "verified:size" and so
    on, each {(period label, key): companies}. Two queries (companies, sector links) that
    read narrow rows: grouping 100,000 rows by unindexed columns in SQL sorts them all, eight
    times over; one pass in Python is several times faster. Timestamps are read as text and
    placed by bisection (`Buckets`), so no datetime is parsed per row."""
    chosen = periods(query)
    tallies: Tallies = {f"{kind}:{dim}": {} for kind in ("registered", "verified")
                        for dim in ("country", "region", "size", "sector")}  # fmt: skip
    if not chosen:
        return tallies
    buckets = Buckets(chosen)
    start, end = chosen[0].starts_at(), chosen[-1].ends_at()
    verified = Company.Verification.VERIFIED
    rows = (
        _companies(query)
        .filter(
            Q(created_at__gte=start, created_at__lt=end)
            | Q(verification=verified, verified_at__gte=start, verified_at__lt=end)
        )
        .annotate(
            created_text=Cast("created_at", CharField()),
            verified_text=Cast("verified_at", CharField()),
        )
        .values_list("pk", "created_text", "verified_text", "verification", "country",
                     "region_id", "size_class")
    )  # fmt: skip
    placed: dict[int, tuple[str | None, str | None]] = {}
    # One tuple per company and kind, counted by Counter in C: per-row work stays small.
    seen: dict[str, list[tuple[str, str, str, str]]] = {"registered": [], "verified": []}
    label = buckets.label
    for pk, created, verified_at, status, country, region, size in raw_rows(rows):
        registered_in = label(created)
        verified_in = label(verified_at) if status == verified else None
        if registered_in is not None:
            seen["registered"].append((registered_in, country, region or "", size or ""))
        if verified_in is not None:
            seen["verified"].append((verified_in, country, region or "", size or ""))
        placed[pk] = (registered_in, verified_in)
    for kind, combinations in seen.items():
        for (period, country, region, size), count in Counter(combinations).items():
            for dim, key in (("country", country), ("region", region), ("size", size)):
                counts = tallies[f"{kind}:{dim}"]
                counts[(period, key)] = counts.get((period, key), 0) + count
    # Every link, unfiltered: a filter on the companies would make the database join and
    # cost more than skipping the links of companies not counted above.
    links = Company.sectors.through.objects.values_list("company_id", "programmesector_id")
    by_sector: dict[str, list[tuple[str, str]]] = {"registered": [], "verified": []}
    with_sector: set[int] = set()
    for company_id, sector in raw_rows(links):
        found = placed.get(company_id)
        if found is None:
            continue
        with_sector.add(company_id)
        if found[0] is not None:
            by_sector["registered"].append((found[0], sector))
        if found[1] is not None:
            by_sector["verified"].append((found[1], sector))
    for pk, (registered_in, verified_in) in placed.items():
        if pk in with_sector:
            continue
        if registered_in is not None:
            by_sector["registered"].append((registered_in, ""))
        if verified_in is not None:
            by_sector["verified"].append((verified_in, ""))
    for kind, pairs in by_sector.items():
        tallies[f"{kind}:sector"] = dict(Counter(pairs))
    return tallies


def _values(query: KpiQuery, name: str) -> list[KpiValue]:
    return tallied(computed(company_tallies, query)[name], periods(query))


def companies_registered(query: KpiQuery) -> list[KpiValue]:
    """Companies registered in each period, by country (key "ID" or "JP")."""
    return _values(query, "registered:country")


def companies_verified(query: KpiQuery) -> list[KpiValue]:
    """Companies verified by an officer in each period, by country."""
    return _values(query, "verified:country")


def companies_registered_by_sector(query: KpiQuery) -> list[KpiValue]:
    """Companies registered in each period, by programme sector (key: the sector's slug;
    "" for companies with no sector). A company counts once in each of its sectors."""
    return _values(query, "registered:sector")


def companies_verified_by_sector(query: KpiQuery) -> list[KpiValue]:
    """Companies verified in each period, by programme sector."""
    return _values(query, "verified:sector")


def companies_registered_by_region(query: KpiQuery) -> list[KpiValue]:
    """Companies registered in each period, by province or prefecture (ISO 3166-2; "" when
    the company gave none)."""
    return _values(query, "registered:region")


def companies_verified_by_region(query: KpiQuery) -> list[KpiValue]:
    """Companies verified in each period, by province or prefecture."""
    return _values(query, "verified:region")


def companies_registered_by_size(query: KpiQuery) -> list[KpiValue]:
    """Companies registered in each period, by size class (small, medium, large for
    Indonesia; small_enterprise, sme, large_jp for Japan; "" when it cannot be told)."""
    return _values(query, "registered:size")


def companies_verified_by_size(query: KpiQuery) -> list[KpiValue]:
    """Companies verified in each period, by size class."""
    return _values(query, "verified:size")


def _kpi(code: str, name: Any, definition: Any, compute: Any, order: int) -> Kpi:
    return Kpi(
        code=f"registry.{code}",
        topic="registry",
        name=name,
        definition=definition,
        unit=Unit.COUNT,
        source_app=SOURCE,
        compute=compute,
        order=order,
    )


KPIS = [
    _kpi(
        "companies_registered",
        _("Companies registered"),
        _("Companies whose record was created in the period, by country."),
        companies_registered,
        10,
    ),
    _kpi(
        "companies_verified",
        _("Companies verified"),
        _("Companies an officer verified in the period, by country."),
        companies_verified,
        20,
    ),
    _kpi(
        "companies_registered_by_sector",
        _("Companies registered, by sector"),
        _("Companies registered in the period, in each programme sector they declare."),
        companies_registered_by_sector,
        30,
    ),
    _kpi(
        "companies_verified_by_sector",
        _("Companies verified, by sector"),
        _("Companies verified in the period, in each programme sector they declare."),
        companies_verified_by_sector,
        40,
    ),
    _kpi(
        "companies_registered_by_region",
        _("Companies registered, by province or prefecture"),
        _("Companies registered in the period, by the province or prefecture they are in."),
        companies_registered_by_region,
        50,
    ),
    _kpi(
        "companies_verified_by_region",
        _("Companies verified, by province or prefecture"),
        _("Companies verified in the period, by the province or prefecture they are in."),
        companies_verified_by_region,
        60,
    ),
    _kpi(
        "companies_registered_by_size",
        _("Companies registered, by size class"),
        _("Companies registered in the period, by their size class."),
        companies_registered_by_size,
        70,
    ),
    _kpi(
        "companies_verified_by_size",
        _("Companies verified, by size class"),
        _("Companies verified in the period, by their size class."),
        companies_verified_by_size,
        80,
    ),
]
