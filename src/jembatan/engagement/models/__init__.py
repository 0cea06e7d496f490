from __future__ import annotations

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

__all__ = [
    "OPEN_STATUSES",
    "DeclineReason",
    "ExpressionOfInterest",
    "InterestStatus",
    "Introduction",
    "IntroductionMessage",
    "IntroductionStageChange",
    "Stage",
]
