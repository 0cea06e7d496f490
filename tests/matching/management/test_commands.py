"""`jembatan matching eval` and `jembatan matching reindex`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jembatan.matching.domain.vector_store import read_index
from jembatan.matching.models import EmbeddedObject, Embedding, KeywordDocument
from tests.matching.corpus import build_corpus

DATA = Path(__file__).parents[1] / "data"


def test_eval_json_has_exactly_the_report_keys(db, capsys) -> None:  # type: ignore[no-untyped-def]
    call_command(
        "matching",
        "eval",
        "--pairs",
        str(DATA / "pairs.csv"),
        "--corpus",
        str(DATA / "corpus.csv"),
        "--json",
        "--asymmetric",  # short search queries: the search path
    )
    report = json.loads(capsys.readouterr().out)
    assert list(report) == [
        "recall_at_1",
        "recall_at_5",
        "recall_at_10",
        "mrr",
        "n",
        "latency_ms_p50",
        "latency_ms_p95",
    ]
    assert (report["n"], report["recall_at_5"], report["recall_at_10"]) == (3, 1.0, 1.0)
    assert report["recall_at_1"] == 1.0
    assert report["mrr"] == 1.0


def test_eval_writes_nothing_to_the_database(db, capsys, settings) -> None:  # type: ignore[no-untyped-def]
    call_command("matching", "eval", "--pairs", str(DATA / "pairs.csv"))
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("recall_at_1")
    assert (Embedding.objects.count(), KeywordDocument.objects.count()) == (0, 0)
    assert not Path(settings.JEMBATAN_INDEX_DIR).exists()


@pytest.mark.parametrize("path", ["--symmetric", "--asymmetric"])
def test_eval_runs_both_product_paths(db, capsys, path: str) -> None:  # type: ignore[no-untyped-def]
    call_command(
        "matching",
        "eval",
        "--pairs",
        str(DATA / "pairs.csv"),
        "--corpus",
        str(DATA / "corpus.csv"),
        "--json",
        path,
    )
    report = json.loads(capsys.readouterr().out)
    assert (report["n"], report["recall_at_10"]) == (3, 1.0)


def test_eval_pairs_without_columns_names_them(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\nx,y\n", encoding="utf-8")
    with pytest.raises(CommandError, match="needs the columns query,relevant"):
        call_command("matching", "eval", "--pairs", str(bad))


def test_reindex_rebuilds_everything(company, other_company, capsys) -> None:  # type: ignore[no-untyped-def]
    corpus = build_corpus(company, other_company, index=False)
    call_command("matching", "reindex")
    out = capsys.readouterr().out
    assert "profile: 6 indexed" in out
    assert "company: 6 indexed" in out
    assert len(read_index("profile", 384)) == 6
    assert len(read_index("profile-similar", 384)) == 6
    assert len(read_index("company-similar", 384)) == 6
    assert EmbeddedObject.objects.exclude(similar_hash="").count() == 12
    assert KeywordDocument.objects.filter(object_type="profile").count() == 6
    call_command("matching", "reindex")
    assert "0 texts encoded" in capsys.readouterr().out
    assert corpus.machine_offer.pk in read_index("profile", 384)
