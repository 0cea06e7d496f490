from __future__ import annotations

from jembatan.accounts.models.organisation import Organisation
from jembatan.accounts.models.user import Role, User

__all__ = ["Organisation", "Role", "User"]
