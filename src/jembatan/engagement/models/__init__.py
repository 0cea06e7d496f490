from __future__ import annotations

from jembatan.engagement.models.agreement import (
    Agreement,
    AgreementDocument,
    AgreementParty,
    AgreementStatus,
    AgreementType,
    Currency,
)
from jembatan.engagement.models.exchange_rate import ExchangeRate
from jembatan.engagement.models.follow_up import FollowUpAnswer, FollowUpRequest
from jembatan.engagement.models.interest import (
    OPEN_STATUSES,
    DeclineReason,
    ExpressionOfInterest,
    InterestStatus,
)
from jembatan.engagement.models.introduction import (
    Introduction,
    IntroductionMessage,
    IntroductionStageChange,
    Stage,
)
from jembatan.engagement.models.outcome import OutcomeCheckIn, OutcomeObservation

__all__ = [
    "OPEN_STATUSES",
    "Agreement",
    "AgreementDocument",
    "AgreementParty",
    "AgreementStatus",
    "AgreementType",
    "Currency",
    "DeclineReason",
    "ExchangeRate",
    "ExpressionOfInterest",
    "FollowUpAnswer",
    "FollowUpRequest",
    "InterestStatus",
    "Introduction",
    "IntroductionMessage",
    "IntroductionStageChange",
    "OutcomeCheckIn",
    "OutcomeObservation",
    "Stage",
]
