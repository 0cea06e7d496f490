"""Recommendations for a profile and for a company, each with its explanation.

For a profile: published profiles of other companies in the other country, by score (see
scoring.py; whether the cooperation types complement each other is one of its factors,
facts.py ranks). Candidates come from the symmetric (``query:``-role) index, the one
embeddings.py keeps for comparing texts of the same sort. Targets the company marked
"not relevant" are never shown again. Every recommendation carries its factors (with
contributions that add up to the score) and the phrases of both texts that matched. Profiles are shown through opportunities' public_view,
so an anonymous poster stays hidden here as everywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.utils import timezone

from jembatan.matching.domain import keyword_store, scoring
from jembatan.matching.domain.cards import CompanyCard, company_card
from jembatan.matching.domain.embeddings import (
    SIMILAR_ROLE,
    Vector,
    cached_vectors,
    company_text,
    current_encoder,
    embed_texts,
    index_name,
    object_vectors,
    profile_text,
    store_vectors,
)
from jembatan.matching.domain.encoder import Encoder, text_hash
from jembatan.matching.domain.facts import (
    ProfileFacts,
    fact_rows,
    facts_of,
    facts_of_row,
    isic_by_company,
    isic_for_fact_rows,
    rank_profiles,
)
from jembatan.matching.domain.phrases import (
    PHRASE_ROLE,
    PhrasePair,
    matching_phrases,
    split_phrases,
)
from jembatan.matching.domain.vector_store import read_index
from jembatan.matching.domain.visible import nearest_visible
from jembatan.matching.models import ObjectType, RecommendationFeedback
from jembatan.opportunities.domain.presentation import ProfileView, public_view
from jembatan.opportunities.domain.queries.profiles import (
    for_display,
    published_profiles,
    visible_profiles,
)
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Company

_T = TypeVar("_T")

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
    """Whether the cooperation types of the two profiles meet (scoring.COMPLEMENTS)."""
    return (
        scoring.complement_fit(
            scoring.Need(source.kind, source.direction, tuple(source.cooperation_types or ())),
            scoring.Need(target.kind, target.direction, tuple(target.cooperation_types or ())),
        )
        == 1.0
    )


# -- the facts each factor needs, loaded for many firms at once (see facts.py)


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
    """The object's similar-role vector (embedded now if the task has not run yet)."""
    vector = object_vectors(object_type, [pk], SIMILAR_ROLE).get(pk)
    if vector is None and text:
        vector = embed_texts(encoder, [text], SIMILAR_ROLE).vectors[0]
    return vector


def explain_phrases(
    encoder: Encoder, source_text: str, targets: dict[int, str]
) -> dict[int, list[PhrasePair]]:
    """Matching phrases per target, reusing the chunk vectors stored by the tasks."""
    chunks = set(split_phrases(source_text))
    for text in targets.values():
        chunks.update(split_phrases(text))
    stored = cached_vectors(text_hash(encoder.name, PHRASE_ROLE, chunk) for chunk in chunks)
    cache: dict[str, Any] = dict(stored)
    result = {
        pk: matching_phrases(source_text, text, encoder, top=PHRASES, cache=cache)
        for pk, text in targets.items()
    }
    store_vectors(encoder, {h: v for h, v in cache.items() if h not in stored}, PHRASE_ROLE)
    return result


# -- recommendations for a profile


def profile_candidates(profile: PartnershipProfile) -> QuerySet[PartnershipProfile]:
    country = profile.company.country
    return (
        published_profiles()
        .exclude(company_id=profile.company_id)
        .exclude(company__country=country)
        .exclude(pk__in=hidden_targets(profile.company_id, ObjectType.PROFILE))
    )


# A profile's ranking (every candidate, best first, as `CachedRow`: no text, no visibility
# decision) is kept in keyword_store's "search" cache under its generation, which every
# profile or company publish, close, edit, "not relevant" mark and index change bumps, for
# at most keyword_store.CACHE_SECONDS, and under a fingerprint of the source profile (its
# own edits retire its ranking whatever the generation). The profile page, the company page
# and the home panel read the same ranking; each read checks the candidates again for the
# viewer (published, visible, not the company's own, other country, not marked), loads only
# those shown, and compares their facts with those the ranking saw (`_seen`): a shown
# target changed since (an edit whose embedding task has not run yet, say) recomputes.
# The phrases of each shown target are cached beside it, under the hash of both texts.
Seen = tuple[Any, ...]
# target id, rounded score, complement, the factors' (key, value), the facts they saw
CachedRow = tuple[int, float, bool, tuple[tuple[str, float], ...], Seen]
RankedTarget = tuple[int, float, bool]
PHRASE_TARGETS = 64  # targets whose phrases one cache entry keeps (the latest shown)


def _seen(facts: ProfileFacts, codes: Iterable[int], sector_classes: list[str] | None) -> Seen:
    """What a target's factors were computed from, less the company's ISIC classes (a
    company's change bumps the generation) and the cosine (the index's)."""
    need = facts.need
    return (
        (need.kind, need.direction, need.cooperation_types),  # plain values in the cache
        facts.languages,
        facts.size_class,
        facts.partner_size_wanted,
        facts.published_at,
        tuple(sorted(codes)),
        tuple(sector_classes or ()),
    )


def _seen_now(target: PartnershipProfile) -> Seen:
    """`_seen` of a target loaded through for_display (no query)."""
    return _seen(
        facts_of(target, {}, as_target=True),
        [c.pk for c in target.classifications.all()],
        target.sector.isic_classes if target.sector is not None else None,
    )


def _compute_ranking(profile: PartnershipProfile, now: dt.datetime) -> list[CachedRow]:
    """Every candidate partner of ``profile``, ranked best first, from the index's hits and
    their facts (values(): no model instance per candidate)."""
    encoder = current_encoder()
    vector = _vector_of(ObjectType.PROFILE, profile.pk, profile_text(profile), encoder)
    if vector is None:
        return []
    index = read_index(index_name(ObjectType.PROFILE, SIMILAR_ROLE), encoder.dim)
    hits = nearest_visible(index, vector, DEPTH, profile_candidates(profile))
    if not hits:
        return []
    cosine = {hit.key: hit.score for hit in hits}
    rows = fact_rows([profile.pk, *cosine])
    source = rows.get(profile.pk)
    if source is None:  # deleted meanwhile
        return []
    isic = isic_for_fact_rows(rows.values())
    marks = marks_by_others(profile.company_id, ObjectType.PROFILE, cosine)
    targets = [rows[pk] for pk in cosine if pk in rows and pk != profile.pk]
    ranked = rank_profiles(
        facts_of_row(source, isic),
        [facts_of_row(row, isic, as_target=True) for row in targets],
        cosine,
        marks,
        now,
    )
    return [
        (
            r.facts.key,
            round(r.score, 4),
            r.complement,
            tuple((f.key, f.value) for f in r.factors),
            _seen(
                r.facts,
                rows[r.facts.key]["classification_ids"],
                rows[r.facts.key]["sector__isic_classes"],
            ),
        )
        for r in ranked
    ]


def _fingerprint(profile: PartnershipProfile) -> str:
    """The source profile as its ranking saw it: any save of it (or of its company's facts)
    changes it, so its own edits never read an older ranking."""
    company = profile.company
    facts = (
        profile.updated_at.isoformat() if profile.updated_at else "",
        profile.kind,
        profile.direction,
        list(profile.cooperation_types or ()),
        profile.partner_size_wanted,
        profile.sector_id,
        profile_text(profile),
        profile.company_id,
        company.country,
        company.size_class,
        list(company.languages or ()),
    )
    return hashlib.sha256(json.dumps(facts, default=str).encode()).hexdigest()[:32]


def _ranking_name(profile: PartnershipProfile, encoder: Encoder) -> str:
    return f"recommend\0ranking\0{profile.pk}\0{encoder.name}\0{_fingerprint(profile)}"


def _ranking(profile: PartnershipProfile, now: dt.datetime, fresh: bool = False) -> list[CachedRow]:
    """``profile``'s ranking, from the cache when it holds one (``fresh``: computed now)."""
    name = _ranking_name(profile, current_encoder())
    if fresh:
        rows = _compute_ranking(profile, now)
        keyword_store.store_by_generation(name, rows)
        return rows
    found: list[CachedRow] = keyword_store.cached_by_generation(
        name, lambda: _compute_ranking(profile, now)
    )
    return found


def ranked_targets(profile: PartnershipProfile, now: dt.datetime) -> list[RankedTarget]:
    """``profile``'s candidates, best first (id, score, complement), from the cache when it
    holds them; readers filter them for visibility."""
    return [(pk, score, complement) for pk, score, complement, _, _ in _ranking(profile, now)]


def _candidates_now(
    company: Company, viewer: Any, ids: Iterable[int], now: dt.datetime
) -> QuerySet[PartnershipProfile]:
    """Of ``ids``, the profiles ``company`` may be recommended now as ``viewer`` sees them:
    effectively published and visible, not its own, of the other country, not marked "not
    relevant" by it."""
    hidden = RecommendationFeedback.objects.filter(
        company_id=company.pk, target_type=ObjectType.PROFILE
    ).values("target_id")
    return (
        published_profiles(visible_profiles(viewer), now=now)
        .filter(pk__in=ids)
        .exclude(company_id=company.pk)
        .exclude(company__country=company.country)
        .exclude(pk__in=hidden)
    )


def _shown(
    profile: PartnershipProfile,
    viewer: Any,
    rows: list[CachedRow],
    limit: int,
    now: dt.datetime,
    check: bool = True,
) -> tuple[list[CachedRow], dict[int, PartnershipProfile]] | None:
    """The first ``limit`` rows still to be recommended, with their targets loaded for
    display; None when the ranking cannot stand (a shown target's facts changed since, or
    too many of a ranking cut at DEPTH are gone). ``check=False``: shown as it is (a
    ranking computed just now, whose target changed again meanwhile)."""
    candidates = _candidates_now(profile.company, viewer, [row[0] for row in rows], now)
    keep = set(candidates.values_list("pk", flat=True))
    chosen = [row for row in rows if row[0] in keep][:limit]
    if check and len(chosen) < limit and len(rows) >= DEPTH:
        return None
    if not chosen:
        return [], {}
    loaded = for_display(PartnershipProfile.objects.filter(pk__in=[r[0] for r in chosen])).in_bulk()
    chosen = [row for row in chosen if row[0] in loaded]
    if check and any(_seen_now(loaded[row[0]]) != row[4] for row in chosen):
        return None
    return chosen, loaded


def _phrases(
    profile: PartnershipProfile, encoder: Encoder, targets: dict[int, PartnershipProfile]
) -> dict[int, list[PhrasePair]]:
    """The matching phrases of ``profile`` with each target, from the cache where both
    texts are those it was computed from."""
    source_text = profile_text(profile)
    name = f"recommend\0phrases\0{profile.pk}\0{encoder.name}\0{_text_digest(source_text)}"
    kept: dict[int, tuple[str, list[tuple[str, str, float]]]] = (
        keyword_store.read_by_generation(name) or {}
    )
    texts = {pk: profile_text(target) for pk, target in targets.items()}
    digests = {pk: _text_digest(text) for pk, text in texts.items()}
    missing = {pk: text for pk, text in texts.items() if kept.get(pk, ("",))[0] != digests[pk]}
    if missing:
        found = explain_phrases(encoder, source_text, missing)
        fresh = {
            pk: (digests[pk], [(p.left, p.right, p.similarity) for p in pairs])
            for pk, pairs in found.items()
        }
        older = [(pk, value) for pk, value in kept.items() if pk not in fresh]
        kept = dict(older[-(PHRASE_TARGETS - len(fresh)) :] if len(fresh) < PHRASE_TARGETS else [])
        kept.update(fresh)
        keyword_store.store_by_generation(name, kept)
    return {pk: [PhrasePair(*pair) for pair in kept[pk][1]] for pk in texts}


def _text_digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def recommend_for_profile(
    profile: PartnershipProfile,
    viewer: Any,
    limit: int = 10,
    with_phrases: bool = True,
    now: dt.datetime | None = None,
) -> list[Recommendation]:
    """The best partners' profiles for ``profile``, as ``viewer`` may see them."""
    now = now or timezone.now()
    shown = _shown(profile, viewer, _ranking(profile, now), limit, now)
    if shown is None:  # the cached ranking is out of step with a shown target: rank again
        rows = _ranking(profile, now, fresh=True)
        shown = _shown(profile, viewer, rows, limit, now) or _shown(
            profile, viewer, rows, limit, now, check=False
        )
        assert shown is not None  # unchecked, it always stands
    chosen, targets = shown
    labels = scoring.labels()
    phrases = (
        _phrases(profile, current_encoder(), {row[0]: targets[row[0]] for row in chosen})
        if with_phrases and chosen
        else {}
    )
    return [
        Recommendation(
            target_type=ObjectType.PROFILE,
            target_id=pk,
            score=score,
            complement=complement,
            factors=[scoring.factor(key, value, labels=labels) for key, value in factors],
            phrases=phrases.get(pk, []),
            profile=public_view(targets[pk], viewer),
            source_profile_id=profile.pk,
            source_title=profile.title,
        )
        for pk, score, complement, factors, _ in chosen
    ]


def new_profile_recommendations(
    company: Company,
    viewer: Any,
    since: dt.datetime,
    limit: int = 10,
    shown: int = 5,
    now: dt.datetime | None = None,
) -> list[Recommendation]:
    """Of `recommend_profiles_for_company(company, viewer, limit)`, those published after
    ``since`` (at most ``shown``), from the cached rankings: one query checks every
    candidate at once (effectively published, visible to ``viewer``, not the company's own,
    of the other country, not marked "not relevant"), one loads the few shown. Factors
    and phrases are left out (the home panel shows neither)."""
    now = now or timezone.now()
    own = list(published_profiles(now=now).filter(company=company).select_related("company"))
    rankings = [ranked_targets(profile, now) for profile in own]
    ids = {pk for rows in rankings for pk, _, _ in rows}
    if not ids:
        return []
    published_at: dict[int, dt.datetime | None] = dict(
        _candidates_now(company, viewer, ids, now).values_list("pk", "published_at")
    )
    ranked = _best_per_target(
        (row for rows in rankings for row in [r for r in rows if r[0] in published_at][:limit]),
        limit,
    )
    fresh = [
        (pk, score, complement)
        for pk, score, complement in ranked
        if (when := published_at[pk]) is not None and when > since
    ][:shown]
    if not fresh:
        return []
    targets = for_display(PartnershipProfile.objects.filter(pk__in=[pk for pk, _, _ in fresh]))
    loaded = targets.in_bulk()
    return [
        Recommendation(
            target_type=ObjectType.PROFILE,
            target_id=pk,
            score=score,
            complement=complement,
            factors=[],
            profile=public_view(loaded[pk], viewer),
        )
        for pk, score, complement in fresh
        if pk in loaded
    ]


# -- recommendations for a company


def recommend_profiles_for_company(
    company: Company, viewer: Any, limit: int = 10, now: dt.datetime | None = None
) -> list[Recommendation]:
    """Over the company's published profiles: the best target for each, merged."""
    own = published_profiles(now=now).filter(company=company).select_related("company")
    found = (
        (rec.target_id, rec.score, rec)
        for profile in own
        for rec in recommend_for_profile(profile, viewer, limit, with_phrases=False, now=now)
    )
    return [rec for _, _, rec in _best_per_target(found, limit)]


def _best_per_target(
    rows: Iterable[tuple[int, float, _T]], limit: int
) -> list[tuple[int, float, _T]]:
    """Rows (target id, score, value) of several source profiles merged: each target once,
    with its best score (the first row of it on a tie), best first, then by id."""
    best: dict[int, tuple[float, _T]] = {}
    for pk, score, value in rows:
        kept = best.get(pk)
        if kept is None or score > kept[0]:
            best[pk] = (score, value)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
    return [(pk, score, value) for pk, (score, value) in ranked]


def recommend_companies(
    company: Company, viewer: Any, limit: int = 10, among: Iterable[int] | None = None
) -> list[Recommendation]:
    """Firms of the other country whose descriptions are close to this one's (only the
    companies in `among`, when given: an event's registered firms, say)."""
    encoder = current_encoder()
    vector = _vector_of(ObjectType.COMPANY, company.pk, company_text(company), encoder)
    candidates = (
        Company.objects.exclude(country=company.country)
        .exclude(pk__in=hidden_targets(company.pk, ObjectType.COMPANY))
        .filter(erased_at__isnull=True)
    )
    if vector is None:
        return []
    index = read_index(index_name(ObjectType.COMPANY, SIMILAR_ROLE), encoder.dim)
    if among is not None:  # a small set (an event's firms): search within it exactly
        allowed = set(candidates.filter(pk__in=list(among)).values_list("pk", flat=True))
        if not allowed:
            return []
        hits = index.search(vector, min(DEPTH, len(allowed)), allowed=allowed)
    else:
        hits = nearest_visible(index, vector, DEPTH, candidates)
    if not hits:
        return []
    cosine = {hit.key: hit.score for hit in hits}
    targets = (
        Company.objects.filter(pk__in=cosine)
        .select_related("region")
        .prefetch_related("sectors", "description_translations")
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
    keyword_store.documents_changed()  # the cached rankings counted the marks
    defaults: dict[str, Any] = {"source_profile": source_profile, "created_by": user}
    if recommendation is not None:
        defaults["score"] = recommendation.score
        defaults["factors"] = {f.key: f.value for f in recommendation.factors}
    feedback, _ = RecommendationFeedback.objects.get_or_create(
        company=company, target_type=target_type, target_id=target_id, defaults=defaults
    )
    return feedback
