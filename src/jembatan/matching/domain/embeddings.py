"""Embeddings of profiles and companies: cached by text hash, mapped to their objects, and
pushed to the keyword store and the vector index.

A text is embedded once per model and role: the ``Embedding`` table is keyed by
``text_hash(model, role, text)``, so saving a profile whose text did not change computes
nothing, and two objects with the same text share a vector. ``EmbeddedObject`` says which
hashes each object has now.

Each text is kept in two roles, because the two tasks differ (docs/benchmarks.md):

- ``SEARCH_ROLE`` (``passage:``), in the index ``<type>``: free-text search, where a
  short query meets documents. On the project's search sets (KBLI title -> description,
  JSIC name -> description) e5's asymmetric prefixes were better.
- ``SIMILAR_ROLE`` (``similar``: the text's ``query:`` and ``passage:`` vectors summed and
  normalised, the same on both sides), in the index ``<type>-similar``: profile <-> profile
  and company <-> company recommendations, where both sides are texts of the same sort.
  Across languages it ranks translations first more often than ``query:`` on both sides
  (the e5 model card's advice for symmetric tasks) or either prefix alone, on every
  parallel set measured (docs/benchmarks.md). The passage half is the search vector
  itself, so embedding a text in both roles still costs two encoder passes.

A profile's phrase chunks are embedded in the phrase role (``query:``), when the profile
is, so that the first recommendation page finds every vector its explanations need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.conf import settings
from numpy.typing import NDArray

from jembatan.core.pause_points import pause
from jembatan.matching.domain import keyword_store
from jembatan.matching.domain.encoder import (
    EmbeddingKind,
    Encoder,
    Vectors,
    combine_roles,
    encode_as,
    get_encoder,
    text_hash,
)
from jembatan.matching.domain.phrases import PHRASE_ROLE, split_phrases
from jembatan.matching.domain.vector_store import writable_index
from jembatan.matching.models import EmbeddedObject, Embedding, ObjectType
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Company

BATCH = 64
Vector = NDArray[np.float32]
SEARCH_ROLE: EmbeddingKind = "passage"
SIMILAR_ROLE: EmbeddingKind = "similar"
ROLES: tuple[EmbeddingKind, ...] = (SEARCH_ROLE, SIMILAR_ROLE)


def index_name(object_type: str, role: EmbeddingKind) -> str:
    """The vector index of ``object_type`` holding vectors of ``role``."""
    return object_type if role == SEARCH_ROLE else f"{object_type}-similar"


def current_encoder() -> Encoder:
    """The encoder named by settings.JEMBATAN_ENCODER (the bundled e5 model by default)."""
    return get_encoder(
        getattr(settings, "JEMBATAN_ENCODER", None),
        getattr(settings, "JEMBATAN_ENCODER_OPTIONS", None),
    )


def profile_text(profile: PartnershipProfile) -> str:
    """What is embedded of a profile: its own words only (never the company's name)."""
    parts = [profile.title, profile.summary, profile.description, profile.brings, profile.seeks]
    if profile.keywords:
        parts.append(", ".join(str(word) for word in profile.keywords))
    return "\n".join(part.strip() for part in parts if part and part.strip())


def company_text(company: Company) -> str:
    return company.description.strip()


def to_bytes(vector: Vector) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes | memoryview, dim: int) -> Vector:
    return np.frombuffer(bytes(data), dtype=np.float32, count=dim)


def cached_vectors(hashes: Iterable[str]) -> dict[str, Vector]:
    rows = Embedding.objects.filter(text_hash__in=set(hashes)).values_list(
        "text_hash", "dim", "vector"
    )
    return {digest: from_bytes(vector, dim) for digest, dim, vector in rows}


def store_vectors(encoder: Encoder, vectors: dict[str, Any], kind: EmbeddingKind) -> None:
    """Keep new vectors in the cache table, keyed by their text hashes."""
    _store(encoder, [(digest, kind, v) for digest, v in vectors.items()])


def _store(encoder: Encoder, rows: Sequence[tuple[str, EmbeddingKind, Any]]) -> None:
    if not rows:
        return
    Embedding.objects.bulk_create(
        [
            Embedding(
                text_hash=digest, model=encoder.name, kind=kind, dim=encoder.dim, vector=to_bytes(v)
            )
            for digest, kind, v in rows
        ],
        ignore_conflicts=True,  # another worker may have stored the same text meanwhile
    )


@dataclass(frozen=True)
class Embedded:
    hashes: list[str]
    vectors: Vectors
    computed: int  # how many texts had to be encoded (the rest came from the cache)


def embed_texts(
    encoder: Encoder, texts: Sequence[str], kind: EmbeddingKind = SEARCH_ROLE
) -> Embedded:
    """Vectors of ``texts``, from the cache where possible; new ones are stored.

    A ``similar`` vector is made from the text's ``query:`` vector and its ``passage:``
    vector; the passage vector is the search role's, so it is read from (or added to) the
    cache in the same statements."""
    hashes = [text_hash(encoder.name, kind, text) for text in texts]
    text_of = dict(zip(hashes, texts, strict=True))
    passage_of = (
        {h: text_hash(encoder.name, "passage", t) for h, t in text_of.items()}
        if kind == "similar"
        else {}
    )
    known = cached_vectors([*hashes, *passage_of.values()])
    missing = list(dict.fromkeys(h for h in hashes if h not in known))
    if missing:
        batch = [text_of[h] for h in missing]
        new: list[tuple[str, EmbeddingKind, Any]] = []
        if kind == "similar":
            need = [h for h in missing if passage_of[h] not in known]
            if need:
                fresh_passages = encoder.encode_passages([text_of[h] for h in need])
                for h, vector in zip(need, fresh_passages, strict=True):
                    known[passage_of[h]] = vector
                    new.append((passage_of[h], "passage", vector))
            passages = np.stack([known[passage_of[h]] for h in missing])
            fresh = combine_roles(encoder.encode_queries(batch), passages)
        else:
            fresh = encode_as(encoder, batch, kind)
        new += [(h, kind, v) for h, v in zip(missing, fresh, strict=True)]
        _store(encoder, new)
        known.update(zip(missing, fresh, strict=True))
    matrix = np.zeros((len(texts), encoder.dim), dtype=np.float32)
    for row, digest in enumerate(hashes):
        matrix[row] = known[digest]
    return Embedded(hashes, matrix, len(missing))


def object_vectors(
    object_type: str, ids: Iterable[int], role: EmbeddingKind = SEARCH_ROLE
) -> dict[int, Vector]:
    """The current vectors of some objects in ``role`` (with the current model)."""
    encoder = current_encoder()
    column = "text_hash" if role == SEARCH_ROLE else "similar_hash"
    pairs = list(
        EmbeddedObject.objects.filter(
            object_type=object_type, object_id__in=set(ids), model=encoder.name
        ).values_list("object_id", column)
    )
    vectors = cached_vectors(h for _, h in pairs if h)
    return {int(pk): vectors[h] for pk, h in pairs if h in vectors}


def embed_phrases(encoder: Encoder, texts: Iterable[str]) -> int:
    """Embed (into the cache) the phrase chunks of ``texts``, for the explanations.

    Returns how many chunks had to be encoded."""
    chunks = list(dict.fromkeys(chunk for text in texts for chunk in split_phrases(text)))
    computed = 0
    for start in range(0, len(chunks), BATCH):
        computed += embed_texts(encoder, chunks[start : start + BATCH], PHRASE_ROLE).computed
    return computed


@dataclass(frozen=True)
class EmbeddedBoth:
    search: Embedded
    similar: Embedded

    @property
    def computed(self) -> int:
        return self.search.computed + self.similar.computed


def embed_both(encoder: Encoder, texts: Sequence[str]) -> EmbeddedBoth:
    return EmbeddedBoth(
        embed_texts(encoder, texts, SEARCH_ROLE), embed_texts(encoder, texts, SIMILAR_ROLE)
    )


def _record(object_type: str, object_id: int, digest: str, similar: str, model: str) -> bool:
    """Point the object at its hashes; returns whether they changed."""
    mapping, created = EmbeddedObject.objects.get_or_create(
        object_type=object_type,
        object_id=object_id,
        defaults={"text_hash": digest, "similar_hash": similar, "model": model},
    )
    if created or (mapping.text_hash, mapping.similar_hash, mapping.model) == (
        digest,
        similar,
        model,
    ):
        return created
    mapping.text_hash, mapping.similar_hash, mapping.model = digest, similar, model
    mapping.save(update_fields=["text_hash", "similar_hash", "model", "updated_at"])
    return True


def _refresh(object_type: str, object_id: int, text: str, indexed: bool) -> bool:
    """Embed ``text`` if new, update mapping, keyword document and both vector indexes.

    Returns whether the text had to be encoded (False: it came from the cache)."""
    if not text:
        forget(object_type, object_id)
        return False
    encoder = current_encoder()
    embedded = embed_both(encoder, [text])
    if object_type == ObjectType.PROFILE:
        embed_phrases(encoder, [text])
    _record(
        object_type,
        object_id,
        embedded.search.hashes[0],
        embedded.similar.hashes[0],
        encoder.name,
    )
    if indexed:
        keyword_store.upsert_document(object_type, object_id, text)
    else:
        keyword_store.remove_document(object_type, object_id)
    for role, part in ((SEARCH_ROLE, embedded.search), (SIMILAR_ROLE, embedded.similar)):
        with writable_index(index_name(object_type, role), encoder.dim) as index:
            if indexed:
                index.upsert([object_id], part.vectors)
            else:
                index.remove([object_id])
    return embedded.computed > 0


def refresh_profile(profile_id: int) -> bool:
    profile = PartnershipProfile.objects.filter(pk=profile_id).first()
    if profile is None:
        forget(ObjectType.PROFILE, profile_id)
        return False
    # Only published profiles are searched; drafts keep their vector for their own matches.
    published = profile.is_effectively_published
    return _refresh(ObjectType.PROFILE, profile_id, profile_text(profile), published)


def refresh_company(company_id: int) -> bool:
    company = Company.objects.filter(pk=company_id).first()
    if company is None:
        forget(ObjectType.COMPANY, company_id)
        return False
    return _refresh(ObjectType.COMPANY, company_id, company_text(company), True)


def refresh_companies(company_ids: Sequence[int]) -> int:
    """`refresh_company` for many firms at once (after a bulk import): one batch through the
    encoder and one index write. Returns how many texts had to be encoded."""
    companies = list(Company.objects.filter(pk__in=list(company_ids)).order_by("pk"))
    texted = [(c.pk, company_text(c)) for c in companies]
    for pk in set(company_ids) - {c.pk for c in companies}:
        forget(ObjectType.COMPANY, pk)
    for pk, text in texted:
        if not text:
            forget(ObjectType.COMPANY, pk)
    texted = [(pk, text) for pk, text in texted if text]
    if not texted:
        return 0
    encoder = current_encoder()
    embedded = embed_both(encoder, [text for _, text in texted])
    for (pk, text), digest, similar in zip(
        texted, embedded.search.hashes, embedded.similar.hashes, strict=True
    ):
        _record(ObjectType.COMPANY, pk, digest, similar, encoder.name)
        keyword_store.upsert_document(ObjectType.COMPANY, pk, text)
    # Mappings and keyword documents written, the vector indexes not yet: a worker killed
    # here leaves the batch for its next delivery, which finds the vectors cached and the
    # mappings unchanged, and still writes both indexes.
    pause("embed-companies")
    for role, part in ((SEARCH_ROLE, embedded.search), (SIMILAR_ROLE, embedded.similar)):
        with writable_index(index_name(ObjectType.COMPANY, role), encoder.dim) as index:
            index.upsert([pk for pk, _ in texted], part.vectors)
    return embedded.computed


def forget(object_type: str, object_id: int) -> None:
    EmbeddedObject.objects.filter(object_type=object_type, object_id=object_id).delete()
    keyword_store.remove_document(object_type, object_id)
    for role in ROLES:
        with writable_index(index_name(object_type, role), current_encoder().dim) as index:
            index.remove([object_id])


Progress = Callable[[int], None]


def _rebuild(
    object_type: str, items: list[tuple[int, str, bool]], progress: Progress | None
) -> int:
    encoder = current_encoder()
    keyword_store.clear_documents(object_type)
    EmbeddedObject.objects.filter(object_type=object_type).delete()
    computed = 0
    with (
        writable_index(index_name(object_type, SEARCH_ROLE), encoder.dim, fresh=True) as index,
        writable_index(index_name(object_type, SIMILAR_ROLE), encoder.dim, fresh=True) as similar,
    ):
        for start in range(0, len(items), BATCH):
            batch = items[start : start + BATCH]
            texts = [text for _, text, _ in batch]
            embedded = embed_both(encoder, texts)
            computed += embedded.computed
            if object_type == ObjectType.PROFILE:
                embed_phrases(encoder, texts)
            EmbeddedObject.objects.bulk_create(
                [
                    EmbeddedObject(
                        object_type=object_type,
                        object_id=pk,
                        text_hash=h,
                        similar_hash=sim,
                        model=encoder.name,
                    )
                    for (pk, _, _), h, sim in zip(
                        batch, embedded.search.hashes, embedded.similar.hashes, strict=True
                    )
                ]
            )
            keep = [row for row, (_, _, indexed) in enumerate(batch) if indexed]
            for row in keep:
                keyword_store.upsert_document(object_type, batch[row][0], batch[row][1])
            if keep:
                keys = [batch[row][0] for row in keep]
                index.upsert(keys, embedded.search.vectors[keep])
                similar.upsert(keys, embedded.similar.vectors[keep])
            if progress is not None:
                progress(len(batch))
    return computed


def reindex_items() -> dict[str, list[tuple[int, str, bool]]]:
    profiles = [
        (p.pk, text, p.is_effectively_published)
        for p in PartnershipProfile.objects.order_by("pk")
        for text in [profile_text(p)]
        if text
    ]
    companies = [
        (c.pk, text, True)
        for c in Company.objects.order_by("pk")
        for text in [company_text(c)]
        if text
    ]
    return {ObjectType.PROFILE: profiles, ObjectType.COMPANY: companies}


def reindex(
    progress: Progress | None = None, items: dict[str, list[tuple[int, str, bool]]] | None = None
) -> dict[str, int]:
    """Rebuild mappings, keyword documents and the vector indexes; returns texts encoded.

    Vectors already cached are re-used: after the upgrade that added the similar role, a
    reindex encodes each text once more (in that role) and phrases it had not yet."""
    items = items if items is not None else reindex_items()
    return {kind: _rebuild(kind, rows, progress) for kind, rows in items.items()}
