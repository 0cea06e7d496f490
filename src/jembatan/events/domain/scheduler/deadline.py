"""One wall-clock deadline for a whole run, shared out among its phases.

The time limit counts from the start of the command or task (reading and parsing the
instance included) to the schedule written. Every phase asks the deadline for its share
of what is left, so a phase that overruns shortens the ones after it instead of
pushing the end of the run; ``reserve`` is kept back for the last steps (tables,
interpreters, reasons, writing the file), which cannot be stopped.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

CHECK_EVERY = 256  # loop steps (requests indexed, placed or finished) between looks at the clock


class Deadline:
    def __init__(self, seconds: float, started: float | None = None) -> None:
        self.started = time.perf_counter() if started is None else started
        self.end = self.started + seconds
        self.reserve = 0.0  # seconds kept back at the end for finishing and writing
        self.last = 0.0  # of which: what cannot be stopped (tables, figures, writing)

    @property
    def limit(self) -> float:
        return self.end - self.started

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def remaining(self) -> float:
        """Seconds left for searching: before the end, less the reserve; never negative."""
        return max(0.0, self.end - self.reserve - time.perf_counter())

    def expired(self) -> bool:
        return self.remaining() <= 0.0

    def share(self, fraction: float, at_most: float | None = None) -> float:
        """``fraction`` of the seconds left (capped at ``at_most``)."""
        seconds = self.remaining() * fraction
        return seconds if at_most is None else min(seconds, at_most)

    def until(self, fraction: float) -> float:
        """The ``perf_counter`` time by which a phase given ``fraction`` of what is left ends."""
        return time.perf_counter() + self.share(fraction)

    def keep(self, seconds: float) -> None:
        """Keep at least ``seconds`` back for the last steps (at most a third of the limit)."""
        self.reserve = max(self.reserve, min(seconds, self.limit / 3))

    def keep_last(self, seconds: float) -> None:
        """Keep at least ``seconds`` back for the steps that cannot be stopped (at most a
        quarter of the limit); the stoppable last steps (filling, reasons) end there."""
        self.last = max(self.last, min(seconds, self.limit / 4))
        self.reserve = max(self.reserve, self.last)


def workers_for_load(requested: int) -> int:
    """CP-SAT workers: no more than the cores left idle by the machine's load (at least 1).

    Threads beyond the free cores only slow each other down, and CP-SAT's time limit is
    wall-clock, so a loaded machine gets fewer, not slower, workers.
    """
    cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except OSError:  # pragma: no cover - not on every platform
        load = 0.0
    free = max(1, round(cores - load))
    return max(1, min(requested, free))


FRESH_PROCESS = 5.0  # seconds: a process younger than this is starting a command


def process_started() -> float:
    """The ``perf_counter`` time at which this process started, where it is fresh.

    A command's time limit then covers the interpreter's start-up and imports too (seconds
    on a loaded machine). In a long-lived process (a worker, a test run) or where
    ``/proc`` is missing, it is now.
    """
    now = time.perf_counter()
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        age = uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return now
    return now - age if 0.0 <= age <= FRESH_PROCESS else now


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off during an allocation-heavy phase (reading, indexing,
    the greedy start, finishing), on again after if it was on.

    Those phases allocate hundreds of thousands of objects and free none in cycles, yet
    each allocation burst sets off collections that walk every live object: on 40,000
    requests they cost more than half the phase's time (0.8 s of 1.4 s under load).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
