"""Does Indonesian stemming (Sastrawi) help keyword search? A small measurement.

Run from the repository root (Sastrawi is not a dependency: ``pip install Sastrawi``)::

    PYTHONPATH=src python benchmarks/keyword_stemming.py

Corpus: the Indonesian texts of the demo partnership profiles (title, summary and
description, about 320). Queries: each profile's title with its words put in another
derived form (pemasok -> pasokan, kemasan -> pengemasan, produsen -> memproduksi...;
``VARIANTS``), keeping only titles where at least one word changed; the relevant text is
the profile itself. Scoring is the product's keyword rule (keyword_store.py, its
``coverage``): the better of trigram coverage and word-term coverage, hits below 0.5 dropped; ranked over the whole
corpus. The two rows differ only in the word terms: SudachiPy's normalised forms as the
product stores them, or those forms stemmed by Sastrawi on both sides.

Figures go to docs/benchmarks.md between ``<!-- stemming:start -->`` and
``<!-- stemming:end -->`` (unless ``--no-write``).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jembatan.settings")
os.environ.setdefault("JEMBATAN_VAR_DIR", str(Path(__file__).resolve().parent.parent / "var"))

import django

django.setup()

from jembatan.demo.domain.companies import demo_companies  # noqa: E402
from jembatan.demo.domain.profiles_demo import profile_values  # noqa: E402
from jembatan.matching.domain.keyword import trigrams as trigram_set  # noqa: E402
from jembatan.matching.domain.keyword_store import MIN_COVERAGE  # noqa: E402
from jembatan.matching.domain.tokens import word_terms  # noqa: E402

VARIANTS = {
    "pemasok": "pasokan", "memasok": "pemasok", "memproduksi": "produksi",
    "produsen": "memproduksi", "kemasan": "pengemasan", "pembeli": "pembelian",
    "pengrajin": "kerajinan", "kerajinan": "pengrajin", "pelatihan": "melatih",
    "magang": "pemagangan", "pengembangan": "mengembangkan", "distributor": "distribusi",
    "penjualan": "menjual", "lisensi": "melisensikan", "investor": "investasi",
    "pendampingan": "mendampingi", "bimbingan": "membimbing", "riset": "meriset",
    "tenun": "tenunan", "cetak": "pencetakan", "jahit": "penjahitan", "mencari": "pencarian",
    "menawarkan": "penawaran", "menerima": "penerimaan", "pekerjaan": "bekerja",
    "perawatan": "merawat", "pengolahan": "mengolah", "anyaman": "menganyam",
    "rajutan": "merajut", "ukiran": "mengukir", "tempat": "menempatkan",
}  # fmt: skip
STOP = {"untuk", "dan", "di", "dari", "bagi", "dengan", "jepang", "mitra", "kami", "yang"}
START, END = "<!-- stemming:start -->", "<!-- stemming:end -->"


def corpus() -> tuple[list[str], list[str]]:
    """(texts, titles) of the Indonesian demo profiles, verified firms only, as the demo."""
    texts, titles = [], []
    used: set[str] = set()
    for n, spec in enumerate(demo_companies()):
        if spec.country != "ID" or spec.verification != "verified":
            continue
        values = profile_values(spec, n, None, used)
        texts.append("\n".join(values[k] for k in ("title", "summary", "description")))
        titles.append(values["title"])
    return texts, titles


def vary(title: str) -> str | None:
    words = [w for w in re.findall(r"\w+", title.lower()) if w not in STOP]
    changed = [VARIANTS.get(w, w) for w in words]
    return " ".join(changed) if changed != words else None


def evaluate(  # type: ignore[no-untyped-def]
    texts: list[str],
    queries: list[tuple[str, int]],
    terms: Callable[[str], list[str]],
    trigrams: bool = True,
):
    stored = [set(terms(t)) for t in texts]
    grams = [trigram_set(t) for t in texts]
    at1 = at10 = 0
    started = time.perf_counter()
    for query, relevant in queries:
        wanted = terms(query)
        asked = [trigram_set(word) for word in query.split()]
        scores = []
        for key in range(len(texts)):
            share = sum(1 for t in wanted if t in stored[key]) / len(wanted) if wanted else 0.0
            shares = [len(w & grams[key]) / len(w) for w in asked if w]
            kept = [x if x >= MIN_COVERAGE else 0.0 for x in shares]
            covered = sum(kept) / len(asked) if asked else 0.0  # keyword_store.coverage
            score = max(covered, share) if trigrams else share
            if score >= MIN_COVERAGE:
                scores.append((-score, key))
        ranked = [key for _, key in sorted(scores)]
        at1 += ranked[:1] == [relevant]
        at10 += relevant in ranked[:10]
    elapsed = time.perf_counter() - started
    return at1 / len(queries), at10 / len(queries), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer()
    cache: dict[str, str] = {}

    def stemmed(text: str) -> list[str]:
        out = []
        for term in word_terms(text):
            if term not in cache:
                cache[term] = stemmer.stem(term) if term.isascii() else term
            out.append(cache[term])
        return list(dict.fromkeys(out))

    texts, titles = corpus()
    queries = [(q, key) for key, title in enumerate(titles) if (q := vary(title))]
    random.Random(7).shuffle(queries)
    rows = [
        ("trigrams + word terms as stored (product)", *evaluate(texts, queries, word_terms)),
        ("trigrams + word terms stemmed with Sastrawi", *evaluate(texts, queries, stemmed)),
        ("word terms only, as stored", *evaluate(texts, queries, word_terms, False)),
        ("word terms only, stemmed with Sastrawi", *evaluate(texts, queries, stemmed, False)),
    ]
    lines = [
        f"Indonesian keyword search, {len(queries)} queries over {len(texts)} demo profile "
        "texts (a title with its words in another derived form; the profile is the answer).",
        "",
        "| keyword path | recall@1 | recall@10 | time for all queries (s) |",
        "| --- | --- | --- | --- |",
        *(f"| {name} | {r1:.2f} | {r10:.2f} | {t:.1f} |" for name, r1, r10, t in rows),
    ]
    print("\n".join(lines))
    if not args.no_write:
        path = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
        text = path.read_text(encoding="utf-8")
        block = f"{START}\n" + "\n".join(lines) + f"\n{END}"
        if START in text:
            text = re.sub(re.escape(START) + ".*?" + re.escape(END), block, text, flags=re.S)
        else:
            text += f"\n## Keyword search: Indonesian stemming\n\n{block}\n"
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
