"""Benchmark of the event meeting scheduler on seeded, realistic instances.

    PYTHONPATH=src python benchmarks/scheduler.py [--sizes S M L XL] [--limits 5 10 30 60]

Prints a table and writes it into docs/benchmarks.md between the markers below, so that
reruns replace the figures. Instances: Japanese SMEs speak ja or ja+en, Indonesian IKM id
or id+en, a few firms en only; a few very popular firms draw many requests; interpreters
(ja+id) are few; a third of participants are available only part of the event.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from jembatan.events.domain.scheduler import (
    Schedule,
    check_schedule,
    parse_instance,
    solve,
)
from jembatan.events.domain.scheduler.deadline import Deadline
from jembatan.events.domain.scheduler.schedule import parse_extras

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
    "XL": Size("XL", 5_000, 40_000, 24, 400, 80),
}
LIMITS = (5.0, 10.0, 30.0, 60.0)
XL_LIMIT = 120.0
CURVE_AT = (1, 2, 5, 10, 20, 30, 60, 120)


def generate(size: Size, seed: int = 1) -> dict[str, object]:
    """A seeded instance in the documented JSON format."""
    rng = random.Random(seed)
    slots = [f"d{1 + s // 8}-{9 + (s % 8) // 2:02d}{30 * (s % 2):02d}" for s in range(size.slots)]
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
        interpreters.append({"id": f"i{n + 1}", "languages": languages, "available": available})
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
        p: (25.0 if rng.random() < 0.02 else rng.uniform(0.5, 2.0)) for p in japanese + indonesian
    }
    requests = []
    for n in range(size.requests):
        side, other = (japanese, indonesian) if rng.random() < 0.5 else (indonesian, japanese)
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
                locks.append({"request": request["id"], "slot": slot, "table": next_table[slot]})
                next_table[slot] += 1
                for p in (a, b):
                    busy.add((p["id"], slot))
                    count[p["id"]] = count.get(p["id"], 0) + 1
                break
    return locks


def run(size: Size, data: dict[str, object], time_limit: float, workers: int, seed: int) -> Run:
    """One solve of a generated instance; the clock starts before parsing, as in the command."""
    load = os.getloadavg()[0]
    deadline = Deadline(time_limit)
    instance = parse_instance(data)
    schedule = solve(instance, deadline=deadline, workers=workers, seed=seed)
    output = schedule.to_json()
    json.dumps(output)  # what writing the file costs, bar the disk
    seconds = deadline.elapsed()
    problems = check_schedule(instance, output)
    if problems:
        raise SystemExit(f"{size.name}: invalid schedule: {problems[:5]}")
    return Run(size, time_limit, seconds, load, schedule)


@dataclass(frozen=True)
class Run:
    size: Size
    limit: float
    seconds: float
    load: float
    schedule: Schedule

    def row(self) -> list[str]:
        s = self.schedule
        figures = s.to_json().get("figures", {})
        assert isinstance(figures, dict)
        return [
            self.size.name,
            f"{self.limit:g}",
            f"{self.seconds:.1f}",
            f"{self.load:.1f}",
            f"{s.stats.get('first_feasible_seconds', 0.0):.1f}",
            str(s.objective),
            str(s.upper_bound),
            f"{s.objective / s.upper_bound:.4f}" if s.upper_bound else "1",
            s.status,
            str(figures.get("idle_gaps_mean", "-")),
            str(figures.get("idle_gaps_max", "-")),
            str(figures.get("participants_with_requests_but_no_meeting", "-")),
        ]


HEADER = [
    "size",
    "limit (s)",
    "wall used (s)",
    "load avg",
    "first feasible (s)",
    "objective",
    "bound",
    "objective / bound",
    "status",
    "idle gaps mean",
    "idle gaps max",
    "with requests, no meeting",
]


def curve(run: Run) -> str:
    """Objective / bound at fixed times, from the run's trace."""
    cells = []
    for at in CURVE_AT:
        if at > run.limit:
            break
        seen = [(o, b) for t, o, b in run.schedule.trace if t <= at]
        cells.append(f"{at} s: {seen[-1][0]} / {seen[-1][1]}" if seen else f"{at} s: -")
    return "; ".join(cells)


def time_to(run: Run, share: float) -> str:
    """Seconds until the objective first reached ``share`` of the final bound."""
    goal = share * run.schedule.upper_bound
    for t, objective, _bound in run.schedule.trace:
        if objective >= goal:
            return f"{t:.1f}"
    return "not reached"


def rescheduling(size: Size, workers: int, seed: int, seconds: float) -> list[str]:
    """A scripted change set after publication: meetings moved to absorb it."""
    data = generate(size, seed)
    published = solve(parse_instance(data), time_limit=seconds, workers=workers, seed=seed)
    changed = json.loads(json.dumps(data))
    requests = changed["requests"]
    cancelled = requests[0]["a"]  # a participant cancels: their requests go
    changed["requests"] = [r for r in requests if cancelled not in (r["a"], r["b"])]
    late = "late1"  # a late registration with five requests
    changed["participants"].append({"id": late, "languages": ["ja", "en"]})
    others = [p["id"] for p in changed["participants"][:200:40]]
    changed["requests"] += [
        {"id": f"late-r{n}", "a": late, "b": other, "priority": 3} for n, other in enumerate(others)
    ]
    ill = changed["interpreters"].pop(0)["id"]  # an interpreter falls ill
    changed["locked"] = [
        lock
        for lock in changed["locked"]
        if lock["request"] in {r["id"] for r in changed["requests"]}
    ]
    changed["previous"] = [m.to_json() for m in published.meetings]
    changed["allow_moves"] = True
    instance = parse_instance(changed)
    extras = parse_extras(changed)
    again = solve(
        instance,
        time_limit=seconds,
        previous=extras.previous,
        allow_moves=True,
        workers=workers,
        seed=seed,
    )
    problems = check_schedule(instance, again.to_json())
    if problems:
        raise SystemExit(f"rescheduling: invalid schedule: {problems[:5]}")
    moved = len(again.moved or ())
    dropped = len(again.dropped or ())
    return [
        size.name,
        f"participant {cancelled} cancels; {late} registers with {len(others)} requests; "
        f"interpreter {ill} falls ill",
        str(len(published.meetings)),
        str(moved),
        str(dropped),
        f"{published.objective} / {again.objective}",
    ]


def markdown(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def report(
    runs: list[Run], xl: Run | None, change: list[str] | None, workers: int, seed: int
) -> str:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} CPUs ({platform.machine()}, "
        f"Python {platform.python_version()}), {workers} CP-SAT workers asked (fewer when the "
        f"machine is loaded), seed {seed}. The machine was shared with other work: the load "
        "average (1 min) at the start of each run is in its row. Wall time counts from "
        "before parsing to the output encoded.",
        "",
        *markdown(HEADER, [run.row() for run in runs]),
        "",
        "Objective / bound over time (the longest run of each size):",
        "",
    ]
    longest: dict[str, Run] = {}
    for run in [*runs, *([xl] if xl else [])]:
        if run.limit >= longest.get(run.size.name, run).limit:
            longest[run.size.name] = run
    lines += [f"- {name}: {curve(run)}" for name, run in longest.items()]
    if xl is not None:
        lines += [
            "",
            f"XL with a {xl.limit:g} s limit: {xl.schedule.objective} of at most "
            f"{xl.schedule.upper_bound} ({xl.schedule.objective / xl.schedule.upper_bound:.4f}) "
            f"in {xl.seconds:.1f} s (load {xl.load:.1f}); 0.95 of the bound at "
            f"{time_to(xl, 0.95)} s, 0.99 at {time_to(xl, 0.99)} s; peak memory "
            f"{self_kb / 1024:.0f} MB (benchmark process, all runs) and {child_kb / 1024:.0f} MB "
            "(largest LP process).",
        ]
    if change is not None:
        lines += [
            "",
            "Re-scheduling after late changes (previous schedule given, moves allowed):",
            "",
            *markdown(
                [
                    "size",
                    "changes",
                    "published meetings",
                    "moved",
                    "dropped",
                    "objective before / after",
                ],
                [change],
            ),
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
    parser.add_argument("--sizes", nargs="+", choices=list(SIZES), default=list(SIZES))
    parser.add_argument("--limits", nargs="+", type=float, default=list(LIMITS))
    parser.add_argument("--xl-limit", type=float, default=XL_LIMIT, help="0: skip")
    parser.add_argument("--rescheduling-seconds", type=float, default=20.0, help="0: skip")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    runs = []
    xl = None
    for name in args.sizes:
        data = generate(SIZES[name], args.seed)
        for limit in args.limits:
            runs.append(run(SIZES[name], data, limit, args.workers, args.seed))
            print(" | ".join(runs[-1].row()), file=sys.stderr, flush=True)
        if name == "XL" and args.xl_limit > 0:
            xl = run(SIZES[name], data, args.xl_limit, args.workers, args.seed)
            print(" | ".join(xl.row()), file=sys.stderr, flush=True)
    change = None
    if args.rescheduling_seconds > 0:
        change = rescheduling(SIZES["M"], args.workers, args.seed, args.rescheduling_seconds)
    text = report(runs, xl, change, args.workers, args.seed)
    print(text)
    if not args.no_write:
        write_doc(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
