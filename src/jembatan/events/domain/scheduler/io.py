"""Reading instances and writing schedules; a schedule file is written whole or not at all."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from jembatan.events.domain.scheduler.errors import InstanceError
from jembatan.events.domain.scheduler.instance import Instance
from jembatan.events.domain.scheduler.parsing import parse_instance
from jembatan.events.domain.scheduler.schedule import Extras, Schedule, parse_extras


def read_json(path: str | os.PathLike[str]) -> object:
    """Decoded JSON; an unreadable or malformed file is an :class:`InstanceError`."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as error:
        raise InstanceError([f"{path}: cannot be read ({error.strerror})"]) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InstanceError([f"{path}: not valid JSON ({error})"]) from error


def read_problem(path: str | os.PathLike[str]) -> tuple[Instance, Extras]:
    """The instance in the file, and its optional re-scheduling extras."""
    data = read_json(path)
    instance = parse_instance(data)
    assert isinstance(data, dict)  # parse_instance accepted it
    return instance, parse_extras(data)


def write_schedule(schedule: Schedule, path: str | os.PathLike[str]) -> None:
    """Write atomically: a temporary file beside the target, then ``os.replace``."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(schedule.to_json(), out, ensure_ascii=False, indent=1)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
