"""The query vectors that the web processes share through the "search" cache."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from django.core.cache import caches

from jembatan.matching.domain import search
from jembatan.matching.domain.embeddings import current_encoder
from jembatan.matching.domain.encoder import Encoder, Vectors


class Counting:
    """The real encoder, counting the texts it is asked to encode as queries."""

    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder
        self.encoded: list[str] = []

    @property
    def name(self) -> str:
        return self.encoder.name

    @property
    def dim(self) -> int:
        return self.encoder.dim

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        self.encoded += list(texts)
        return self.encoder.encode_queries(texts)

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        return self.encoder.encode_passages(texts)


@pytest.fixture
def counting(search_cache):  # type: ignore[no-untyped-def]
    search._query_vectors.clear()
    yield Counting(current_encoder())
    search._query_vectors.clear()


def test_a_query_is_encoded_once_for_every_web_process(counting: Counting) -> None:
    first = search.query_vector(counting, "mesin pengemas")  # type: ignore[arg-type]
    search._query_vectors.clear()  # another process: its own LRU is empty
    second = search.query_vector(counting, "mesin pengemas")  # type: ignore[arg-type]
    assert counting.encoded == ["mesin pengemas"]
    assert np.array_equal(first, second)
    assert np.array_equal(first, current_encoder().encode_queries(["mesin pengemas"])[0])


def test_a_damaged_shared_entry_is_encoded_again(counting: Counting) -> None:
    search.query_vector(counting, "包装機械")  # type: ignore[arg-type]
    search._query_vectors.clear()
    store = caches["search"]
    digest = search.text_hash(counting.name, "query", "包装機械")
    store.set(f"query-vector:{digest}", b"too short")
    vector = search.query_vector(counting, "包装機械")  # type: ignore[arg-type]
    assert counting.encoded == ["包装機械", "包装機械"]
    assert vector.shape == (counting.dim,)
