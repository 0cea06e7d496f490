from __future__ import annotations

from jembatan.accounts.models.claim import CompanyClaim
from jembatan.accounts.models.invitation import Invitation
from jembatan.accounts.models.organisation import Organisation
from jembatan.accounts.models.security import ApiToken, ApiTokenAddress, SecurityEvent
from jembatan.accounts.models.user import Role, User

__all__ = [
    "ApiToken",
    "ApiTokenAddress",
    "CompanyClaim",
    "Invitation",
    "Organisation",
    "Role",
    "SecurityEvent",
    "User",
]
