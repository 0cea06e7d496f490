"""Recommendations for a profile and for a company, each with its explanation.

For a profile: published profiles of other companies in the other country; complements
first (an offer meets the requests of the same kind, and the reverse), then by score (see
scoring.py). Targets the company marked "not relevant" are never shown again. Every
recommendation carries its factors (with contributions that add up to the score) and the
phrases of both texts that matched. Profiles are shown through opportunities' public_view,
so an anonymous poster stays hidden here as everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from jembatan.matching.domain import scoring
from jembatan.matching.domain.cards import CompanyCard, company_card
from jembatan.matching.domain.embeddings import (
    Vector,
    cached_vectors,
    company_text,
    current_encoder,
    embed_texts,
    object_vectors,
    profile_text,
    store_vectors,
)
from jembatan.matching.domain.encoder import Encoder, text_hash
from jembatan.matching.domain.phrases import PhrasePair, matching_phrases, split_phrases
from jembatan.matching.domain.vector_store import read_index
from jembatan.matching.models import ObjectType, RecommendationFeedback
from jembatan.opportunities.domain.presentation import (
    ProfileView,
    poster_facts_for_matching,
    public_view,
)
from jembatan.opportunities.domain.queries.profiles import for_display, published_profiles
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.domain.derived import isic_classes_for
from jembatan.registry.models import Company

DEPTH = 300  # nearest candidates considered before scoring
PHRASES = 3


@dataclass(frozen=True)
class Recommendation:
    target_type: str
    target_id: int
    score: float
    complement: bool
    factors: list[scoring.Factor]
    phrases: list[PhrasePair] = field(default_factory=list)
    profile: ProfileView | None = None
    company: CompanyCard | None = None
    source_profile_id: int | None = None
    source_title: str = ""


def complements(source: PartnershipProfile, target: PartnershipProfile) -> bool:
    return source.kind == target.kind and source.direction != target.direction


# -- the facts each factor needs, loaded for many firms at once


def isic_by_company(company_ids: Iterable[int]) -> dict[int, set[str]]:
    """ISIC classes of firms: from their codes through the crosswalk, else their sectors."""
    ids = set(company_ids)
    codes = Company.classifications.through.objects.filter(company_id__in=ids).values_list(
        "company_id", "classification_id"
    )
    by_code = isic_classes_for({code for _, code in codes})
    result: dict[int, set[str]] = defaultdict(set)
    for company_id, code in codes:
        result[company_id].update(by_code.get(code, []))
    sectors = Company.sectors.through.objects.filter(company_id__in=ids).values_list(
        "company_id", "programmesector__isic_classes"
    )
    for company_id, classes in sectors:
        if not result[company_id]:
            result[company_id].update(classes or [])
    return result


def isic_for_profiles(profiles: list[PartnershipProfile]) -> dict[int, set[str]]:
    """A profile's ISIC classes: its own codes and sector, else its company's."""
    code_ids = {c.pk for p in profiles for c in p.classifications.all()}
    by_code = isic_classes_for(code_ids)
    companies = isic_by_company({p.company_id for p in profiles})
    result: dict[int, set[str]] = {}
    for p in profiles:
        classes = {isic for c in p.classifications.all() for isic in by_code.get(c.pk, [])}
        if p.sector is not None:
            classes.update(p.sector.isic_classes or [])
        result[p.pk] = classes or companies.get(p.company_id, set())
    return result


def hidden_targets(company_id: int, target_type: str) -> set[int]:
    return set(
        RecommendationFeedback.objects.filter(
            company_id=company_id, target_type=target_type
        ).values_list("target_id", flat=True)
    )


def marks_by_others(company_id: int, target_type: str, ids: Iterable[int]) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    for target_id in (
        RecommendationFeedback.objects.filter(target_type=target_type, target_id__in=set(ids))
        .exclude(company_id=company_id)
        .values_list("target_id", flat=True)
    ):
        counts[int(target_id)] += 1
    return counts


def _vector_of(object_type: str, pk: int, text: str, encoder: Encoder) -> Vector | None:
    vector = object_vectors(object_type, [pk]).get(pk)
    if vector is None and text:
        vector = embed_texts(encoder, [text]).vectors[0]  # not embedded yet: do it now
    return vector


def explain_phrases(
    encoder: Encoder, source_text: str, targets: dict[int, str]
) -> dict[int, list[PhrasePair]]:
    """Matching phrases per target, reusing the chunk vectors stored by the tasks."""
    chunks = set(split_phrases(source_text))
    for text in targets.values():
        chunks.update(split_phrases(text))
    stored = cached_vectors(text_hash(encoder.name, "passage", chunk) for chunk in chunks)
    cache: dict[str, Any] = dict(stored)
    result = {
        pk: matching_phrases(source_text, text, encoder, top=PHRASES, cache=cache)
        for pk, text in targets.items()
    }
    store_vectors(encoder, {h: v for h, v in cache.items() if h not in stored}, "passage")
    return result


# -- recommendations for a profile


def profile_candidates(profile: PartnershipProfile) -> set[int]:
    country = profile.company.country
    return set(
        published_profiles()
        .exclude(company_id=profile.company_id)
        .exclude(company__country=country)
        .exclude(pk__in=hidden_targets(profile.company_id, ObjectType.PROFILE))
        .values_list("pk", flat=True)
    )


def score_profile(
    source: PartnershipProfile,
    target: PartnershipProfile,
    cosine: float,
    isic: dict[int, set[str]],
    marks: int,
    now: dt.datetime,
) -> list[scoring.Factor]:
    # An anonymous target is scored only on what its neutral label and text disclose.
    poster = poster_facts_for_matching(target)
    size = (
        scoring.size_fit(source.partner_size_wanted, poster.size_class)
        + scoring.size_fit(target.partner_size_wanted, source.company.size_class)
    ) / 2
    return [
        scoring.factor("semantic", scoring.semantic_value(cosine)),
        scoring.factor("sector", scoring.isic_proximity(isic[source.pk], isic[target.pk])),
        scoring.factor("size", size),
        scoring.factor(
            "language", scoring.language_fit(source.company.languages, poster.languages)
        ),
        scoring.factor("freshness", scoring.freshness(target.published_at, now)),
        scoring.factor("feedback", scoring.feedback_penalty(marks)),
    ]


def recommend_for_profile(
    profile: PartnershipProfile,
    viewer: Any,
    limit: int = 10,
    with_phrases: bool = True,
    now: dt.datetime | None = None,
) -> list[Recommendation]:
    """The best partners' profiles for ``profile``, as ``viewer`` may see them."""
    now = now or timezone.now()
    encoder = current_encoder()
    source_text = profile_text(profile)
    vector = _vector_of(ObjectType.PROFILE, profile.pk, source_text, encoder)
    allowed = profile_candidates(profile)
    if vector is None or not allowed:
        return []
    index = read_index(ObjectType.PROFILE, encoder.dim)
    hits = index.search(vector, min(DEPTH, len(allowed)), allowed=allowed)
    cosine = {hit.key: hit.score for hit in hits}
    targets = list(for_display(PartnershipProfile.objects.filter(pk__in=cosine)))
    source = for_display(PartnershipProfile.objects.filter(pk=profile.pk)).get()
    isic = isic_for_profiles([source, *targets])
    marks = marks_by_others(profile.company_id, ObjectType.PROFILE, cosine)
    scored = []
    for target in targets:
        factors = score_profile(
            source, target, cosine[target.pk], isic, marks.get(target.pk, 0), now
        )
        scored.append((complements(source, target), scoring.total(factors), target, factors))
    scored.sort(key=lambda row: (not row[0], -row[1], row[2].pk))
    chosen = scored[:limit]
    phrases = (
        explain_phrases(encoder, source_text, {t.pk: profile_text(t) for _, _, t, _ in chosen})
        if with_phrases
        else {}
    )
    return [
        Recommendation(
            target_type=ObjectType.PROFILE,
            target_id=target.pk,
            score=round(score, 4),
            complement=complement,
            factors=factors,
            phrases=phrases.get(target.pk, []),
            profile=public_view(target, viewer),
            source_profile_id=profile.pk,
            source_title=profile.title,
        )
        for complement, score, target, factors in chosen
    ]


# -- recommendations for a company


def recommend_profiles_for_company(
    company: Company, viewer: Any, limit: int = 10, now: dt.datetime | None = None
) -> list[Recommendation]:
    """Over the company's published profiles: the best target for each, merged."""
    best: dict[int, Recommendation] = {}
    own = published_profiles(now=now).filter(company=company).select_related("company")
    for profile in own:
        for rec in recommend_for_profile(profile, viewer, limit, with_phrases=False, now=now):
            kept = best.get(rec.target_id)
            if kept is None or (rec.complement, rec.score) > (kept.complement, kept.score):
                best[rec.target_id] = rec
    ranked = sorted(best.values(), key=lambda r: (not r.complement, -r.score, r.target_id))
    return ranked[:limit]


def recommend_companies(
    company: Company, viewer: Any, limit: int = 10, among: Iterable[int] | None = None
) -> list[Recommendation]:
    """Firms of the other country whose descriptions are close to this one's (only the
    companies in `among`, when given: an event's registered firms, say)."""
    encoder = current_encoder()
    vector = _vector_of(ObjectType.COMPANY, company.pk, company_text(company), encoder)
    candidates = Company.objects.exclude(country=company.country).exclude(
        pk__in=hidden_targets(company.pk, ObjectType.COMPANY)
    )
    if among is not None:
        candidates = candidates.filter(pk__in=list(among))
    allowed = set(candidates.values_list("pk", flat=True))
    if vector is None or not allowed:
        return []
    index = read_index(ObjectType.COMPANY, encoder.dim)
    hits = index.search(vector, min(DEPTH, len(allowed)), allowed=allowed)
    cosine = {hit.key: hit.score for hit in hits}
    targets = (
        Company.objects.filter(pk__in=cosine).select_related("region").prefetch_related("sectors")
    )
    isic = isic_by_company([company.pk, *cosine])
    marks = marks_by_others(company.pk, ObjectType.COMPANY, cosine)
    scored = []
    for target in targets:
        factors = [
            scoring.factor("semantic", scoring.semantic_value(cosine[target.pk])),
            scoring.factor("sector", scoring.isic_proximity(isic[company.pk], isic[target.pk])),
            scoring.factor("language", scoring.language_fit(company.languages, target.languages)),
            scoring.factor("feedback", scoring.feedback_penalty(marks.get(target.pk, 0))),
        ]
        scored.append((scoring.total(factors), target, factors))
    scored.sort(key=lambda row: (-row[0], row[1].pk))
    return [
        Recommendation(
            target_type=ObjectType.COMPANY,
            target_id=target.pk,
            score=round(score, 4),
            complement=False,
            factors=factors,
            company=company_card(target),
        )
        for score, target, factors in scored[:limit]
    ]


def mark_not_relevant(
    company: Company,
    target_type: str,
    target_id: int,
    user: Any,
    source_profile: PartnershipProfile | None = None,
    recommendation: Recommendation | None = None,
) -> RecommendationFeedback:
    """Record that ``company`` finds a recommendation not relevant; it is hidden from then on."""
    defaults: dict[str, Any] = {"source_profile": source_profile, "created_by": user}
    if recommendation is not None:
        defaults["score"] = recommendation.score
        defaults["factors"] = {f.key: f.value for f in recommendation.factors}
    feedback, _ = RecommendationFeedback.objects.get_or_create(
        company=company, target_type=target_type, target_id=target_id, defaults=defaults
    )
    return feedback
