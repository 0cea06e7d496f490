"""What the site's navigation costs in queries, for the query-count tests of other pages.

An officer's navigation counts each officer queue that the officer may open (one query each);
apps register queues as they land, so the tests add this number instead of writing it out.
"""

from __future__ import annotations

from typing import Any

from jembatan.core.domain.queues import registered_queues


def queue_count_queries(user: Any = None) -> int:
    """How many count queries the navigation runs for `user` (a programme officer when
    none is given): one per visible queue."""
    if user is None:
        from jembatan.accounts.models import Role, User

        user = User(username="officer-for-counting", role=Role.OFFICER)
    return sum(1 for queue in registered_queues() if queue.visible_to(user))
