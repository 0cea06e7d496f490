"""The meeting scheduler for business-matching events (see docs: design.md, file format).

A pure function from an :class:`Instance` to a :class:`Schedule`; no Django imports, so
the management command, a task and the benchmark all call the same :func:`solve`.
"""

from __future__ import annotations

from jembatan.events.domain.scheduler.check import check_schedule
from jembatan.events.domain.scheduler.deadline import Deadline
from jembatan.events.domain.scheduler.errors import InstanceError
from jembatan.events.domain.scheduler.greedy import greedy_schedule
from jembatan.events.domain.scheduler.instance import (
    Company,
    Instance,
    Interpreter,
    LockedMeeting,
    MeetingRequest,
    Participant,
)
from jembatan.events.domain.scheduler.io import read_problem, write_schedule
from jembatan.events.domain.scheduler.parsing import parse_instance
from jembatan.events.domain.scheduler.schedule import Meeting, Schedule, parse_meetings
from jembatan.events.domain.scheduler.solver import solve

__all__ = [
    "Company",
    "Deadline",
    "Instance",
    "InstanceError",
    "Interpreter",
    "LockedMeeting",
    "Meeting",
    "MeetingRequest",
    "Participant",
    "Schedule",
    "check_schedule",
    "greedy_schedule",
    "parse_instance",
    "parse_meetings",
    "read_problem",
    "solve",
    "write_schedule",
]
