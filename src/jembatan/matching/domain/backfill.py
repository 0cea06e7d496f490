"""Companies whose embedding is missing or stale, and embedding them in batches.

An import embeds what it wrote after it commits; if that is interrupted (a killed process,
a lost worker), the companies stay without a current vector. Each later import, and
`jembatan matching reindex --missing`, embed every such company, so none is left out of
matching for good.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from jembatan.matching.domain.embeddings import company_text, current_encoder
from jembatan.matching.domain.encoder import text_hash
from jembatan.matching.models import EmbeddedObject, ObjectType
from jembatan.registry.models import Company

BATCH = 500


def companies_to_embed(since: datetime | None = None) -> list[int]:
    """Ids of companies with a description but no current embedding of it, plus (with
    `since`) every company updated since then, in id order."""
    encoder = current_encoder()
    mapped = dict(
        EmbeddedObject.objects.filter(
            object_type=ObjectType.COMPANY, model=encoder.name
        ).values_list("object_id", "text_hash")
    )
    ids: list[int] = []
    rows = Company.objects.order_by("pk").only("pk", "description", "updated_at").iterator(2000)
    for company in rows:
        text = company_text(company)
        touched = since is not None and company.updated_at >= since
        if touched or (text and mapped.get(company.pk) != text_hash(encoder.name, "passage", text)):
            ids.append(company.pk)
    return ids


def batches(ids: list[int], size: int = BATCH) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def embed_companies(
    ids: list[int],
    embed_batch: Callable[[list[int]], object],
    progress: Callable[[int], None] | None = None,
) -> int:
    """Hand `ids` to `embed_batch` (a task's delay) in batches; returns how many."""
    for batch in batches(ids):
        embed_batch(batch)
        if progress is not None:
            progress(len(batch))
    return len(ids)
