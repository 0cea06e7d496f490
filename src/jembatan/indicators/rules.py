"""Who sees the programme's figures.

Officers and viewers (ministry leadership, analysts) read the dashboard and download its
reports; company and institution members do not (the dashboard breaks figures down to cells
small enough to point at a partner's firm). The public page shows aggregates only, with small
cells suppressed, to everyone, signed in or not.
"""

from __future__ import annotations

from typing import Any

import rules

from jembatan.accounts.models import Role
from jembatan.accounts.rules import is_officer


@rules.predicate
def is_viewer(user: Any) -> bool:
    return bool(user.is_authenticated and user.role == Role.VIEWER)


@rules.predicate
def anyone(user: Any) -> bool:
    return True


rules.add_perm("indicators.view_dashboard", is_officer | is_viewer)
rules.add_perm("indicators.download_report", is_officer | is_viewer)
rules.add_perm("indicators.view_public", anyone)
