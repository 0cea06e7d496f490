from __future__ import annotations

from jembatan.opportunities.models.attachment import ProfileAttachment
from jembatan.opportunities.models.profile import (
    COOPERATION_TYPES_BY_KIND,
    ClosedReason,
    CooperationType,
    Direction,
    Kind,
    Language,
    PartnershipProfile,
    PartnerSize,
    Status,
)

__all__ = [
    "COOPERATION_TYPES_BY_KIND",
    "ClosedReason",
    "CooperationType",
    "Direction",
    "Kind",
    "Language",
    "PartnerSize",
    "PartnershipProfile",
    "ProfileAttachment",
    "Status",
]
