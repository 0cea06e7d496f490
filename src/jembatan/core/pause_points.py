"""Named places in long tasks where a test can hold a worker, to kill it half-way.

``JEMBATAN_TEST_TASK_DELAY="embed-companies:60"`` (a point's name and seconds, several
separated by commas) makes :func:`pause` at that point log that it was reached and sleep;
unset, as in production, :func:`pause` returns at once. The environment is read at each
call, not through settings, so only the worker started with it pauses
(tests/security/test_worker_faults.py starts one with it, kills it, starts one without).
"""

from __future__ import annotations

import logging
import os
import time

ENV = "JEMBATAN_TEST_TASK_DELAY"
logger = logging.getLogger(__name__)


def delays(value: str) -> dict[str, float]:
    """``"a:1.5,b:2"`` -> ``{"a": 1.5, "b": 2.0}``; malformed parts are ignored."""
    found: dict[str, float] = {}
    for part in value.split(","):
        name, _, seconds = part.strip().partition(":")
        try:
            found[name] = float(seconds)
        except ValueError:
            continue
    return found


def pause(point: str) -> None:
    """Sleep here when the test environment names ``point``; a no-op otherwise."""
    value = os.environ.get(ENV)
    if not value:
        return
    seconds = delays(value).get(point)
    if seconds is None:
        return
    logger.warning(
        "pause point %s reached in process %s: waiting %.1f s", point, os.getpid(), seconds
    )
    time.sleep(seconds)
