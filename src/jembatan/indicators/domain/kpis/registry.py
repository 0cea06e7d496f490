"""KPIs from the company registry: companies registered and verified, by country, sector,
province or prefecture, and size class.

"Registered" counts companies by the day their record was created (an erased company still
counts: its row stays for the programme's figures); "verified" counts those an officer
verified, by the day of the verification. The region filter takes a country code or an
ISO 3166-2 subdivision; the sector filter a programme sector (a company may have several,
so the by-sector figures do not add up to the total).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.kpis import Kpi, KpiQuery, KpiValue, Unit
from jembatan.indicators.domain.kpis.common import bucketed, region_q, sector_q
from jembatan.registry.models import Company

SOURCE = "jembatan.registry"


def _companies(query: KpiQuery) -> QuerySet[Company]:
    scoped = Company.objects.filter(region_q(query, ""))
    if query.sector:
        scoped = scoped.filter(pk__in=Company.objects.filter(sector_q(query, "")).values("pk"))
    return scoped


def _verified(query: KpiQuery) -> QuerySet[Company]:
    return _companies(query).filter(verification=Company.Verification.VERIFIED)


def _registered(query: KpiQuery, key: str | None, **options: Any) -> list[KpiValue]:
    return bucketed(_companies(query), query, date_field="created_at", key=key, **options)


def _verified_by(query: KpiQuery, key: str | None, **options: Any) -> list[KpiValue]:
    return bucketed(_verified(query), query, date_field="verified_at", key=key, **options)


def companies_registered(query: KpiQuery) -> list[KpiValue]:
    """Companies registered in each period, by country (key "ID" or "JP")."""
    return _registered(query, "country")


def companies_verified(query: KpiQuery) -> list[KpiValue]:
    """Companies verified by an officer in each period, by country."""
    return _verified_by(query, "country")


def companies_registered_by_sector(query: KpiQuery) -> list[KpiValue]:
    """Companies registered in each period, by programme sector (key: the sector's slug;
    "" for companies with no sector). A company counts once in each of its sectors."""
    return _registered(query, "sectors__slug", distinct=True)


def companies_verified_by_sector(query: KpiQuery) -> list[KpiValue]:
    """Companies verified in each period, by programme sector."""
    return _verified_by(query, "sectors__slug", distinct=True)


def companies_registered_by_region(query: KpiQuery) -> list[KpiValue]:
    """Companies registered in each period, by province or prefecture (ISO 3166-2; "" when
    the company gave none)."""
    return _registered(query, "region_id")


def companies_verified_by_region(query: KpiQuery) -> list[KpiValue]:
    """Companies verified in each period, by province or prefecture."""
    return _verified_by(query, "region_id")


def companies_registered_by_size(query: KpiQuery) -> list[KpiValue]:
    """Companies registered in each period, by size class (small, medium, large for
    Indonesia; small_enterprise, sme, large_jp for Japan; "" when it cannot be told)."""
    return _registered(query, "size_class")


def companies_verified_by_size(query: KpiQuery) -> list[KpiValue]:
    """Companies verified in each period, by size class."""
    return _verified_by(query, "size_class")


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
