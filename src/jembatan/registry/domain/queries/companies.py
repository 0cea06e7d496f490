"""Searching and filtering the company directory.

The web form (registry.interfaces.forms.CompanyFilterForm) and the API turn their input into
a `CompanySearch`; `filter_companies` is the one place that knows how it maps to SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from jembatan.registry.models import Company, Country

SEARCHED_FIELDS = ("name", "name_alt", "name_kana", "registry_id", "city", "description")


@dataclass(frozen=True)
class CompanySearch:
    """What a user asked the directory for; empty strings mean "any"."""

    text: str = ""
    country: str = ""
    sector: str = ""
    region: str = ""
    size_class: str = ""
    certification: str = ""
    verification: str = ""


def directory_queryset() -> QuerySet[Company]:
    """Companies with what a directory row shows, fetched in a constant number of queries."""
    return Company.objects.select_related("region").prefetch_related("sectors")


def filter_companies(params: CompanySearch) -> QuerySet[Company]:
    """The companies matching `params`, in directory order (name, then id)."""
    companies = directory_queryset()
    text = params.text.strip()
    if text:
        condition = Q()
        for field in SEARCHED_FIELDS:
            condition |= Q(**{f"{field}__icontains": text})
        companies = companies.filter(condition)
    exact = {
        "country": params.country,
        "sectors__slug": params.sector,
        "region__code": params.region,
        "size_class": params.size_class,
        "certifications__code": params.certification,
        "verification": params.verification,
    }
    companies = companies.filter(**{key: value for key, value in exact.items() if value})
    return companies.order_by("name", "id")


def validation_queue() -> QuerySet[Company]:
    """Companies waiting for an officer, the longest-waiting first."""
    return (
        Company.objects.filter(verification=Company.Verification.UNVERIFIED)
        .select_related("region")
        .order_by("created_at", "id")
    )


def country_counts() -> dict[str, int]:
    """How many companies the registry holds per country code, e.g. {"ID": 12, "JP": 4}."""
    counts = dict.fromkeys(Country.values, 0)
    rows = Company.objects.order_by().values("country").annotate(total=Count("id"))
    for row in rows:
        counts[row["country"]] = row["total"]
    return counts
