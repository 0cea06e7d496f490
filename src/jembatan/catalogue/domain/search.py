"""Products in the matching engine: their own embedded object type, ``product``.

A product's text (names and descriptions in every language it was given, and its HS title)
is embedded with the matching engine's encoder in the search role and kept in the keyword
store and the vector index named ``product``; the showcase's search fuses both lists by
reciprocal rank exactly as the directory and partner search do
(matching.domain.search.fused_ranking). Only products the showcase shows are indexed, so a
search can never surface a hidden one; the showcase filters the hits again all the same.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from jembatan.catalogue.domain.queries import shown_products
from jembatan.catalogue.models import Product
from jembatan.matching.domain import keyword_store
from jembatan.matching.domain.embeddings import SEARCH_ROLE, current_encoder, embed_texts
from jembatan.matching.domain.fusion import FusedHit
from jembatan.matching.domain.keyword_store import keyword_search
from jembatan.matching.domain.search import SEARCH_DEPTH, fused_ranking
from jembatan.matching.domain.vector_store import read_index, writable_index

OBJECT_TYPE = "product"
BATCH = 64


def product_text(product: Product) -> str:
    parts = [
        product.name,
        product.name_ja,
        product.name_en,
        product.description,
        product.description_ja,
        product.description_en,
    ]
    if product.hs_code is not None:
        parts.append(product.hs_code.title_en)
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _shown_ids(ids: Iterable[int]) -> set[int]:

    return set(shown_products().filter(pk__in=list(ids)).values_list("pk", flat=True))


def refresh_products(product_ids: Iterable[int]) -> int:
    """Bring the index in step with these products (shown: indexed, others: removed).

    Returns how many texts had to be encoded (0 when all came from the embedding cache)."""
    ids = sorted(set(product_ids))
    shown = _shown_ids(ids)
    products = list(Product.objects.filter(pk__in=shown).select_related("hs_code").order_by("pk"))
    texted = [(p.pk, product_text(p)) for p in products]
    texted = [(pk, text) for pk, text in texted if text]
    gone = [pk for pk in ids if pk not in {pk for pk, _ in texted}]
    encoder = current_encoder()
    computed = 0
    with writable_index(OBJECT_TYPE, encoder.dim) as index:
        if gone:
            index.remove(gone)
        for start in range(0, len(texted), BATCH):
            batch = texted[start : start + BATCH]
            embedded = embed_texts(encoder, [text for _, text in batch], SEARCH_ROLE)
            computed += embedded.computed
            index.upsert([pk for pk, _ in batch], embedded.vectors)
    for pk in gone:
        keyword_store.remove_document(OBJECT_TYPE, pk)
    for pk, text in texted:
        keyword_store.upsert_document(OBJECT_TYPE, pk, text)
    return computed


def reindex_products() -> int:
    """Rebuild the product index from scratch (after a model change, or for the demo)."""
    keyword_store.clear_documents(OBJECT_TYPE)
    encoder = current_encoder()
    with writable_index(OBJECT_TYPE, encoder.dim, fresh=True):
        pass
    return refresh_products(Product.objects.values_list("pk", flat=True))


def rank_products(
    query: str, allowed: Collection[int], k: int = 2 * SEARCH_DEPTH
) -> list[FusedHit]:
    """Products among ``allowed`` for ``query``, in any of the three languages, best first."""
    query = query.strip()
    if not query or not allowed:
        return []
    encoder = current_encoder()
    index = read_index(OBJECT_TYPE, encoder.dim)

    def keywords(text: str, depth: int, only: Collection[int] | None) -> list:  # type: ignore[type-arg]
        return keyword_search(OBJECT_TYPE, text, depth, only)

    return fused_ranking(query, encoder, index, keywords, k=k, allowed=set(allowed))
