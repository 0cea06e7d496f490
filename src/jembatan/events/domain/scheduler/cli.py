"""``solve --input instance.json --output schedule.json [--time-limit SECONDS]``.

A plain function so that the ``jembatan events solve`` management command can call it.
Exit codes: 0 done, 2 invalid input or arguments (nothing written), 1 output not written.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence

from jembatan.events.domain.scheduler.deadline import Deadline, process_started
from jembatan.events.domain.scheduler.errors import InstanceError
from jembatan.events.domain.scheduler.io import read_json, read_problem, write_schedule
from jembatan.events.domain.scheduler.schedule import Schedule, parse_meetings
from jembatan.events.domain.scheduler.solver import solve


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jembatan events", description="Business-matching event tools."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("solve", help="schedule the meeting requests of an event")
    command.add_argument("--input", required=True, help="instance JSON file")
    command.add_argument("--output", required=True, help="schedule JSON file to write")
    command.add_argument("--time-limit", type=_positive, default=60.0, metavar="SECONDS")
    command.add_argument("--previous", help="published schedule to keep (overrides the input's)")
    command.add_argument("--allow-moves", action="store_true", help="previous meetings may move")
    command.add_argument("--workers", type=int, default=2, help="CP-SAT search workers")
    command.add_argument("--seed", type=int, default=0)
    return parser


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text}")
    return value


def main(argv: Sequence[str] | None = None, started: float | None = None) -> int:
    """Run the command; the time limit counts from ``started`` (``perf_counter``), else now."""
    started = time.perf_counter() if started is None else started
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage and the problem
        return exit_.code if isinstance(exit_.code, int) else 2
    deadline = Deadline(args.time_limit, started)
    try:
        instance, extras = read_problem(args.input)
        previous = extras.previous
        if args.previous:
            previous = parse_meetings(read_json(args.previous), args.previous)
    except InstanceError as error:
        print(f"error: invalid input: {error}", file=sys.stderr)
        return 2
    schedule = solve(
        instance,
        deadline=deadline,
        previous=previous,
        allow_moves=args.allow_moves or extras.allow_moves,
        workers=args.workers,
        seed=args.seed,
    )
    try:
        write_schedule(schedule, args.output)
    except OSError as error:
        print(f"error: cannot write {args.output}: {error}", file=sys.stderr)
        return 1
    print(summary(schedule, deadline.elapsed()))
    return 0


def summary(schedule: Schedule, seconds: float | None = None) -> str:
    share = schedule.objective / schedule.upper_bound if schedule.upper_bound else 1.0
    figures = schedule.figures
    text = (
        f"{schedule.status}: {len(schedule.meetings)} meetings, "
        f"{len(schedule.unscheduled)} unscheduled, objective {schedule.objective} "
        f"of at most {schedule.upper_bound} ({share:.1%}), "
        f"{schedule.stats.get('seconds', 0.0) if seconds is None else seconds:.1f} s"
    )
    if figures:
        text += (
            f"; idle gaps mean {figures.get('idle_gaps_mean')} max {figures.get('idle_gaps_max')}"
            f", {figures.get('participants_with_requests_but_no_meeting')} participants with "
            "requests but no meeting"
        )
        if "moved" in figures:
            text += f", {figures['moved']} previous meetings moved or dropped"
    return text


if __name__ == "__main__":
    code = main(started=process_started())
    sys.stdout.flush()
    sys.stderr.flush()
    # The schedule is written and synced: skip tearing down a large instance's objects,
    # which takes a second of the time limit on a big event.
    os._exit(code)
