"""Free-text search across languages: the vector index and keyword search, fused by RRF.

Texts are searched the same way in the product and in ``jembatan matching eval``
(:func:`fused_ranking`: the vector index's and keyword search's SEARCH_DEPTH best, fused
with RRF k = 60), so the figures the evaluation prints are those of the path users get.
The product adds one list that evaluation pairs have no use for: names (of companies, and
of the posters of profiles that show them), identifiers and codes by keyword, which
counts double in the fusion.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.core.cache import caches

from jembatan.matching.domain import keyword_store
from jembatan.matching.domain.embeddings import current_encoder, from_bytes, to_bytes
from jembatan.matching.domain.encoder import Encoder, Vectors, text_hash
from jembatan.matching.domain.fusion import FusedHit, reciprocal_rank_fusion
from jembatan.matching.domain.index import VectorIndex
from jembatan.matching.domain.keyword import KeywordHit
from jembatan.matching.domain.keyword_store import keyword_search
from jembatan.matching.domain.phrases import EmbeddingLRU
from jembatan.matching.domain.vector_store import read_index
from jembatan.matching.domain.visible import WIDEN, nearest_visible
from jembatan.matching.models import ObjectType
from jembatan.opportunities.domain.queries.profiles import (
    for_display,
    published_profiles,
    visible_profiles,
)
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.domain.queries.companies import (
    is_code_like,
    name_matches,
)
from jembatan.registry.models import Company

SEARCH_DEPTH = 50  # candidates taken from each list before fusion
RRF_K = 60
# A name, identifier or code that matches is what the searcher meant more surely than a
# description close in meaning: its list counts double in the fusion.
NAME_WEIGHT = 2.0

KeywordSearch = Callable[[str, int, Collection[int] | None], list[KeywordHit]]

_query_vectors = EmbeddingLRU(maxsize=1024)
QUERY_VECTOR_SECONDS = 24 * 3600  # a vector depends on the words and the model only


def query_vector(encoder: Encoder, query: str) -> Vectors:
    """The query's vector, kept in a per-process LRU and, for QUERY_VECTOR_SECONDS, in the
    "search" cache that the web processes share (the vector only, keyed by the text's
    hash), so that each of them does not encode the same words again. Queries are not
    stored in the database."""
    digest = text_hash(encoder.name, "query", query)
    if digest not in _query_vectors:
        shared = caches[keyword_store.SEARCH_CACHE]
        key = f"query-vector:{digest}"
        stored = shared.get(key)
        if isinstance(stored, bytes) and len(stored) == 4 * encoder.dim:
            vector = from_bytes(stored, encoder.dim).copy()
        else:
            vector = np.asarray(encoder.encode_queries([query])[0], dtype=np.float32)
            shared.set(key, to_bytes(vector), QUERY_VECTOR_SECONDS)
        _query_vectors[digest] = vector
    return np.asarray(_query_vectors[digest], dtype=np.float32)


def fused_ranking(
    query: str,
    encoder: Encoder,
    index: VectorIndex,
    keywords: KeywordSearch,
    k: int = 10,
    allowed: Collection[int] | None = None,
) -> list[FusedHit]:
    """The product's retrieval: top SEARCH_DEPTH by meaning and by keywords, RRF-fused."""
    vector = query_vector(encoder, query)
    semantic = [hit.key for hit in index.search(vector, SEARCH_DEPTH, allowed=allowed)]
    words = [hit.key for hit in keywords(query, SEARCH_DEPTH, allowed)]
    return reciprocal_rank_fusion({"semantic": semantic, "keyword": words}, k=RRF_K, limit=k)


@dataclass(frozen=True)
class SearchResult:
    hit: FusedHit
    item: Any  # a ProfileView or a CompanyCard


def search_profile_objects(
    user: Any, query: str, k: int = 20, country: str = ""
) -> list[tuple[FusedHit, PartnershipProfile]]:
    """Published profiles the user may see, of posters in ``country`` when given and never
    of the searcher's own company, best match first: by meaning and keywords of their text,
    and by their poster's name (in any script; never for a profile that hides its poster,
    so a name cannot find an anonymous profile)."""
    query = query.strip()
    if not query:
        return []
    visible = published_profiles(visible_profiles(user))
    if country:
        visible = visible.filter(company__country=country)
    own = getattr(user, "company_id_or_none", None)
    if own is not None:
        visible = visible.exclude(company_id=own)
    encoder = current_encoder()
    index = read_index(ObjectType.PROFILE, encoder.dim)
    vector = query_vector(encoder, query)
    named = visible.filter(is_anonymous=False)
    posters, by_poster = _posters(named, query)
    lists = {
        "name": [pk for company_id in posters for pk in sorted(by_poster.get(company_id, []))],
        "semantic": [h.key for h in nearest_visible(index, vector, SEARCH_DEPTH, visible)],
        "keyword": [
            h.key for h in keyword_search(ObjectType.PROFILE, query, SEARCH_DEPTH, visible=visible)
        ],
    }
    hits = reciprocal_rank_fusion(lists, k=RRF_K, weights={"name": NAME_WEIGHT}, limit=k)
    profiles = for_display(
        PartnershipProfile.objects.filter(pk__in=[h.key for h in hits])
    ).in_bulk()
    return [(hit, profiles[hit.key]) for hit in hits if hit.key in profiles]


def _posters(named: Any, query: str) -> tuple[list[int], dict[int, list[int]]]:
    """Firms whose names match ``query`` among the posters of the ``named`` profiles, best
    first (at most SEARCH_DEPTH), and their profiles' ids. Names are matched over every
    firm first (deeper than needed) and kept when they post such a profile; a restriction
    to the posters' ids inside the name query cost a subquery over every visible profile."""
    deeper = WIDEN * SEARCH_DEPTH
    matched = name_matches(Company.objects.all(), query, deeper)
    by_poster = _profiles_by_poster(named, matched)
    posters = [company_id for company_id in matched if company_id in by_poster]
    if len(posters) < SEARCH_DEPTH and len(matched) == deeper:  # too few posters: exact path
        posters = name_matches(Company.objects.filter(pk__in=named.values("company_id")), query)
        by_poster = _profiles_by_poster(named, posters)
    return posters[:SEARCH_DEPTH], by_poster


def _profiles_by_poster(named: Any, companies: list[int]) -> dict[int, list[int]]:
    by_poster: dict[int, list[int]] = {}
    if companies:
        # By primary key from the firms' own rows: filtered on company_id directly, SQLite
        # without statistics walks the status index over every published profile (0.5 s).
        theirs = PartnershipProfile.objects.filter(company_id__in=companies).values("pk")
        rows = named.filter(pk__in=theirs).order_by().values_list("pk", "company_id")
        for pk, company_id in rows:
            by_poster.setdefault(company_id, []).append(pk)
    return by_poster


def company_ranking(query: str, companies: Any, k: int = 2 * SEARCH_DEPTH) -> list[FusedHit]:
    """The one search path of the directory and partner search, within ``companies`` (a
    queryset): names, readings, identifiers and codes by keyword (``ranks['name']``),
    descriptions by meaning and by keyword (``semantic``, ``keyword``), RRF-fused. A query
    that is only digits (an NIB, a corporate number, a KBLI or JSIC code) is not searched by
    meaning: every description has some nearest neighbour, none of them meant."""
    query = query.strip()
    if not query:
        return []
    names = name_matches(companies, query, SEARCH_DEPTH)
    lists: dict[str, list[int]] = {"name": names}
    if not is_code_like(query):
        encoder = current_encoder()
        index = read_index(ObjectType.COMPANY, encoder.dim)
        vector = query_vector(encoder, query)
        lists["semantic"] = [h.key for h in nearest_visible(index, vector, SEARCH_DEPTH, companies)]
        lists["keyword"] = [
            h.key
            for h in keyword_search(ObjectType.COMPANY, query, SEARCH_DEPTH, visible=companies)
        ]
    return reciprocal_rank_fusion(lists, k=RRF_K, weights={"name": NAME_WEIGHT}, limit=k)


def partner_companies(user: Any, country: str = "") -> Any:
    """The companies a partner search looks in: of ``country`` when given, never the
    searcher's own."""
    companies = Company.objects.filter(erased_at__isnull=True)
    if country:
        companies = companies.filter(country=country)
    own = getattr(user, "company_id_or_none", None)
    if own is not None:
        companies = companies.exclude(pk=own)
    return companies


def search_company_objects(
    user: Any, query: str, k: int = 20, country: str = ""
) -> list[tuple[FusedHit, Company]]:
    """Companies by name, identifier, code or description (the directory every signed-in
    user may read), of ``country`` when given, without the searcher's own company."""
    query = query.strip()
    if not query or not user.is_authenticated:
        return []
    hits = company_ranking(query, partner_companies(user, country), k)
    companies = (
        Company.objects.filter(pk__in=[h.key for h in hits])
        .select_related("region")
        .prefetch_related("sectors", "description_translations")
        .in_bulk()
    )
    return [(hit, companies[hit.key]) for hit in hits if hit.key in companies]
