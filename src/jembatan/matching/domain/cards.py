"""What matching shows of a company (profiles are shown through opportunities' public_view)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from jembatan.registry.models import Company, Country


@dataclass(frozen=True)
class CompanyCard:
    id: int
    name: str
    name_alt: str
    reading_latin: str
    readings_generated: bool
    country: str
    country_label: str
    region: str
    sectors: list[str]
    description: str
    url: str


def company_card(company: Company) -> CompanyCard:
    """A company as any signed-in user sees it in the directory (its public fields).

    Expects ``region`` selected and ``sectors`` prefetched.
    """
    return CompanyCard(
        id=company.pk,
        name=company.name,
        name_alt=company.name_alt,
        reading_latin=company.reading_latin,
        readings_generated=company.readings_generated,
        country=company.country,
        country_label=str(Country(company.country).label),
        region=company.region.localized_name() if company.region else "",
        sectors=[sector.localized_name() for sector in company.sectors.all()],
        description=company.description,
        url=reverse("registry:company_detail", args=[company.pk]),
    )
