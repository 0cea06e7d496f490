from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from jembatan.matching.domain.index import (
    HnswSettings,
    ReadOnlyIndexError,
    SearchHit,
    VectorIndex,
    top_keys,
)


def clustered(n: int, dim: int = 32, seed: int = 0) -> NDArray[np.float32]:
    """Unit vectors around 20 random centres, like embeddings of related texts."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((20, dim))
    points = centres[rng.integers(0, 20, n)] + 0.5 * rng.standard_normal((n, dim))
    return (points / np.linalg.norm(points, axis=1, keepdims=True)).astype(np.float32)


def small_index() -> VectorIndex:
    index = VectorIndex(2)
    index.upsert([10, 20, 30], [[1.0, 0.0], [0.0, 1.0], [3.0, 3.0]])
    return index


def test_search_exact_small_returns_cosine_order() -> None:
    hits = small_index().search([1.0, 0.1], k=2)
    assert top_keys(hits) == [10, 30]
    assert hits[0].score == pytest.approx(1 / np.sqrt(1.01), abs=1e-6)
    assert hits[1].score == pytest.approx((1 + 0.1) / np.sqrt(2 * 1.01), abs=1e-6)


def test_search_ties_break_by_smaller_key() -> None:
    index = VectorIndex(2)
    index.upsert([7, 3, 5], [[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    assert index.search([1.0, 0.0], k=2) == [SearchHit(3, 1.0), SearchHit(7, 1.0)]


def test_upsert_replaces_existing_vector() -> None:
    index = small_index()
    index.upsert([10], [[0.0, -1.0]])
    assert len(index) == 3
    assert index.get(10).tolist() == [0.0, -1.0]
    assert top_keys(index.search([1.0, 0.0], k=3)) == [30, 10, 20]  # 10, 20 tie at 0


def test_remove_forgets_keys_and_reuses_rows() -> None:
    index = small_index()
    assert index.remove([20, 99]) == 1
    assert len(index) == 2
    assert 20 not in index
    assert top_keys(index.search([0.0, 1.0], k=3)) == [30, 10]
    assert top_keys(index.search([0.0, 1.0], k=3, where=lambda keys: keys != 10)) == [30]
    index.upsert([40], [[0.0, 1.0]])
    assert sorted(index.keys().tolist()) == [10, 30, 40]
    with pytest.raises(KeyError):
        index.get(20)


def test_upsert_rejects_bad_input() -> None:
    index = VectorIndex(2)
    with pytest.raises(ValueError, match="non-negative"):
        index.upsert([-1], [[1.0, 0.0]])
    with pytest.raises(ValueError, match="duplicate"):
        index.upsert([1, 1], [[1.0, 0.0], [0.0, 1.0]])
    with pytest.raises(ValueError, match="shape"):
        index.upsert([1], [[1.0, 0.0, 0.0]])


def test_search_filters_by_allowed_set_and_predicate() -> None:
    index = small_index()
    assert top_keys(index.search([1.0, 0.0], k=3, allowed={20, 30, 77})) == [30, 20]
    assert top_keys(index.search([1.0, 0.0], k=3, where=lambda keys: keys >= 20)) == [
        30,
        20,
    ]
    both = index.search([1.0, 0.0], k=3, allowed={10, 20}, where=lambda keys: keys > 10)
    assert top_keys(both) == [20]


def test_search_subset_spanning_chunks_matches_brute_force() -> None:
    # 2,500 allowed rows: the subset is gathered and scored in three chunks.
    vectors = clustered(4000, seed=5)
    index = VectorIndex(32)
    index.upsert(np.arange(4000), vectors)
    for query in clustered(5, seed=6):
        hits = index.search(query, 10, where=lambda keys: keys % 8 < 5)
        assert hits == index.search_exact(query, 10, where=lambda keys: keys % 8 < 5)
        assert all(hit.key % 8 < 5 for hit in hits)
        assert hits[0].score == pytest.approx(
            float(np.max(vectors[np.arange(4000) % 8 < 5] @ query))
        )


def test_search_quantised_first_pass_matches_brute_force() -> None:
    # 12,000 allowed rows of 24,000: scored with the int8 codes first, top 64 re-scored.
    vectors = clustered(24_000, seed=7)
    index = VectorIndex(32, exact_threshold=100_000)
    index.upsert(np.arange(24_000), vectors)
    rows = np.flatnonzero(np.arange(24_000) % 2 == 0)
    for query in clustered(40, seed=8):
        rough = index._quantised_scores(query, rows)
        assert np.abs(rough - vectors[rows] @ query).max() < 0.02
        hits = index.search(query, 10, where=lambda keys: keys % 2 == 0)
        assert hits == index.search_exact(query, 10, where=lambda keys: keys % 2 == 0)


def test_search_quantised_codes_follow_upsert_and_persist(tmp_path: Path) -> None:
    vectors = clustered(6000, seed=9)
    index = VectorIndex(32, exact_threshold=100_000)
    index.upsert(np.arange(6000), vectors)
    query = clustered(1, seed=10)[0]
    index.upsert([4], [query])  # now the best match, found through the codes
    index.remove([0])
    expected = index.search_exact(query, 10, where=lambda keys: keys % 2 == 0)
    assert expected[0] == SearchHit(4, pytest.approx(1.0, abs=1e-6))
    assert index.search(query, 10, where=lambda keys: keys % 2 == 0) == expected
    index.save(tmp_path)
    for mmap in (False, True):
        loaded = VectorIndex.load(tmp_path, mmap=mmap)
        assert loaded.search(query, 10, where=lambda keys: keys % 2 == 0) == expected
    generation = tmp_path / (tmp_path / "CURRENT").read_text()
    (generation / "codes.npy").unlink()  # an index saved before the codes were kept
    (generation / "code_scales.npy").unlink()
    loaded = VectorIndex.load(tmp_path, mmap=True)
    assert loaded.search(query, 10, where=lambda keys: keys % 2 == 0) == expected


def test_search_empty_index_returns_nothing() -> None:
    assert VectorIndex(4).search(np.ones(4), k=5) == []


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    index = small_index()
    index.remove([20])
    generation = index.save(tmp_path / "idx")
    assert generation.name == "gen-00000001"
    loaded = VectorIndex.load(tmp_path / "idx")
    assert sorted(loaded.keys().tolist()) == [10, 30]
    assert loaded.search([1.0, 0.0], k=2) == index.search([1.0, 0.0], k=2)
    loaded.upsert([50], [[0.0, 1.0]])
    assert loaded.save(tmp_path / "idx").name == "gen-00000002"
    assert (tmp_path / "idx" / "CURRENT").read_text() == "gen-00000002"
    assert top_keys(VectorIndex.load(tmp_path / "idx").search([0.0, 1.0], k=1)) == [50]


def test_load_mmap_is_read_only(tmp_path: Path) -> None:
    small_index().save(tmp_path)
    mapped = VectorIndex.load(tmp_path, mmap=True)
    assert mapped.read_only
    assert isinstance(mapped._vectors, np.memmap)
    assert top_keys(mapped.search([0.0, 1.0], k=2, allowed={10, 20})) == [20, 10]
    assert 30 in mapped
    assert 31 not in mapped
    with pytest.raises(ReadOnlyIndexError):
        mapped.upsert([1], [[1.0, 0.0]])
    with pytest.raises(ReadOnlyIndexError):
        mapped.remove([10])


def test_save_keeps_two_generations(tmp_path: Path) -> None:
    index = small_index()
    for _ in range(4):
        index.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "CURRENT",
        "gen-00000003",
        "gen-00000004",
    ]


def hnsw_index(n: int = 3000) -> tuple[VectorIndex, NDArray[np.float32]]:
    vectors = clustered(n)
    index = VectorIndex(
        32,
        exact_threshold=1000,
        subset_cost_ratio=1.0,  # oversample HNSW for any subset above ~30 keys
        hnsw=HnswSettings(connectivity=16, expansion_add=128, expansion_search=128),
        threads=1,  # a single-threaded build is deterministic
    )
    index.upsert(np.arange(n) * 3, vectors)
    return index, vectors


def recall(index: VectorIndex, queries: NDArray[np.float32], **filters: object) -> float:
    found = 0
    for query in queries:
        approx = set(top_keys(index.search(query, 10, **filters)))  # type: ignore[arg-type]
        exact = top_keys(index.search_exact(query, 10, **filters))  # type: ignore[arg-type]
        found += len(approx.intersection(exact))
    return found / (10 * len(queries))


def test_hnsw_agrees_with_exact_search() -> None:
    index, _ = hnsw_index()
    assert index.uses_hnsw
    queries = clustered(50, seed=1)
    assert recall(index, queries) >= 0.97
    hits = index.search(queries[0], 10)
    exact = index.search_exact(queries[0], 10)
    assert hits[0] == exact[0]  # re-scored with float32: identical scores


def test_hnsw_filtered_search_keeps_recall() -> None:
    index, _ = hnsw_index()
    queries = clustered(30, seed=2)
    large = {key for key in range(0, 9000, 3) if key % 2 == 0}  # half: oversampled HNSW
    small = {key for key in range(0, 9000, 3) if key % 100 == 0}  # 30: exact subset
    # The unfiltered recall on these queries is 0.97; filtering must not lower it much.
    assert recall(index, queries, allowed=large) >= 0.95
    assert recall(index, queries, allowed=small) == 1.0
    assert recall(index, queries, where=lambda keys: keys % 4 == 0) >= 0.95
    for query in queries[:5]:
        assert set(top_keys(index.search(query, 10, allowed=large))) <= large


def test_hnsw_filter_with_too_few_candidates_falls_back_to_exact() -> None:
    index, vectors = hnsw_index()
    # Many keys allowed, but only those far from the query: HNSW candidates near the
    # query are all filtered out, so the exact fallback must find them.
    query = vectors[0]
    far = {key for key in index.keys().tolist() if float(index.get(key) @ query) < 0.0}
    assert len(far) > 200
    hits = index.search(query, 10, allowed=far)
    assert hits == index.search_exact(query, 10, allowed=far)


def test_hnsw_upsert_and_remove_are_incremental() -> None:
    index, vectors = hnsw_index()
    graph = index._hnsw
    index.remove([0])
    index.upsert([3], [vectors[0]])
    assert index._hnsw is graph
    hits = index.search(vectors[0], 2)
    assert hits[0] == SearchHit(3, pytest.approx(1.0, abs=1e-6))
    assert 0 not in top_keys(index.search(vectors[0], 50))


def test_hnsw_save_and_mmap_load(tmp_path: Path) -> None:
    index, _ = hnsw_index()
    index.save(tmp_path)
    mapped = VectorIndex.load(tmp_path, mmap=True)
    assert mapped.uses_hnsw
    queries = clustered(10, seed=3)
    for query in queries:
        assert mapped.search(query, 10) == index.search(query, 10)
