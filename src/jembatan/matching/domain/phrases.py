"""Explanations: which phrases of two texts matched each other.

Texts in Indonesian, Japanese or English are cut into phrase chunks (sentences, then
clauses and list items: Japanese has no spaces, so it is split on 。、・ and brackets),
every chunk is embedded and the most similar pairs are chosen greedily, each chunk
used at most once. Chunk embeddings are cached by
:func:`~jembatan.matching.domain.encoder.text_hash`, so a profile's chunks are encoded
once however many recommendations it appears in (the embedding task stores them when the
profile is embedded).

Phrase against phrase is a symmetric comparison: both sides are embedded with e5's
``query:`` prefix (``PHRASE_ROLE``). A pair is shown only above
``MIN_PHRASE_SIMILARITY``, calibrated on the project's evaluation sets
(``benchmarks/recommendation.py``): above it most pairs are translations or paraphrases
of each other; below it none is shown rather than a pair that convinces nobody. The same
phrase on both sides (compared with itself) is never a pair.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator, MutableMapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from jembatan.matching.domain.encoder import EmbeddingKind, Encoder, text_hash

PHRASE_ROLE: EmbeddingKind = "query"
MIN_PHRASE_SIMILARITY = 0.885
"""Calibrated in docs/benchmarks.md ("Matching phrases"): the similarity above which a
pair of phrases is shown as evidence."""

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
    """Encode ``texts`` in the phrase role, reusing and filling ``cache`` (default: an LRU)."""
    store = _default_cache if cache is None else cache
    hashes = [text_hash(encoder.name, PHRASE_ROLE, text) for text in texts]
    out = np.empty((len(texts), encoder.dim), dtype=np.float32)
    missing: list[int] = []
    for i, digest in enumerate(hashes):
        if digest in store:
            out[i] = store[digest]
        else:
            missing.append(i)
    if missing:
        vectors = encoder.encode_queries([texts[i] for i in missing])
        for i, vector in zip(missing, vectors, strict=True):
            out[i] = vector
            store[hashes[i]] = vector
    return out


def matching_phrases(
    left: str,
    right: str,
    encoder: Encoder,
    top: int = 3,
    min_similarity: float = MIN_PHRASE_SIMILARITY,
    cache: MutableMapping[str, NDArray[np.float32]] | None = None,
) -> list[PhrasePair]:
    """The ``top`` best-matching phrase pairs between two texts, best first.

    Pairs are chosen greedily by similarity, each phrase in at most one pair (on either
    side); pairs at or below ``min_similarity`` are left out, and so is a phrase paired
    with the same phrase (two texts sharing a sentence prove nothing about the match).
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
    used_text: set[str] = set()
    for flat in order.tolist():
        i, j = divmod(flat, len(right_chunks))
        score = float(similarity[i, j])
        if score <= min_similarity or len(pairs) == top:
            break
        if i in used_left or j in used_right:
            continue
        left_chunk, right_chunk = left_chunks[i], right_chunks[j]
        if _same_phrase(left_chunk, right_chunk):
            continue
        if left_chunk in used_text or right_chunk in used_text:
            continue
        used_left.add(i)
        used_right.add(j)
        used_text.update((left_chunk, right_chunk))
        pairs.append(PhrasePair(left_chunk, right_chunk, score))
    return pairs


def _same_phrase(left: str, right: str) -> bool:
    return left.casefold() == right.casefold()
