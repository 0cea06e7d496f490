"""The facts a recommendation's factors look at, loaded for many profiles at once, and the
ranking itself as a pure function of those facts (so that the benchmark ranks its
evaluation cases through the very function the product uses).

Sector proximity goes through the KBLI/JSIC -> ISIC crosswalk, but a link counts fully
only where an officer confirmed it or its proposal scored at least
``CROSSWALK_TRUSTED_SCORE``; other proposals count ``UNCONFIRMED_WEIGHT`` (JSIC 1121
cotton weaving was once proposed as ISIC 1391 knitted fabrics).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from jembatan.matching.domain import scoring
from jembatan.opportunities.domain.presentation import poster_facts, poster_facts_for_matching
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Classification, Company, CrosswalkLink

CROSSWALK_TRUSTED_SCORE = 0.75
UNCONFIRMED_WEIGHT = 0.5

Isic = dict[str, float]  # ISIC class -> confidence in (0, 1]


def _merge(into: Isic, classes: Iterable[str], confidence: float) -> None:
    for code in classes:
        into[code] = max(into.get(code, 0.0), confidence)


def isic_confidence_for(codes: Iterable[int]) -> dict[int, Isic]:
    """ISIC classes of classification rows by id, each with a confidence: ISIC rows map to
    themselves (1); links confirmed by an officer or proposed with a high score count 1,
    other proposals UNCONFIRMED_WEIGHT; rejected links never. Where a code has confirmed
    links, its unconfirmed proposals are ignored."""
    ids = list(codes)
    result: dict[int, Isic] = defaultdict(dict)
    for pk, code in Classification.objects.filter(id__in=ids, scheme="isic4").values_list(
        "id", "code"
    ):
        result[pk][code] = 1.0
    links = list(
        CrosswalkLink.objects.filter(source_id__in=ids)
        .exclude(status=CrosswalkLink.Status.REJECTED)
        .values_list("source_id", "isic__code", "status", "score")
    )
    confirmed = {s for s, _, status, _ in links if status == CrosswalkLink.Status.CONFIRMED}
    for source_id, isic_code, status, score in links:
        if status == CrosswalkLink.Status.CONFIRMED:
            _merge(result[source_id], [isic_code], 1.0)
        elif source_id not in confirmed:
            trusted = score >= CROSSWALK_TRUSTED_SCORE
            _merge(result[source_id], [isic_code], 1.0 if trusted else UNCONFIRMED_WEIGHT)
    return result


def isic_by_company(company_ids: Iterable[int]) -> dict[int, Isic]:
    """ISIC classes of firms: from their codes through the crosswalk, else their sectors."""
    ids = set(company_ids)
    codes = list(
        Company.classifications.through.objects.filter(company_id__in=ids).values_list(
            "company_id", "classification_id"
        )
    )
    by_code = isic_confidence_for({code for _, code in codes})
    result: dict[int, Isic] = defaultdict(dict)
    for company_id, code in codes:
        for isic, confidence in by_code.get(code, {}).items():
            _merge(result[company_id], [isic], confidence)
    sectors = Company.sectors.through.objects.filter(company_id__in=ids).values_list(
        "company_id", "programmesector__isic_classes"
    )
    for company_id, classes in sectors:
        if not result[company_id]:
            _merge(result[company_id], classes or [], 1.0)
    return result


def isic_for_profiles(profiles: list[PartnershipProfile]) -> dict[int, Isic]:
    """A profile's ISIC classes: its own codes and sector, else its company's."""
    return isic_for_rows(
        [
            (
                p.pk,
                p.company_id,
                [c.pk for c in p.classifications.all()],
                p.sector.isic_classes if p.sector is not None else None,
            )
            for p in profiles
        ]
    )


IsicRow = tuple[int, int, list[int], list[str] | None]  # profile, company, codes, sector's


def isic_for_rows(rows: list[IsicRow]) -> dict[int, Isic]:
    """`isic_for_profiles` from (profile id, company id, classification ids, the sector's
    ISIC classes or None) rows."""
    by_code = isic_confidence_for({code for _, _, codes, _ in rows for code in codes})
    companies = isic_by_company({company_id for _, company_id, _, _ in rows})
    result: dict[int, Isic] = {}
    for pk, company_id, codes, sector_classes in rows:
        classes: Isic = {}
        for code in codes:
            for isic, confidence in by_code.get(code, {}).items():
                _merge(classes, [isic], confidence)
        _merge(classes, sector_classes or [], 1.0)
        result[pk] = classes or dict(companies.get(company_id, {}))
    return result


# The columns the facts of a profile read (`fact_rows`), so that hundreds of candidates
# are ranked from values() rather than from model instances with their relations.
FACT_COLUMNS = (
    "pk",
    "company_id",
    "kind",
    "direction",
    "cooperation_types",
    "partner_size_wanted",
    "published_at",
    "is_anonymous",
    "disclosed_at",
    "language",
    "sector__isic_classes",
    "company__size_class",
    "company__languages",
)
FactRow = dict[str, Any]


def fact_rows(ids: Iterable[int]) -> dict[int, FactRow]:
    """FACT_COLUMNS of the profiles ``ids``, with their classification ids under
    "classification_ids" (two queries however many)."""
    rows: dict[int, FactRow] = {
        row["pk"]: {**row, "classification_ids": []}
        for row in PartnershipProfile.objects.filter(pk__in=set(ids))
        .order_by()
        .values(*FACT_COLUMNS)
    }
    through = PartnershipProfile.classifications.through
    for profile_id, code in through.objects.filter(
        partnershipprofile_id__in=list(rows)
    ).values_list("partnershipprofile_id", "classification_id"):
        rows[profile_id]["classification_ids"].append(code)
    return rows


def isic_for_fact_rows(rows: Iterable[FactRow]) -> dict[int, Isic]:
    return isic_for_rows(
        [
            (r["pk"], r["company_id"], r["classification_ids"], r["sector__isic_classes"])
            for r in rows
        ]
    )


@dataclass(frozen=True)
class ProfileFacts:
    """One profile as the ranking sees it."""

    key: int
    need: scoring.Need
    isic: Mapping[str, float] = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    size_class: str = ""
    partner_size_wanted: str = ""
    published_at: dt.datetime | None = None


def facts_of(
    profile: PartnershipProfile, isic: Mapping[int, Isic], *, as_target: bool = False
) -> ProfileFacts:
    """A profile's facts. As a recommended target, an anonymous poster is seen only through
    what its neutral label and text disclose (`poster_facts_for_matching`), so the size and
    language factors cannot describe it more precisely than the label does."""
    if as_target:
        poster = poster_facts_for_matching(profile)
        languages, size_class = tuple(poster.languages), poster.size_class
    else:
        languages, size_class = tuple(profile.company.languages or ()), profile.company.size_class
    return _facts(
        profile.pk,
        profile.kind,
        profile.direction,
        profile.cooperation_types,
        isic,
        languages,
        size_class,
        profile.partner_size_wanted,
        profile.published_at,
    )


def facts_of_row(
    row: FactRow, isic: Mapping[int, Isic], *, as_target: bool = False
) -> ProfileFacts:
    """`facts_of` from a `fact_rows` row (the same facts, the same rule for anonymity)."""
    if as_target:
        poster = poster_facts(
            bool(row["is_anonymous"]) and row["disclosed_at"] is None,
            row["company__size_class"],
            row["company__languages"] or [],
            row["language"],
        )
        languages, size_class = tuple(poster.languages), poster.size_class
    else:
        languages = tuple(row["company__languages"] or ())
        size_class = row["company__size_class"]
    return _facts(
        row["pk"],
        row["kind"],
        row["direction"],
        row["cooperation_types"],
        isic,
        languages,
        size_class,
        row["partner_size_wanted"],
        row["published_at"],
    )


def _facts(
    pk: int,
    kind: str,
    direction: str,
    cooperation_types: Iterable[Any] | None,
    isic: Mapping[int, Isic],
    languages: tuple[str, ...],
    size_class: str,
    partner_size_wanted: str,
    published_at: dt.datetime | None,
) -> ProfileFacts:
    return ProfileFacts(
        key=pk,
        need=scoring.Need(kind, direction, tuple(str(t) for t in cooperation_types or ())),
        isic=isic.get(pk, {}),
        languages=languages,
        size_class=size_class,
        partner_size_wanted=partner_size_wanted,
        published_at=published_at,
    )


def profile_factors(
    source: ProfileFacts,
    target: ProfileFacts,
    cosine: float,
    marks: int,
    now: dt.datetime,
    weights: Mapping[str, float] | None = None,
    labels: Mapping[str, str] | None = None,
    proximity: Callable[[Mapping[str, float], Mapping[str, float]], float] | None = None,
) -> list[scoring.Factor]:
    """The factors of ``target`` as a partner for ``source`` (weights default WEIGHTS;
    ``labels`` as scoring.labels() gives them; ``proximity`` scoring.isic_proximity or
    one that remembers its answers)."""
    size = (
        scoring.size_fit(source.partner_size_wanted, target.size_class)
        + scoring.size_fit(target.partner_size_wanted, source.size_class)
    ) / 2
    values = {
        "semantic": scoring.semantic_value(cosine),
        "complement": scoring.complement_fit(source.need, target.need),
        "sector": (proximity or scoring.isic_proximity)(source.isic, target.isic),
        "size": size,
        "language": scoring.language_fit(source.languages, target.languages),
        "freshness": scoring.freshness(target.published_at, now),
        "feedback": scoring.feedback_penalty(marks),
    }
    return [scoring.factor(key, value, weights, labels) for key, value in values.items()]


@dataclass(frozen=True)
class Ranked:
    facts: ProfileFacts
    score: float
    factors: list[scoring.Factor]

    @property
    def complement(self) -> bool:
        return any(f.key == "complement" and f.value == 1.0 for f in self.factors)


def rank_profiles(
    source: ProfileFacts,
    targets: Iterable[ProfileFacts],
    cosine: Mapping[int, float],
    marks: Mapping[int, int],
    now: dt.datetime,
    weights: Mapping[str, float] | None = None,
) -> list[Ranked]:
    """Targets by score, best first (ties by key): the product's ranking."""
    ranked = []
    labels = scoring.labels()
    # One source against many targets, most of which share their classes with others (a
    # sector's, a company's): each distinct set of the targets' classes is compared once.
    known: dict[tuple[tuple[str, float], ...], float] = {}

    def proximity(left: Mapping[str, float], right: Mapping[str, float]) -> float:
        key = tuple(sorted(right.items()))
        if key not in known:
            known[key] = scoring.isic_proximity(left, right)
        return known[key]

    for target in targets:
        factors = profile_factors(
            source,
            target,
            cosine[target.key],
            marks.get(target.key, 0),
            now,
            weights,
            labels,
            proximity,
        )
        ranked.append(Ranked(target, scoring.total(factors), factors))
    ranked.sort(key=lambda r: (-r.score, r.facts.key))
    return ranked
