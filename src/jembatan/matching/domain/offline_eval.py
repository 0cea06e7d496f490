"""`jembatan matching eval`: the product's retrieval paths on an in-memory corpus.

Two paths, both in the product (embeddings.py says why):

- symmetric (the default): text against texts of the same sort, as recommendations
  compare profile with profile: both sides encoded in the similar role (``query:`` and ``passage:``
  vectors combined),
  nearest neighbours in a fresh VectorIndex (the product's settings);
- asymmetric: free-text search, as the search page does: the corpus encoded as passages,
  the query as a query, in a VectorIndex and a private in-memory SQLite FTS5 trigram
  table (same tokenizer, query and coverage rule as the product's keyword search), fused
  by :func:`~jembatan.matching.domain.search.fused_ranking`.

Nothing is written to the product database or to the index directory.
"""

from __future__ import annotations

import csv
from collections.abc import Collection
from pathlib import Path

import numpy as np

from jembatan.matching.domain.embeddings import SIMILAR_ROLE, current_encoder
from jembatan.matching.domain.encoder import encode_as
from jembatan.matching.domain.evaluation import EvaluationReport, evaluate
from jembatan.matching.domain.index import VectorIndex
from jembatan.matching.domain.keyword import KeywordHit
from jembatan.matching.domain.keyword_store import InMemoryFts
from jembatan.matching.domain.search import fused_ranking

PAIR_COLUMNS = (("query", "relevant"), ("ja", "id"))


class EvalFileError(ValueError):
    pass


def read_pairs(path: Path) -> list[tuple[str, str]]:
    """Pairs from a CSV with columns query,relevant (or ja,id: Japanese queries for
    Indonesian texts, the programme's evaluation set)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = set(reader.fieldnames or ())
        for query_column, relevant_column in PAIR_COLUMNS:
            if {query_column, relevant_column} <= fields:
                pairs = [
                    (row[query_column].strip(), row[relevant_column].strip())
                    for row in reader
                    if row[query_column].strip() and row[relevant_column].strip()
                ]
                break
        else:
            raise EvalFileError(f"{path}: needs the columns query,relevant (or ja,id)")
    if not pairs:
        raise EvalFileError(f"{path}: no pairs")
    return pairs


def read_corpus(path: Path) -> list[str]:
    """Texts from a CSV's ``text`` column (or its first column)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames:
            raise EvalFileError(f"{path}: empty file")
        column = "text" if "text" in reader.fieldnames else reader.fieldnames[0]
        return [row[column].strip() for row in reader if (row[column] or "").strip()]


def evaluate_files(
    pairs_path: Path, corpus_path: Path | None, k: int = 10, symmetric: bool = True
) -> EvaluationReport:
    pairs = read_pairs(pairs_path)
    extra = read_corpus(corpus_path) if corpus_path is not None else []
    corpus = list(dict.fromkeys([relevant for _, relevant in pairs] + extra))
    encoder = current_encoder()
    index = VectorIndex(encoder.dim)
    if symmetric:
        index.upsert(np.arange(len(corpus)), encode_as(encoder, corpus, SIMILAR_ROLE))

        def similar(query: str) -> list[int]:
            return [
                hit.key for hit in index.search(encode_as(encoder, [query], SIMILAR_ROLE)[0], k)
            ]

        return evaluate(pairs, corpus, similar)
    index.upsert(np.arange(len(corpus)), encoder.encode_passages(corpus))
    fts = InMemoryFts(corpus)

    def keywords(query: str, depth: int, allowed: Collection[int] | None) -> list[KeywordHit]:
        return fts.search(query, depth)

    def retrieve(query: str) -> list[int]:
        return [hit.key for hit in fused_ranking(query, encoder, index, keywords, k)]

    return evaluate(pairs, corpus, retrieve)
