"""The command line: a schedule file in the documented shape, or no file and exit code 2."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from jembatan.events.domain.scheduler import check_schedule, parse_instance
from jembatan.events.domain.scheduler.cli import main


def write(path: Path, data: object) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_cli_solve_writes_schedule(
    tmp_path: Path, data: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path / "instance.json", data)
    target = tmp_path / "schedule.json"
    assert main(["solve", "--input", source, "--output", str(target), "--time-limit", "5"]) == 0
    output = json.loads(target.read_text(encoding="utf-8"))
    assert set(output) == {
        "meetings",
        "unscheduled",
        "objective",
        "upper_bound",
        "status",
        "reasons",
        "figures",
    }
    assert output["objective"] == 9
    assert check_schedule(parse_instance(data), output) == []
    assert capsys.readouterr().out.startswith(
        "optimal: 3 meetings, 2 unscheduled, objective 9 of at most 9"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "instance.json",
        "schedule.json",
    ]


def test_cli_solve_invalid_input_writes_nothing(
    tmp_path: Path, data: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    data["requests"][3]["b"] = "p77"
    source = write(tmp_path / "instance.json", data)
    target = tmp_path / "schedule.json"
    assert main(["solve", "--input", source, "--output", str(target)]) == 2
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["instance.json"]
    assert capsys.readouterr().err == (
        'error: invalid input: requests[3] (id "r4"): participant "p77" is not listed\n'
    )


def test_cli_solve_keeps_old_file_on_invalid_input(tmp_path: Path, data: dict[str, Any]) -> None:
    data["tables"] = 0
    source = write(tmp_path / "instance.json", data)
    target = tmp_path / "schedule.json"
    target.write_text("published", encoding="utf-8")
    assert main(["solve", "--input", source, "--output", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "published"


def test_cli_solve_malformed_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "instance.json"
    source.write_text("{", encoding="utf-8")
    assert main(["solve", "--input", str(source), "--output", str(tmp_path / "out.json")]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()


def test_cli_solve_bad_time_limit(tmp_path: Path, data: dict[str, Any]) -> None:
    source = write(tmp_path / "instance.json", data)
    args = [
        "solve",
        "--input",
        source,
        "--output",
        str(tmp_path / "o.json"),
        "--time-limit",
        "0",
    ]
    assert main(args) == 2
    assert not (tmp_path / "o.json").exists()


def test_cli_solve_with_previous_in_input(tmp_path: Path, data: dict[str, Any]) -> None:
    data["previous"] = {
        "meetings": [{"request": "r2", "slot": "d1-0900", "table": 1, "interpreter": None}]
    }
    source = write(tmp_path / "instance.json", data)
    target = tmp_path / "schedule.json"
    assert main(["solve", "--input", source, "--output", str(target), "--time-limit", "5"]) == 0
    output = json.loads(target.read_text(encoding="utf-8"))
    assert {
        "request": "r2",
        "slot": "d1-0900",
        "table": 1,
        "interpreter": None,
        "attendees": ["p1", "p3"],
    } in output["meetings"]
    assert output["moved"] == []
    assert output["dropped"] == []
    assert output["figures"]["moved"] == 0


def test_cli_solve_bad_previous(
    tmp_path: Path, data: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    data["previous"] = [{"request": "r2", "slot": "d1-0900", "table": "one"}]
    source = write(tmp_path / "instance.json", data)
    assert main(["solve", "--input", source, "--output", str(tmp_path / "o.json")]) == 2
    assert 'previous[0]: table must be an integer, got "one"' in capsys.readouterr().err


def test_cli_solve_limit_counts_from_the_start(tmp_path: Path, data: dict[str, Any]) -> None:
    """A command whose time was used up before solving still writes a valid schedule."""
    import time

    source = write(tmp_path / "instance.json", data)
    target = tmp_path / "schedule.json"
    argv = ["solve", "--input", source, "--output", str(target), "--time-limit", "1"]
    assert main(argv, started=time.perf_counter() - 100.0) == 0
    output = json.loads(target.read_text(encoding="utf-8"))
    assert check_schedule(parse_instance(data), output) == []
    assert output["upper_bound"] >= output["objective"]


def test_plain_solve_skips_django_only_without_its_options() -> None:
    from jembatan.__main__ import _plain_solve

    assert _plain_solve(["events", "solve", "--input", "a", "--output", "b"])
    assert not _plain_solve(["events", "schedule", "3"])
    assert not _plain_solve(["events", "solve", "--settings=x", "--input", "a"])
    assert not _plain_solve(["events", "solve", "--pythonpath", "x"])
    assert not _plain_solve(["events", "solve", "--help"])
    assert not _plain_solve(["migrate"])


def test_command_solves_without_django(tmp_path: Path, data: dict[str, Any]) -> None:
    import os
    import subprocess
    import sys

    source = write(tmp_path / "in.json", data)
    target = tmp_path / "out.json"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[4] / "src")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    argv = [sys.executable, "-X", "importtime", "-m", "jembatan", "events", "solve"]
    argv += ["--input", source, "--output", str(target), "--time-limit", "5"]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    assert done.returncode == 0, done.stderr
    # Django is not set up (no apps, URL patterns, management): the scheduler needs none.
    assert not re.search(r"\|\s+django\.(apps|urls|db|core\.management)\b", done.stderr)
    assert done.stdout.startswith(("optimal", "feasible"))
    instance = parse_instance(data)
    assert check_schedule(instance, json.loads(target.read_text(encoding="utf-8"))) == []
    bad = write(tmp_path / "bad.json", {**data, "tables": 0})
    argv[argv.index(source)] = bad
    failed = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    assert failed.returncode == 2
    assert "error: invalid input" in failed.stderr
    assert "CommandError: the schedule was not written" in failed.stderr
