"""A persisted vector index with integer keys: exact search when small, HNSW when large.

Vectors are L2-normalised on the way in, and scores are cosine similarities. The index
keeps every vector in a float32 matrix (the source of truth, used for exact search,
for filtered search over small subsets and for re-scoring) and, once it holds
``exact_threshold`` vectors, also a usearch HNSW graph (see docs/benchmarks.md for why
usearch rather than FAISS). HNSW candidates are re-scored with the float32 vectors, so
both paths report the same scores and the graph may store compressed (f16/i8) vectors.

Filtering never trades recall away:

- an allowed subset that is cheaper to scan than to oversample is searched exactly:
  scanning costs one gathered row and dot product per allowed vector (about 0.4 us at
  384-d, memory-bound), an HNSW search for ``c`` candidates (beam ``max(c,
  expansion_search)``) roughly ``subset_cost_ratio`` (8, measured at 1,000,000
  vectors) times as much per candidate; so at a million vectors, with ``k=10`` and
  ``oversample=2``, 1% (10,000 vectors) is scanned and 2% is oversampled;
- a larger one is served from an oversampled HNSW search (``k / selectivity`` times
  ``oversample``) filtered afterwards, and when fewer than ``k`` candidates survive,
  the allowed subset is searched exactly.

Large exact subset scans (more than ``_QUANTISED_MIN_ROWS`` rows) take a compact first
pass: every vector is also kept as int8 codes with a per-vector scale (384 bytes a row
at 384-d, a quarter of float32), the allowed rows are scored with those, and the best
``max(4k, 64)`` are re-scored with float32 and ranked exactly. Scattered rows are read
from memory at a quarter of the bytes; at 1,000,000 vectors a 1% subset (10,000 rows)
took 2.3 ms instead of 4.7 ms, with the same top-10 (docs/benchmarks.md).

Persistence: :meth:`VectorIndex.save` writes a new generation directory and then
switches a ``CURRENT`` pointer file with :func:`os.replace`, so readers never see half
an index. Web processes open it with ``VectorIndex.load(path, mmap=True)``: numpy and
usearch both memory-map the files read-only, so processes share one copy in the page
cache. Workers open it writable, update it incrementally (:meth:`~VectorIndex.upsert`,
:meth:`~VectorIndex.remove`, no rebuild) and save. Not safe for concurrent writers;
the task layer runs index updates one at a time.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray
from usearch.compiled import MetricKind
from usearch.index import Index

from jembatan.matching.domain.encoder import normalise

FORMAT_VERSION = 1
CURRENT_FILE = "CURRENT"
_CHUNK_ROWS = 1024  # 1.5 MB of 384-d float32: stays in cache between gather and product
_QUANTISED_MIN_ROWS = 2000  # below this the float32 scan is as fast as two passes

Keys = NDArray[np.int64]
KeyFilter = Callable[[Keys], NDArray[np.bool_]]
"""A vectorised predicate: given an array of keys, say which are allowed."""


class SearchHit(NamedTuple):
    key: int
    score: float


class ReadOnlyIndexError(RuntimeError):
    """Raised when changing an index that was opened memory-mapped."""


@dataclass(frozen=True)
class HnswSettings:
    """Graph parameters; defaults chosen by benchmarks/matching.py on 384-d vectors.

    ``dtype`` is the precision of vectors inside the graph ("f32", "f16", "i8"); the
    float32 matrix is kept anyway for re-scoring. ``expansion_search`` is the search
    beam (usearch widens it to the number of candidates asked for when that is more):
    at 1,000,000 clustered vectors and connectivity 16, recall@10 was 0.85 with 64, 0.94
    with 128, 0.94-0.965 with 256 (depending on the build) and no better with 512: the
    rest are nodes the search cannot reach. Connectivity 24 gave 0.97 with 256, for
    1.5-2 ms a search and a 250 s build (docs/benchmarks.md).
    """

    connectivity: int = 24
    expansion_add: int = 64
    expansion_search: int = 256
    dtype: str = "f16"


class VectorIndex:
    """Integer keys to unit vectors; exact below ``exact_threshold``, HNSW above.

    ``subset_cost_ratio`` and ``oversample`` steer filtered searches (see the module
    docstring); ``threads`` is given to usearch when adding (0: all cores).
    """

    def __init__(
        self,
        dim: int,
        *,
        exact_threshold: int = 30_000,
        subset_cost_ratio: float = 8.0,
        oversample: float = 2.0,
        hnsw: HnswSettings | None = None,
        threads: int = 0,
    ) -> None:
        if dim < 1:
            raise ValueError("dim must be positive")
        self.dim = dim
        self.exact_threshold = exact_threshold
        self.subset_cost_ratio = subset_cost_ratio
        self.oversample = oversample
        self.hnsw_settings = hnsw or HnswSettings()
        self.threads = threads
        self.read_only = False
        self._vectors: NDArray[np.float32] = np.empty((0, dim), dtype=np.float32)
        self._codes: NDArray[np.int8] = np.empty((0, dim), dtype=np.int8)
        self._code_scales: NDArray[np.float32] = np.empty(0, dtype=np.float32)
        self._row_keys: Keys = np.empty(0, dtype=np.int64)  # -1 marks a free row
        self._n_rows = 0
        self._free_rows: list[int] = []
        self._row_of: dict[int, int] | None = {}
        self._sorted_keys: Keys | None = None  # read-only lookup, with _sorted_rows
        self._sorted_rows: Keys | None = None
        self._hnsw: Index | None = None

    # -- size and lookup

    def __len__(self) -> int:
        return self._n_rows - len(self._free_rows)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, int | np.integer):
            return False
        return bool(self._rows_for(np.asarray([key], dtype=np.int64))[0] >= 0)

    @property
    def uses_hnsw(self) -> bool:
        """Whether searches go through the HNSW graph (size at least the threshold)."""
        return self._hnsw is not None and len(self) >= self.exact_threshold

    def keys(self) -> Keys:
        """All keys, in storage order."""
        row_keys = self._row_keys[: self._n_rows]
        return np.asarray(row_keys[row_keys >= 0], dtype=np.int64)

    def get(self, key: int) -> NDArray[np.float32]:
        """The stored (normalised) vector of ``key``; KeyError if absent."""
        row = int(self._rows_for(np.asarray([key], dtype=np.int64))[0])
        if row < 0:
            raise KeyError(key)
        return np.array(self._vectors[row], dtype=np.float32)

    def memory_bytes(self) -> int:
        """Bytes held by the matrix, key arrays and HNSW graph (mapped files count)."""
        total = self._vectors.nbytes + self._row_keys.nbytes
        total += self._codes.nbytes + self._code_scales.nbytes
        if self._sorted_keys is not None and self._sorted_rows is not None:
            total += self._sorted_keys.nbytes + self._sorted_rows.nbytes
        if self._hnsw is not None:
            total += int(self._hnsw.memory_usage)
        return total

    def _rows_for(self, keys: Keys) -> Keys:
        if self._row_of is not None:
            row_of = self._row_of
            return np.fromiter((row_of.get(int(k), -1) for k in keys), np.int64, len(keys))
        sorted_keys, sorted_rows = self._sorted_keys, self._sorted_rows
        assert sorted_keys is not None
        assert sorted_rows is not None
        if len(sorted_keys) == 0:
            return np.full(len(keys), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
        return np.where(sorted_keys[at] == keys, sorted_rows[at], -1).astype(np.int64)

    # -- changes

    def upsert(self, keys: ArrayLike, vectors: ArrayLike) -> None:
        """Add vectors under ``keys``, replacing the vectors of keys already present."""
        self._check_writable()
        key_array = _as_keys(keys)
        matrix = normalise(np.asarray(vectors))
        if matrix.shape != (len(key_array), self.dim):
            raise ValueError(f"expected vectors of shape {(len(key_array), self.dim)}")
        if len(np.unique(key_array)) != len(key_array):
            raise ValueError("duplicate keys in one upsert")
        if not np.isfinite(matrix).all():
            raise ValueError("vectors must be finite")
        assert self._row_of is not None
        rows = self._rows_for(key_array)
        existing = rows >= 0
        for i in np.flatnonzero(~existing):
            rows[i] = self._allocate_row()
            self._row_of[int(key_array[i])] = int(rows[i])
        self._vectors[rows] = matrix
        self._codes[rows], self._code_scales[rows] = _quantise(matrix)
        self._row_keys[rows] = key_array
        if self._hnsw is not None:
            if existing.any():
                self._hnsw.remove(key_array[existing])
            self._hnsw.add(key_array, matrix, threads=self.threads)
        elif len(self) >= self.exact_threshold:
            self.rebuild_hnsw()

    def remove(self, keys: ArrayLike) -> int:
        """Remove ``keys`` (absent ones are ignored); returns how many were removed."""
        self._check_writable()
        key_array = _as_keys(keys)
        rows = self._rows_for(key_array)
        present = key_array[rows >= 0]
        assert self._row_of is not None
        for key, row in zip(present.tolist(), rows[rows >= 0].tolist(), strict=True):
            del self._row_of[key]
            self._row_keys[row] = -1
            self._free_rows.append(row)
        if self._hnsw is not None and len(present):
            self._hnsw.remove(present)
        return len(present)

    def rebuild_hnsw(self) -> None:
        """Build the graph afresh from the stored vectors (after many removals)."""
        self._check_writable()
        settings = self.hnsw_settings
        graph = Index(
            ndim=self.dim,
            metric=MetricKind.IP,
            dtype=settings.dtype,
            connectivity=settings.connectivity,
            expansion_add=settings.expansion_add,
            expansion_search=settings.expansion_search,
        )
        live = np.flatnonzero(self._row_keys[: self._n_rows] >= 0)
        if len(live):
            graph.add(self._row_keys[live], self._vectors[live], threads=self.threads)
        self._hnsw = graph

    def _allocate_row(self) -> int:
        if self._free_rows:
            return self._free_rows.pop()
        if self._n_rows == len(self._row_keys):
            capacity = max(1024, 2 * len(self._row_keys))
            vectors = np.zeros((capacity, self.dim), dtype=np.float32)
            vectors[: self._n_rows] = self._vectors[: self._n_rows]
            row_keys = np.full(capacity, -1, dtype=np.int64)
            row_keys[: self._n_rows] = self._row_keys[: self._n_rows]
            codes = np.zeros((capacity, self.dim), dtype=np.int8)
            codes[: self._n_rows] = self._codes[: self._n_rows]
            code_scales = np.zeros(capacity, dtype=np.float32)
            code_scales[: self._n_rows] = self._code_scales[: self._n_rows]
            self._vectors, self._row_keys = vectors, row_keys
            self._codes, self._code_scales = codes, code_scales
        self._n_rows += 1
        return self._n_rows - 1

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyIndexError("this index was opened memory-mapped, read-only")

    # -- search

    def search(
        self,
        query: ArrayLike,
        k: int = 10,
        allowed: Collection[int] | None = None,
        where: KeyFilter | None = None,
    ) -> list[SearchHit]:
        """The ``k`` nearest keys to ``query`` by cosine similarity, best first.

        ``allowed`` restricts results to a set of keys (pass a ``set`` or
        ``frozenset``: membership is tested per candidate); ``where`` is a vectorised
        predicate over key arrays. Both may be given. Ties are broken by smaller key.
        """
        q = normalise(np.asarray(query))[0]
        if k < 1 or len(self) == 0:
            return []
        if not self.uses_hnsw:
            return self._exact(q, k, self._allowed_rows(allowed, where))
        selectivity = self._estimate_selectivity(allowed, where)
        count = min(len(self), math.ceil(k / max(selectivity, 1e-9) * self.oversample) + k)
        if selectivity < 1.0 and selectivity * len(self) <= self.subset_cost_ratio * count:
            return self._exact(q, k, self._allowed_rows(allowed, where))
        for _attempt in range(2):
            hits = self._hnsw_candidates(q, count, k, allowed, where)
            if len(hits) >= k or count >= len(self):
                return hits
            count = min(len(self), count * 4)
        return self._exact(q, k, self._allowed_rows(allowed, where))

    def search_exact(
        self,
        query: ArrayLike,
        k: int = 10,
        allowed: Collection[int] | None = None,
        where: KeyFilter | None = None,
    ) -> list[SearchHit]:
        """Brute force over every stored vector (the baseline for recall and speed)."""
        q = normalise(np.asarray(query))[0]
        if k < 1 or len(self) == 0:
            return []
        scores = np.einsum("ij,j->i", self._vectors[: self._n_rows], q)
        row_keys = self._row_keys[: self._n_rows]
        mask = row_keys >= 0
        if where is not None:
            mask &= where(row_keys)
        if allowed is not None:
            mask &= np.isin(row_keys, np.fromiter(allowed, np.int64, len(allowed)))
        rows = np.flatnonzero(mask)
        return self._top(rows, scores[rows], k)

    def _estimate_selectivity(
        self, allowed: Collection[int] | None, where: KeyFilter | None
    ) -> float:
        selectivity = 1.0
        if allowed is not None:
            selectivity = min(1.0, len(allowed) / len(self))
        if where is not None:
            # A fixed sample keeps the estimate deterministic and cheap at any size.
            live = self.keys() if len(self) <= 4096 else self._sample_keys(4096)
            share = float(np.count_nonzero(where(live))) / len(live)
            selectivity = min(selectivity, share)
        return selectivity

    def _sample_keys(self, size: int) -> Keys:
        row_keys = self._row_keys[: self._n_rows]
        picks = np.linspace(0, self._n_rows - 1, size * 2).astype(np.int64)
        sampled = row_keys[picks]
        return np.asarray(sampled[sampled >= 0][:size], dtype=np.int64)

    def _allowed_rows(
        self, allowed: Collection[int] | None, where: KeyFilter | None
    ) -> Keys | None:
        if allowed is None and where is None:
            return None
        if allowed is not None:
            rows = self._rows_for(np.fromiter(allowed, np.int64, len(allowed)))
            rows = rows[rows >= 0]
            if where is not None:
                rows = rows[where(self._row_keys[rows])]
        else:
            assert where is not None
            row_keys = self._row_keys[: self._n_rows]
            allowed_mask = where(row_keys)
            if self._free_rows:
                allowed_mask = allowed_mask & (row_keys >= 0)
            rows = np.flatnonzero(allowed_mask)
        return np.asarray(rows, dtype=np.int64)

    def _exact(self, q: NDArray[np.float32], k: int, rows: Keys | None) -> list[SearchHit]:
        if rows is None:
            rows = np.flatnonzero(self._row_keys[: self._n_rows] >= 0)
            scores = np.einsum("ij,j->i", self._vectors[: self._n_rows], q)[rows]
        elif len(rows) > _QUANTISED_MIN_ROWS and len(rows) > 2 * max(4 * k, 64):
            rough = self._quantised_scores(q, rows)
            count = max(4 * k, 64)
            rows = rows[np.argpartition(rough, len(rough) - count)[len(rough) - count :]]
            scores = self._scores(q, rows)
        else:
            scores = self._scores(q, rows)
        return self._top(rows, scores, k)

    def _scores(self, q: NDArray[np.float32], rows: Keys) -> NDArray[np.float32]:
        """Dot products of ``q`` with the given rows, gathered a cache-sized chunk at a time.

        Copying the whole subset out first costs a fresh allocation (page faults) and a
        second pass over memory; and a BLAS product starts OpenBLAS's thread pool, whose
        hand-offs cost more than the arithmetic on a busy machine. ``einsum`` stays on the
        calling thread.
        """
        scores = np.empty(len(rows), dtype=np.float32)
        buffer = np.empty((min(len(rows), _CHUNK_ROWS), self.dim), dtype=np.float32)
        for start in range(0, len(rows), _CHUNK_ROWS):
            part = rows[start : start + _CHUNK_ROWS]
            chunk = buffer[: len(part)]
            np.take(self._vectors, part, axis=0, out=chunk)
            np.einsum("ij,j->i", chunk, q, out=scores[start : start + len(part)])
        return scores

    def _quantised_scores(self, q: NDArray[np.float32], rows: Keys) -> NDArray[np.float32]:
        """Approximate dot products from the int8 codes (a first pass; see the module)."""
        scores = np.empty(len(rows), dtype=np.float32)
        size = min(len(rows), _CHUNK_ROWS)
        codes = np.empty((size, self.dim), dtype=np.int8)
        buffer = np.empty((size, self.dim), dtype=np.float32)
        for start in range(0, len(rows), _CHUNK_ROWS):
            part = rows[start : start + _CHUNK_ROWS]
            np.take(self._codes, part, axis=0, out=codes[: len(part)])
            chunk = buffer[: len(part)]
            chunk[...] = codes[: len(part)]
            np.einsum("ij,j->i", chunk, q, out=scores[start : start + len(part)])
        scores *= self._code_scales[rows]
        return scores

    def _top(self, rows: NDArray[Any], scores: NDArray[np.float32], k: int) -> list[SearchHit]:
        if len(rows) > k:
            # Keep every row tied with the k-th score so tie-breaking by key is exact.
            kth = np.partition(scores, len(scores) - k)[len(scores) - k]
            keep = scores >= kth
            rows, scores = rows[keep], scores[keep]
        keys = self._row_keys[rows]
        order = np.lexsort((keys, -scores))[:k]
        return [SearchHit(int(keys[i]), float(scores[i])) for i in order]

    def _hnsw_candidates(
        self,
        q: NDArray[np.float32],
        count: int,
        k: int,
        allowed: Collection[int] | None,
        where: KeyFilter | None,
    ) -> list[SearchHit]:
        assert self._hnsw is not None
        matches = self._hnsw.search(q, count, threads=1)
        keys = np.asarray(matches.keys, dtype=np.int64)
        if allowed is not None:
            keys = keys[np.fromiter((int(key) in allowed for key in keys), bool, len(keys))]
        if where is not None and len(keys):
            keys = keys[where(keys)]
        rows = self._rows_for(keys)
        rows = rows[rows >= 0]
        return self._top(rows, self._scores(q, rows), k)

    # -- persistence

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write a new generation under ``path`` and switch to it atomically.

        Returns the generation directory. The previous generation is kept (a reader may
        be opening it); older ones are deleted.
        """
        root = Path(path)
        root.mkdir(parents=True, exist_ok=True)
        live = np.flatnonzero(self._row_keys[: self._n_rows] >= 0)
        keys = np.ascontiguousarray(self._row_keys[live])
        order = np.argsort(keys, kind="stable")
        staging = root / f".staging-{uuid.uuid4().hex}"
        staging.mkdir()
        try:
            _save_npy(staging / "vectors.npy", np.ascontiguousarray(self._vectors[live]))
            _save_npy(staging / "codes.npy", np.ascontiguousarray(self._codes[live]))
            _save_npy(staging / "code_scales.npy", np.ascontiguousarray(self._code_scales[live]))
            _save_npy(staging / "keys.npy", keys)
            _save_npy(staging / "sorted_keys.npy", np.ascontiguousarray(keys[order]))
            _save_npy(staging / "sorted_rows.npy", order.astype(np.int64))
            if self._hnsw is not None:
                self._hnsw.save(str(staging / "hnsw.usearch"))
            meta = {
                "format": FORMAT_VERSION,
                "dim": self.dim,
                "size": len(keys),
                "exact_threshold": self.exact_threshold,
                "subset_cost_ratio": self.subset_cost_ratio,
                "oversample": self.oversample,
                "hnsw": asdict(self.hnsw_settings),
                "has_hnsw": self._hnsw is not None,
            }
            (staging / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
            generation = root / f"gen-{_next_generation(root):08d}"
            os.rename(staging, generation)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        pointer = root / f".{CURRENT_FILE}.{uuid.uuid4().hex}"
        pointer.write_text(generation.name, encoding="utf-8")
        os.replace(pointer, root / CURRENT_FILE)
        _fsync_dir(root)
        _prune_generations(root, keep=2)
        return generation

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, mmap: bool = False) -> VectorIndex:
        """Open the current generation; ``mmap=True`` maps it read-only (for web)."""
        root = Path(path)
        generation = root / (root / CURRENT_FILE).read_text(encoding="utf-8").strip()
        meta = json.loads((generation / "meta.json").read_text(encoding="utf-8"))
        if meta["format"] != FORMAT_VERSION:
            raise ValueError(f"unsupported index format {meta['format']}")
        index = cls(
            int(meta["dim"]),
            exact_threshold=int(meta["exact_threshold"]),
            subset_cost_ratio=float(meta["subset_cost_ratio"]),
            oversample=float(meta["oversample"]),
            hnsw=HnswSettings(**meta["hnsw"]),
        )
        vectors = np.load(generation / "vectors.npy", mmap_mode="r" if mmap else None)
        keys = np.load(generation / "keys.npy", mmap_mode="r" if mmap else None)
        if (generation / "codes.npy").exists():
            codes = np.load(generation / "codes.npy", mmap_mode="r" if mmap else None)
            code_scales = np.load(generation / "code_scales.npy", mmap_mode="r" if mmap else None)
        else:  # written before the codes were kept: derive them
            codes, code_scales = _quantise(np.asarray(vectors))
        index._n_rows = len(keys)
        if meta["has_hnsw"]:
            graph = Index.restore(str(generation / "hnsw.usearch"), view=mmap)
            if graph is None:
                raise ValueError(f"cannot read {generation / 'hnsw.usearch'}")
            # The file keeps the graph's structure but not its search-time expansion.
            # usearch defines the setter apart from the getter, which mypy cannot see.
            graph.expansion_search = index.hnsw_settings.expansion_search  # type: ignore[misc]
            index._hnsw = graph
        if mmap:
            index.read_only = True
            index._vectors, index._row_keys = vectors, keys
            index._codes, index._code_scales = codes, code_scales
            index._row_of = None
            index._sorted_keys = np.load(generation / "sorted_keys.npy", mmap_mode="r")
            index._sorted_rows = np.load(generation / "sorted_rows.npy", mmap_mode="r")
        else:
            index._vectors, index._row_keys = np.array(vectors), np.array(keys)
            index._codes, index._code_scales = np.array(codes), np.array(code_scales)
            index._row_of = {int(key): row for row, key in enumerate(keys.tolist())}
        return index


def _as_keys(keys: ArrayLike) -> Keys:
    array = np.asarray(keys)
    if array.ndim == 0:
        array = array.reshape(1)
    if array.size and (array.dtype.kind not in "iu" or int(array.min()) < 0):
        raise ValueError("keys must be non-negative integers")
    return array.astype(np.int64)


def _quantise(matrix: NDArray[np.float32]) -> tuple[NDArray[np.int8], NDArray[np.float32]]:
    """int8 codes and per-row scales such that ``codes * scale`` approximates ``matrix``."""
    peak = np.abs(matrix).max(axis=1)
    scales = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    codes = np.rint(matrix / scales[:, None]).astype(np.int8)
    return codes, scales


def _save_npy(path: Path, array: NDArray[Any]) -> None:
    with open(path, "wb") as handle:
        np.save(handle, array)
        handle.flush()
        os.fsync(handle.fileno())


def _generations(root: Path) -> list[Path]:
    return sorted(p for p in root.glob("gen-*") if p.is_dir())


def _next_generation(root: Path) -> int:
    existing = _generations(root)
    return int(existing[-1].name.removeprefix("gen-")) + 1 if existing else 1


def _prune_generations(root: Path, keep: int) -> None:
    for old in _generations(root)[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def top_keys(hits: Sequence[SearchHit]) -> list[int]:
    """Just the keys of ``hits``, in order."""
    return [hit.key for hit in hits]
