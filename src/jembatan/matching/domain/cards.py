"""What matching shows of a company (profiles are shown through opportunities' public_view)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import get_language

from jembatan.registry.models import Company, Country
from jembatan.translations.domain.versions import prefetched_versions, reader_text


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
    # For a Japanese reader, the katakana the firm gave beside a Latin-script name.
    name_kana: str = ""
    # The description in the reader's language where a version exists, and who made it.
    description_shown: str = ""
    description_origin: str = ""


def company_card(company: Company) -> CompanyCard:
    """A company as any signed-in user sees it in the directory (its public fields).

    Expects ``region`` selected and ``sectors`` and ``description_translations`` prefetched.
    """
    about = reader_text(
        company,
        (get_language() or "id")[:2],
        prefetched_versions(company),
        identity_hidden=False,
    )
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
        name_kana=company.name_kana,
        description_shown=about.texts["description"],
        description_origin=about.shown.origin_label if about.shown else "",
    )
