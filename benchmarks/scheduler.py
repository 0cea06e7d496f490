"""Benchmark of the event meeting scheduler on seeded, realistic instances.

    PYTHONPATH=src python benchmarks/scheduler.py [--sizes S M L] [--time-limit 60]

Prints a table and writes it into docs/benchmarks.md between the markers below, so that
reruns replace the figures. Instances: Japanese SMEs speak ja or ja+en, Indonesian IKM id
or id+en, a few firms en only; a few very popular firms draw many requests; interpreters
(ja+id) are few; a third of participants are available only part of the event.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ortools.sat.python import cp_model

from jembatan.events.domain.scheduler import (
    Instance,
    check_schedule,
    greedy_schedule,
    parse_instance,
    solve,
)
from jembatan.events.domain.scheduler.greedy import greedy_occupancy, priority_order
from jembatan.events.domain.scheduler.solver import build_model, run_model
from jembatan.events.domain.scheduler.structure import build_structure

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
START = "<!-- scheduler-benchmark:start -->"
END = "<!-- scheduler-benchmark:end -->"


@dataclass(frozen=True)
class Size:
    name: str
    participants: int
    requests: int
    slots: int
    tables: int
    interpreters: int


SIZES = {
    "S": Size("S", 200, 1_000, 14, 20, 10),
    "M": Size("M", 600, 3_000, 16, 50, 25),
    "L": Size("L", 2_000, 12_000, 20, 170, 80),
}


def generate(size: Size, seed: int = 1) -> dict[str, object]:
    """A seeded instance in the documented JSON format."""
    rng = random.Random(seed)
    slots = [
        f"d{1 + s // 8}-{9 + (s % 8) // 2:02d}{30 * (s % 2):02d}"
        for s in range(size.slots)
    ]
    participants, japanese, indonesian = [], [], []
    for n in range(size.participants):
        pid = f"p{n + 1}"
        roll = rng.random()
        if roll < 0.45:
            languages = ["ja"] if rng.random() < 0.55 else ["ja", "en"]
            japanese.append(pid)
        elif roll < 0.95:
            languages = ["id"] if rng.random() < 0.45 else ["id", "en"]
            indonesian.append(pid)
        else:
            languages = ["en"]
            (japanese if rng.random() < 0.5 else indonesian).append(pid)
        entry: dict[str, object] = {"id": pid, "languages": languages}
        if rng.random() < 0.35:
            length = rng.randint(size.slots // 3, size.slots - 1)
            first = rng.randint(0, size.slots - length)
            entry["available"] = slots[first : first + length]
        if rng.random() < 0.5:
            entry["max_meetings"] = rng.randint(3, 10)
        participants.append(entry)
    interpreters = []
    for n in range(size.interpreters):
        languages = ["ja", "id"] + (["en"] if rng.random() < 0.3 else [])
        available = [s for s in slots if rng.random() < 0.8]
        interpreters.append(
            {"id": f"i{n + 1}", "languages": languages, "available": available}
        )
    requests = _requests(size, rng, japanese, indonesian)
    return {
        "slots": slots,
        "tables": size.tables,
        "participants": participants,
        "interpreters": interpreters,
        "requests": requests,
        "locked": _locks(rng, slots, size.tables, participants, requests),
    }


def _requests(
    size: Size, rng: random.Random, japanese: list[str], indonesian: list[str]
) -> list[dict[str, object]]:
    # Popularity: a few firms on each side are wanted by many (weight 25), most by few.
    weight = {
        p: (25.0 if rng.random() < 0.02 else rng.uniform(0.5, 2.0))
        for p in japanese + indonesian
    }
    requests = []
    for n in range(size.requests):
        side, other = (
            (japanese, indonesian) if rng.random() < 0.5 else (indonesian, japanese)
        )
        a = rng.choice(side)
        b = rng.choices(other, weights=[weight[p] for p in other])[0]
        priority = rng.choices([1, 2, 3, 5], weights=[4, 3, 2, 1])[0]
        requests.append({"id": f"r{n + 1}", "a": a, "b": b, "priority": priority})
    return requests


def _locks(
    rng: random.Random,
    slots: list[str],
    tables: int,
    participants: list[dict[str, object]],
    requests: list[dict[str, object]],
) -> list[dict[str, object]]:
    """About 1% of requests locked (VIP meetings), chosen so that they never conflict."""
    by_id = {p["id"]: p for p in participants}
    busy: set[tuple[object, str]] = set()
    count: dict[object, int] = {}
    next_table = dict.fromkeys(slots, 1)
    locks = []
    for request in rng.sample(requests, len(requests) // 100):
        a, b = by_id[request["a"]], by_id[request["b"]]
        if not set(a["languages"]) & set(b["languages"]):  # type: ignore[call-overload]
            continue
        for slot in slots:
            ok = all(
                slot in p.get("available", slots)  # type: ignore[operator]
                and (p["id"], slot) not in busy
                and count.get(p["id"], 0) < p.get("max_meetings", 99)  # type: ignore[operator]
                for p in (a, b)
            )
            if ok and next_table[slot] <= tables:
                locks.append(
                    {"request": request["id"], "slot": slot, "table": next_table[slot]}
                )
                next_table[slot] += 1
                for p in (a, b):
                    busy.add((p["id"], slot))
                    count[p["id"]] = count.get(p["id"], 0) + 1
                break
    return locks


def cp_sat_alone(
    instance: Instance, seconds: float, workers: int, seed: int
) -> tuple[str, str]:
    """CP-SAT on the whole model from the priority-greedy hint: (objective, bound)."""
    if seconds <= 0:
        return "-", "-"
    structure = build_structure(instance)
    model = build_model(structure)
    hint = greedy_occupancy(structure, priority_order(structure))
    solver, status = run_model(model, hint, seconds, workers, seed)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return "-", "-"  # still in presolve when time ran out
    objective, bound = solver.objective_value, solver.best_objective_bound
    return str(round(objective)), str(int(bound + 1e-6))


def run(
    size: Size, time_limit: float, workers: int, seed: int, cp_sat_seconds: float
) -> dict[str, object]:
    data = generate(size, seed)
    instance = parse_instance(data)
    greedy = greedy_schedule(instance)
    alone_objective, alone_bound = cp_sat_alone(instance, cp_sat_seconds, workers, seed)
    started = time.perf_counter()
    schedule = solve(instance, time_limit=time_limit, workers=workers, seed=seed)
    seconds = time.perf_counter() - started
    problems = check_schedule(instance, schedule.to_json())
    if problems:
        raise SystemExit(f"{size.name}: invalid schedule: {problems[:5]}")
    stats = schedule.stats
    return {
        "size": size.name,
        "shape": f"{size.participants} / {size.requests} / {size.slots} / {size.tables} / {size.interpreters}",
        "objective": schedule.objective,
        "alone": f"{alone_objective} / {alone_bound}",
        "lp_bound": _int(stats.get("lp_bound")),
        "upper_bound": schedule.upper_bound,
        "ratio": f"{schedule.objective / schedule.upper_bound:.4f}",
        "seconds": f"{seconds:.1f}",
        "greedy": greedy.objective,
        "hint": _int(stats.get("hint")),
        "rounded": _int(stats.get("lp_rounding")),
        "lp_seconds": f"{stats.get('lp_seconds', 0.0):.1f}",
    }


def _int(value: float | None) -> str:
    return "-" if value is None else str(int(value))


COLUMNS = [
    ("size", "size"),
    ("shape", "participants / requests / slots / tables / interpreters"),
    ("objective", "objective"),
    ("lp_bound", "LP bound"),
    ("alone", "CP-SAT alone: objective / bound"),
    ("upper_bound", "upper bound"),
    ("ratio", "objective / bound"),
    ("seconds", "time (s)"),
    ("greedy", "greedy FCFS"),
    ("hint", "priority greedy"),
    ("rounded", "LP rounded"),
    ("lp_seconds", "LP done at (s)"),
]


def table(
    rows: list[dict[str, object]],
    time_limit: float,
    workers: int,
    seed: int,
    alone: float,
) -> str:
    lines = [
        (
            f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} CPUs ({platform.machine()}, "
            f"Python {platform.python_version()}), time limit {time_limit:g} s, {workers} CP-SAT "
            f"workers, seed {seed}; CP-SAT alone ran {alone:g} s on the whole model."
        ),
        "",
        "| " + " | ".join(title for _, title in COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    lines += [
        "| " + " | ".join(str(row[key]) for key, _ in COLUMNS) + " |" for row in rows
    ]
    return "\n".join(lines)


def write_doc(text: str) -> None:
    block = f"{START}\n{text}\n{END}"
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if START in current and END in current:
        before, rest = current.split(START, 1)
        current = before + block + rest.split(END, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n## Event scheduler\n\n" + block + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(current, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", nargs="+", choices=sorted(SIZES), default=["S", "M", "L"]
    )
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument(
        "--cp-sat-seconds",
        type=float,
        default=20.0,
        help="CP-SAT alone, for comparison (0: skip)",
    )
    args = parser.parse_args(argv)
    rows = []
    for name in args.sizes:
        rows.append(
            run(
                SIZES[name],
                args.time_limit,
                args.workers,
                args.seed,
                args.cp_sat_seconds,
            )
        )
        print(rows[-1], file=sys.stderr, flush=True)
    text = table(rows, args.time_limit, args.workers, args.seed, args.cp_sat_seconds)
    print(text)
    if not args.no_write:
        write_doc(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
