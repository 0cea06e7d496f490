"""Explanations: which phrases of two texts matched each other.

Texts in Indonesian, Japanese or English are cut into phrase chunks (sentences, then
clauses and list items: Japanese has no spaces, so it is split on 。、・ and brackets),
every chunk is embedded and the most similar pairs are chosen greedily, each chunk
used at most once. Chunk embeddings are cached by
:func:`~jembatan.matching.domain.encoder.text_hash`, so a profile's chunks are encoded
once however many recommendations it appears in.

Both sides are embedded as passages. The e5 model card suggests ``query:`` for
symmetric tasks, but on our profile texts passage-to-passage similarity picked the
obvious pair where query-to-query preferred a generic one ("capacity 2 million pcs a
month" with "we want a yearly contract").
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator, MutableMapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from jembatan.matching.domain.encoder import Encoder, text_hash

# Sentence ends: Japanese and full-width marks, newlines, and a Latin . ! ? followed by
# a space (so "3.5 ton" and "PT. Maju" with no space after the dot stay whole).
_SENTENCES = re.compile(r"[。！？!?\n\r]+|(?<=[.!?;])\s+")
# Clause and list separators inside a sentence.
_CLAUSES = re.compile(r"[、，,；;：:・/／|()（）「」『』【】\[\]]+|\s+[-–—]\s+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PhrasePair:
    """A phrase of the first text, a phrase of the second, their cosine similarity."""

    left: str
    right: str
    similarity: float


class EmbeddingLRU(MutableMapping[str, NDArray[np.float32]]):
    """A small thread-safe least-recently-used map from text hash to vector."""

    def __init__(self, maxsize: int = 4096) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[str, NDArray[np.float32]] = OrderedDict()
        self._lock = threading.Lock()

    def __getitem__(self, key: str) -> NDArray[np.float32]:
        with self._lock:
            value = self._data[key]
            self._data.move_to_end(key)
            return value

    def __setitem__(self, key: str, value: NDArray[np.float32]) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def __delitem__(self, key: str) -> None:
        with self._lock:
            del self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._data))

    def __len__(self) -> int:
        return len(self._data)


_default_cache = EmbeddingLRU()


def split_phrases(text: str, min_chars: int = 2) -> list[str]:
    """Cut ``text`` into phrase chunks, in order, without duplicates.

    Chunks shorter than ``min_chars`` characters (a stray particle, a bullet) are
    dropped.
    """
    chunks: list[str] = []
    seen: set[str] = set()
    for sentence in _SENTENCES.split(text):
        for clause in _CLAUSES.split(sentence):
            chunk = _SPACES.sub(" ", clause).strip(" .。-–—*•\t")
            if len(chunk) >= min_chars and chunk not in seen:
                seen.add(chunk)
                chunks.append(chunk)
    return chunks


def embed_cached(
    encoder: Encoder,
    texts: Sequence[str],
    cache: MutableMapping[str, NDArray[np.float32]] | None = None,
) -> NDArray[np.float32]:
    """Encode ``texts`` as passages, reusing and filling ``cache`` (default: an LRU)."""
    store = _default_cache if cache is None else cache
    hashes = [text_hash(encoder.name, "passage", text) for text in texts]
    out = np.empty((len(texts), encoder.dim), dtype=np.float32)
    missing: list[int] = []
    for i, digest in enumerate(hashes):
        if digest in store:
            out[i] = store[digest]
        else:
            missing.append(i)
    if missing:
        vectors = encoder.encode_passages([texts[i] for i in missing])
        for i, vector in zip(missing, vectors, strict=True):
            out[i] = vector
            store[hashes[i]] = vector
    return out


def matching_phrases(
    left: str,
    right: str,
    encoder: Encoder,
    top: int = 3,
    min_similarity: float = 0.0,
    cache: MutableMapping[str, NDArray[np.float32]] | None = None,
) -> list[PhrasePair]:
    """The ``top`` best-matching phrase pairs between two texts, best first.

    Pairs are chosen greedily by similarity, each phrase at most once on each side;
    pairs at or below ``min_similarity`` are left out.
    """
    left_chunks, right_chunks = split_phrases(left), split_phrases(right)
    if not left_chunks or not right_chunks or top < 1:
        return []
    vectors = embed_cached(encoder, left_chunks + right_chunks, cache)
    similarity = vectors[: len(left_chunks)] @ vectors[len(left_chunks) :].T
    order = np.argsort(-similarity, axis=None, kind="stable")
    pairs: list[PhrasePair] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for flat in order.tolist():
        i, j = divmod(flat, len(right_chunks))
        score = float(similarity[i, j])
        if score <= min_similarity or len(pairs) == top:
            break
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.append(PhrasePair(left_chunks[i], right_chunks[j], score))
    return pairs
