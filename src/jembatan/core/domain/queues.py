"""Officer queues: the lists of work that waits for a programme officer.

Each app registers its queues once, in its AppConfig.ready(); the home page and the officer
navigation show every registered queue that the signed-in user may open, with its count:

    register_queue(OfficerQueue(key="registry.claims", label=_("Company claims to confirm"),
                                url_name="registry:claims", count=count_claims,
                                permission="registry.verify_company"))

Core knows nothing about the apps: it only keeps the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class OfficerQueue:
    """One queue: `count()` says how many items wait; `url_name` is the page that lists them.

    `permission` is the permission needed to open the page (empty: any programme officer);
    `order` places it in the navigation and on the home page (smallest first).
    """

    key: str
    label: str | Promise
    url_name: str
    count: Callable[[], int]
    permission: str = ""
    order: int = 100

    def visible_to(self, user: Any) -> bool:
        if not getattr(user, "is_authenticated", False):
            return False
        if self.permission:
            return bool(user.has_perm(self.permission))
        return bool(getattr(user, "is_officer", False))


_QUEUES: dict[str, OfficerQueue] = {}


def register_queue(queue: OfficerQueue) -> OfficerQueue:
    """Add `queue`, or replace the one with the same key (ready() may run more than once)."""
    _QUEUES[queue.key] = queue
    return queue


def unregister_queue(key: str) -> None:
    """Remove a queue (tests that register their own)."""
    _QUEUES.pop(key, None)


def registered_queues() -> list[OfficerQueue]:
    """Every registered queue, in display order."""
    return sorted(_QUEUES.values(), key=lambda queue: (queue.order, queue.key))


@dataclass(frozen=True)
class QueueCount:
    """A queue as the page shows it: the queue and how many items wait in it now."""

    queue: OfficerQueue
    count: int

    @property
    def key(self) -> str:
        return self.queue.key

    @property
    def label(self) -> str | Promise:
        return self.queue.label

    @property
    def url_name(self) -> str:
        return self.queue.url_name


def queues_for(user: Any) -> list[QueueCount]:
    """The queues `user` may open, each with its count (one count query per queue)."""
    return [
        QueueCount(queue, queue.count()) for queue in registered_queues() if queue.visible_to(user)
    ]
