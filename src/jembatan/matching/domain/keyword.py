"""Character-trigram keyword search, in memory.

This mirrors what the database layer does with SQLite FTS5 (``tokenize='trigram'``) or
PostgreSQL ``pg_trgm``, so benchmarks and tests can measure the fused product path
without a database:

- text is NFKC-normalised and case-folded (FTS5 trigram is case-insensitive; NFKC makes
  full-width Latin letters and half-width katakana match their usual forms);
- a text's terms are all its 3-character substrings, across word boundaries, with one
  space padding each end (like pg_trgm's word padding), so Japanese, which has no
  spaces, is searchable; texts under 3 characters after padding have no terms;
- a document's score for a query is the IDF-weighted share of the query's trigrams it
  contains, in [0, 1]: close to pg_trgm's ``word_similarity`` (query coverage), with
  FTS5's bm25 idea that rare trigrams count more.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterable
from typing import NamedTuple

_SPACES = re.compile(r"\s+")


class KeywordHit(NamedTuple):
    key: int
    score: float


def normalise_text(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed to single spaces, stripped."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def trigrams(text: str) -> frozenset[str]:
    """The set of character trigrams of ``text`` (see the module docstring)."""
    padded = f" {normalise_text(text)} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


class TrigramIndex:
    """An inverted index from trigrams to integer keys, with upsert and remove."""

    def __init__(self) -> None:
        self._postings: dict[str, set[int]] = {}
        self._terms: dict[int, frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, key: object) -> bool:
        return key in self._terms

    def upsert(self, key: int, text: str) -> None:
        """Index ``text`` under ``key``, replacing what the key had."""
        self.remove(key)
        terms = trigrams(text)
        self._terms[key] = terms
        for term in terms:
            self._postings.setdefault(term, set()).add(key)

    def upsert_many(self, items: Iterable[tuple[int, str]]) -> None:
        for key, text in items:
            self.upsert(key, text)

    def remove(self, key: int) -> bool:
        """Forget ``key``; returns whether it was indexed."""
        terms = self._terms.pop(key, None)
        if terms is None:
            return False
        for term in terms:
            keys = self._postings[term]
            keys.discard(key)
            if not keys:
                del self._postings[term]
        return True

    def _idf(self, term: str) -> float:
        return math.log(1.0 + len(self._terms) / (1 + len(self._postings.get(term, ()))))

    def search(
        self,
        query: str,
        k: int = 10,
        allowed: Collection[int] | None = None,
        min_score: float = 0.0,
    ) -> list[KeywordHit]:
        """The ``k`` best keys for ``query``, best first; ties broken by smaller key.

        Only documents sharing at least one trigram with the query are returned, and
        only those scoring above ``min_score``.
        """
        terms = trigrams(query)
        if not terms or k < 1:
            return []
        weights = {term: self._idf(term) for term in terms}
        total = sum(weights.values())
        scores: dict[int, float] = {}
        for term, weight in weights.items():
            for key in self._postings.get(term, ()):
                scores[key] = scores.get(key, 0.0) + weight
        hits = [
            KeywordHit(key, score / total)
            for key, score in scores.items()
            if (allowed is None or key in allowed) and score / total > min_score
        ]
        hits.sort(key=lambda hit: (-hit.score, hit.key))
        return hits[:k]
