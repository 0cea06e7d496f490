"""Free-text search across languages: the vector index and keyword search, fused by RRF.

The same :func:`fused_ranking` serves the product (``search_profiles``,
``search_companies``) and ``jembatan matching eval``, so the figures the evaluation prints
are those of the path users get.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import numpy as np

from jembatan.matching.domain.embeddings import current_encoder
from jembatan.matching.domain.encoder import Encoder, Vectors, text_hash
from jembatan.matching.domain.fusion import FusedHit, reciprocal_rank_fusion
from jembatan.matching.domain.index import VectorIndex
from jembatan.matching.domain.keyword import KeywordHit
from jembatan.matching.domain.keyword_store import keyword_search
from jembatan.matching.domain.phrases import EmbeddingLRU
from jembatan.matching.domain.vector_store import read_index
from jembatan.matching.models import ObjectType
from jembatan.opportunities.domain.queries.profiles import (
    for_display,
    published_profiles,
    visible_profiles,
)
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Company

SEARCH_DEPTH = 50  # candidates taken from each list before fusion
RRF_K = 60

KeywordSearch = Callable[[str, int, Collection[int] | None], list[KeywordHit]]

_query_vectors = EmbeddingLRU(maxsize=1024)


def query_vector(encoder: Encoder, query: str) -> Vectors:
    """The query's vector, kept in a per-process LRU (queries are not stored)."""
    digest = text_hash(encoder.name, "query", query)
    if digest not in _query_vectors:
        _query_vectors[digest] = encoder.encode_queries([query])[0]
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


def _db_keywords(object_type: str) -> KeywordSearch:
    def search(query: str, k: int, allowed: Collection[int] | None) -> list[KeywordHit]:
        return keyword_search(object_type, query, k, allowed)

    return search


@dataclass(frozen=True)
class SearchResult:
    hit: FusedHit
    item: Any  # a ProfileView or a CompanyCard


def search_profile_objects(
    user: Any, query: str, k: int = 20
) -> list[tuple[FusedHit, PartnershipProfile]]:
    """Published profiles the user may see, best match first."""
    query = query.strip()
    if not query:
        return []
    visible = published_profiles(visible_profiles(user))
    allowed = set(visible.values_list("pk", flat=True))
    if not allowed:
        return []
    encoder = current_encoder()
    index = read_index(ObjectType.PROFILE, encoder.dim)
    hits = fused_ranking(query, encoder, index, _db_keywords(ObjectType.PROFILE), k, allowed)
    profiles = for_display(
        PartnershipProfile.objects.filter(pk__in=[h.key for h in hits])
    ).in_bulk()
    return [(hit, profiles[hit.key]) for hit in hits if hit.key in profiles]


def search_company_objects(user: Any, query: str, k: int = 20) -> list[tuple[FusedHit, Company]]:
    """Companies by their descriptions (the directory every signed-in user may read)."""
    query = query.strip()
    if not query or not user.is_authenticated:
        return []
    encoder = current_encoder()
    index = read_index(ObjectType.COMPANY, encoder.dim)
    hits = fused_ranking(query, encoder, index, _db_keywords(ObjectType.COMPANY), k)
    companies = (
        Company.objects.filter(pk__in=[h.key for h in hits])
        .select_related("region")
        .prefetch_related("sectors")
        .in_bulk()
    )
    return [(hit, companies[hit.key]) for hit in hits if hit.key in companies]
