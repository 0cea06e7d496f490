from __future__ import annotations

from jembatan.events.models.event import Event, Session, Slot, Table
from jembatan.events.models.feedback import FollowUp, MeetingRating
from jembatan.events.models.participant import AgendaLanguage, Interpreter, Participant
from jembatan.events.models.pipeline_link import EventIntroduction, IntroductionOffer
from jembatan.events.models.reminder import MeetingReminder
from jembatan.events.models.request import (
    Meeting,
    MeetingRequest,
    Priority,
    RequestStatus,
    Stage,
)
from jembatan.events.models.run import RunKind, RunStatus, ScheduleRun

__all__ = [
    "AgendaLanguage",
    "Event",
    "EventIntroduction",
    "FollowUp",
    "Interpreter",
    "IntroductionOffer",
    "Meeting",
    "MeetingRating",
    "MeetingReminder",
    "MeetingRequest",
    "Participant",
    "Priority",
    "RequestStatus",
    "RunKind",
    "RunStatus",
    "ScheduleRun",
    "Session",
    "Slot",
    "Stage",
    "Table",
]
