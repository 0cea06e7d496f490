"""Who may work the queue of requested translations: programme officers and interpreters.
Who may add or ask for one version is decided by domain/versions.py (origin_for,
may_request), which each object's registration informs."""

from __future__ import annotations

from typing import Any

import rules

from jembatan.accounts.rules import is_officer


@rules.predicate
def is_programme_interpreter(user: Any) -> bool:
    from jembatan.translations.domain.versions import is_interpreter

    return is_interpreter(user)


rules.add_perm("translations.work_requests", is_officer | is_programme_interpreter)
