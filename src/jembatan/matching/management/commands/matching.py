"""`jembatan matching reindex | embed | eval | digest | alerts`."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from jembatan.core.progress import progress_bar
from jembatan.matching.domain.bulk_embed import embed_all, queue_all
from jembatan.matching.domain.digest import send_weekly_digests
from jembatan.matching.domain.embeddings import reindex, reindex_items
from jembatan.matching.domain.evaluation import EvaluationReport
from jembatan.matching.domain.offline_eval import EvalFileError, evaluate_files
from jembatan.matching.domain.saved_searches import send_saved_search_alerts

REPORT_KEYS = (
    "recall_at_1",
    "recall_at_5",
    "recall_at_10",
    "mrr",
    "n",
    "latency_ms_p50",
    "latency_ms_p95",
)


def _non_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


class Command(BaseCommand):
    help = "Rebuild the matching indexes, evaluate retrieval, or send the weekly digests."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        reindex_parser = sub.add_parser(
            "reindex", help="re-embed (from the cache) and rebuild every index"
        )
        reindex_parser.add_argument(
            "--missing",
            action="store_true",
            help="only embed companies whose embedding is missing or stale (resumes an import)",
        )
        embed = sub.add_parser(
            "embed",
            help="embed every missing or stale profile and company, over worker processes",
        )
        embed.add_argument(
            "--workers",
            type=_non_negative,
            default=1,
            help="worker processes that encode (default 1; 0: in this process)",
        )
        embed.add_argument(
            "--threads",
            type=_non_negative,
            default=None,
            help="encoder threads per worker (default: the cores divided by the workers)",
        )
        embed.add_argument(
            "--queue",
            action="store_true",
            help="queue the batches to Celery workers instead (run `embed` afterwards to "
            "write the indexes)",
        )
        evaluate = sub.add_parser("eval", help="recall@k, MRR and latency on query pairs")
        evaluate.add_argument("--pairs", required=True, help="CSV: query,relevant (or ja,id)")
        evaluate.add_argument("--corpus", help="CSV of extra texts to search among (column text)")
        evaluate.add_argument("--k", type=int, default=10, help="results retrieved per query")
        evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
        paths = evaluate.add_mutually_exclusive_group()
        paths.add_argument(
            "--symmetric",
            dest="symmetric",
            action="store_true",
            default=True,
            help="recommendations' path: both sides as queries, vectors only (default)",
        )
        paths.add_argument(
            "--asymmetric",
            dest="symmetric",
            action="store_false",
            help="search's path: passages, query, keyword search fused",
        )
        sub.add_parser("digest", help="make the weekly digests of new matches now")
        sub.add_parser("alerts", help="run the saved searches' alerts now (daily from cron)")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "reindex" and options["missing"]:
            self._embed_missing()
        elif action == "reindex":
            self._reindex()
        elif action == "embed" and options["queue"]:
            self._queue_embedding()
        elif action == "embed":
            self._embed(options["workers"], options["threads"] or None)
        elif action == "eval":
            self._eval(
                options["pairs"],
                options["corpus"],
                options["k"],
                options["json"],
                options["symmetric"],
            )
        elif action == "alerts":
            told = send_saved_search_alerts()
            self.stdout.write(f"alerts: {told} users told")
        else:
            sent = send_weekly_digests()
            self.stdout.write(f"digest: {sent} users notified of new matches")

    def _reindex(self) -> None:
        items = reindex_items()
        total = sum(len(rows) for rows in items.values())
        with tqdm(total=total, unit="text", desc="reindex", file=self.stderr) as bar:
            computed = reindex(bar.update, items)
        for kind, rows in items.items():
            self.stdout.write(f"{kind}: {len(rows)} indexed, {computed[kind]} texts encoded")

    def _embed(self, workers: int, threads: int | None) -> None:
        bars: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in bars:
                for bar in bars.values():
                    bar.close()
                bars[stage] = progress_bar(self.stderr, stage, total if total >= 0 else None)
            bars[stage].update(done)

        try:
            reports = embed_all(workers, threads, progress)
        finally:
            for bar in bars.values():
                bar.close()
        for report in reports:
            self.stdout.write(
                f"{report.object_type}: {report.pending} missing or stale, "
                f"{report.encoded} texts encoded, {report.indexed} indexed"
            )

    def _queue_embedding(self) -> None:
        from jembatan.matching.tasks import task_encode_objects

        for object_type, batches in queue_all(task_encode_objects.delay).items():
            self.stdout.write(f"{object_type}: {batches} batches queued")
        self.stdout.write("when the workers are done, run `jembatan matching embed` to index")

    def _embed_missing(self) -> None:
        from jembatan.matching.domain.backfill import companies_to_embed, embed_companies
        from jembatan.matching.tasks import task_embed_companies

        ids = companies_to_embed()
        with tqdm(total=len(ids), unit="company", desc="embed", file=self.stderr) as bar:
            embed_companies(ids, task_embed_companies.delay, bar.update)
        self.stdout.write(f"company: {len(ids)} missing or stale embeddings queued")

    def _eval(self, pairs: str, corpus: str | None, k: int, as_json: bool, symmetric: bool) -> None:
        try:
            report: EvaluationReport = evaluate_files(
                Path(pairs), Path(corpus) if corpus else None, k, symmetric
            )
        except (EvalFileError, OSError, csv.Error) as exc:
            raise CommandError(str(exc)) from exc
        values = {key: report[key] for key in REPORT_KEYS}  # type: ignore[literal-required]
        if as_json:
            self.stdout.write(json.dumps(values))
            return
        for key in REPORT_KEYS:
            value = values[key]
            self.stdout.write(
                f"{key:16} {value:.4f}" if isinstance(value, float) else f"{key:16} {value}"
            )
