"""What the site's navigation costs in queries, for the query-count tests of other pages.

An officer's navigation counts the officer queues that the officer may open: one query for
all queues that give `pending`, one more for each that gives only `count`. Apps register
queues as they land, so the tests add this number instead of writing it out.
"""

from __future__ import annotations

from typing import Any

from jembatan.core.domain.queues import registered_queues


def queue_count_queries(user: Any = None) -> int:
    """How many count queries the navigation runs for `user` (a programme officer when
    none is given)."""
    if user is None:
        from jembatan.accounts.models import Role, User

        user = User(username="officer-for-counting", role=Role.OFFICER)
    visible = [queue for queue in registered_queues() if queue.visible_to(user)]
    own = sum(1 for queue in visible if queue.pending is None)
    return own + (1 if any(queue.pending is not None for queue in visible) else 0)
