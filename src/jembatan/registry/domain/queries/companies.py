"""Searching and filtering the company directory.

The web form (registry.interfaces.forms.CompanyFilterForm) and the API turn their input into
a `CompanySearch`; `filter_companies` is the one place that knows how it maps to SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL

from jembatan.core.domain.querysets import rows_within
from jembatan.registry.domain.name_index import name_candidates
from jembatan.registry.domain.readings import has_japanese_script, kana_key, latin_key
from jembatan.registry.models import Company, Country

SEARCHED_FIELDS = ("name", "name_alt", "name_kana", "registry_id", "city", "description")
NAME_FIELDS = ("name", "name_alt", "name_kana")
_CODE_LIKE = re.compile(r"^[\d\s.\-]+$")


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
    exclude_company: int | None = None  # the searcher's own company, left out of searches


def other_country(country: str) -> str:
    """The partner country of a firm in ``country`` (Indonesia <-> Japan)."""
    return Country.JAPAN if country == Country.INDONESIA else Country.INDONESIA


def default_partner_country(user: Any) -> str:
    """The other country for a company member (where their partners are), else any ("")."""
    own = getattr(user, "company_id_or_none", None)
    if own is None:
        return ""
    country = Company.objects.filter(pk=own).values_list("country", flat=True).first()
    return other_country(country) if country else ""


def is_code_like(text: str) -> bool:
    """Whether ``text`` is an identifier or a classification code (digits, spaces, dashes)."""
    return bool(_CODE_LIKE.match(text.strip()))


def name_matches(companies: QuerySet[Company], text: str, limit: int = 50) -> list[int]:
    """Ids of ``companies`` whose names, readings, registry identifier, classification codes
    or city match ``text`` by keyword, best first: the exact name, then names beginning with
    it, other name and reading matches, identifiers and codes, then the city.

    Names match in any script: "yamada seisakusho" finds 株式会社山田製作所 through its
    romaji reading, マジュ・ベルサマ finds PT Maju Bersama through its katakana reading
    (registry/domain/readings.py keys fold long vowels, ッ, ー and spaces).

    On SQLite a trigram index narrows the LIKEs to its candidates (registry/domain/name_index.py)."""
    text = text.strip()
    if not text:
        return []
    digits = re.sub(r"\D", "", text)
    names = Q()
    for field in NAME_FIELDS:
        names |= Q(**{f"{field}__icontains": text})
    key = kana_key(text) if has_japanese_script(text) else latin_key(text)
    if len(key) >= 2:
        names |= Q(name_keys__icontains=key)
    codes = Q()
    coded = len(digits) >= 2 and is_code_like(text)
    if coded:
        through = Company.classifications.through.objects.filter(
            classification__code__startswith=digits
        ).values("company_id")
        codes = Q(registry_id__startswith=digits) | Q(pk__in=through)
    rank = Case(
        When(name__iexact=text, then=Value(0)),
        When(name__istartswith=text, then=Value(1)),
        When(names, then=Value(2)),
        *([When(codes, then=Value(3))] if codes else []),
        default=Value(4),
        output_field=IntegerField(),
    )
    found = names | codes | Q(city__icontains=text)
    candidates = name_candidates(connections[companies.db], text, key, digits if coded else None)
    if candidates is None:
        matched = companies.filter(found)
    else:
        # SQLite: the same conditions on the name index's candidates only (name_index.py),
        # the candidates driving the query: within ``companies`` by a correlated EXISTS on
        # the primary key, so that its filters (a country's index) do not make SQLite walk
        # every firm of that country checking each against the candidates.
        sql, params = candidates
        if coded:
            linked, linked_params = through.query.sql_with_params()
            sql, params = f"{sql} UNION {linked}", [*params, *linked_params]
        matched = rows_within(
            companies,
            Q(pk__in=RawSQL(sql, params)),  # noqa: S611 (constant SQL, placeholders)
            found,
        )
    return list(
        matched.annotate(match_rank=rank)
        .order_by("match_rank", "name", "id")
        .values_list("pk", flat=True)[:limit]
    )


def directory_queryset() -> QuerySet[Company]:
    """Companies with what a directory row shows, fetched in a constant number of queries
    (erased companies stay in the figures, not in the directory)."""
    listed = Company.objects.filter(erased_at__isnull=True)
    return listed.select_related("region").prefetch_related("sectors", "description_translations")


def filter_companies(params: CompanySearch, *, for_count: bool = False) -> QuerySet[Company]:
    """The companies matching `params`' filters, in directory order (name, then id).

    The search text is not applied here: the directory ranks it through matching's
    cross-lingual path (names by keyword, descriptions by meaning) within these.

    A sector or certification is asked by a correlated EXISTS, so that a page of 25 walks
    the directory's order index and probes each firm's links (10 ms at a million firms)
    instead of sorting every firm of the sector (60,000: 0.4 s); ``for_count`` gives the
    same rows by a join, which the capped count reads from the links' side (20 ms where the
    EXISTS would walk 160,000 firms to find 10,000). docs/benchmarks.md, issue 15."""
    companies = directory_queryset()
    if params.exclude_company is not None and params.text.strip():
        companies = companies.exclude(pk=params.exclude_company)
    exact = {
        "country": params.country,
        "region__code": params.region,
        "size_class": params.size_class,
        "verification": params.verification,
    }
    if for_count:
        exact.update(sectors__slug=params.sector, certifications__code=params.certification)
    else:
        links = (
            (Company.sectors.through, "programmesector_id", params.sector),
            (Company.certifications.through, "certification_id", params.certification),
        )
        for through, field, value in links:
            if value:
                linked = through.objects.filter(company_id=OuterRef("pk"), **{field: value})
                companies = companies.filter(Exists(linked))
    if params.country and params.region and not params.region.startswith(params.country + "-"):
        # A province or prefecture lies in one country (ISO 3166-2 codes begin with it): a
        # region of the other country matches nothing, answered without reading the rows
        # of a region of 200,000 firms one by one to find none of that country.
        return companies.none()
    companies = companies.filter(**{key: value for key, value in exact.items() if value})
    return companies.order_by("name", "id")


def validation_queue() -> QuerySet[Company]:
    """Companies waiting for an officer, the longest-waiting first (an erased one waits
    for nothing)."""
    return (
        Company.objects.filter(verification=Company.Verification.UNVERIFIED, erased_at=None)
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
