"""Officer queues: the lists of work that waits for a programme officer.

Each app registers its queues once, in its AppConfig.ready(); the home page and the officer
navigation show every registered queue that the signed-in user may open, with its count:

    register_queue(OfficerQueue(key="registry.claims", label=_("Company claims to confirm"),
                                url_name="registry:claims", pending=claims_waiting,
                                permission="registry.verify_company"))

`pending()` returns the queryset of what waits: every page that shows the navigation counts
all such queues in ONE query (a scalar subquery per queue), each counted up to
``COUNT_UP_TO`` and shown as "10,000+" beyond: a registry of millions keeps hundreds of
thousands of firms waiting, which an exact count would read on every officer's page
(docs/benchmarks.md, issue 15). A queue whose count cannot be
a queryset gives `count()` instead, which costs a query of its own.

Core knows nothing about the apps: it only keeps the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.functional import Promise

COUNT_UP_TO = 10_000


@dataclass(frozen=True)
class OfficerQueue:
    """One queue: `pending()` (or `count()`) says what waits; `url_name` lists it.

    `permission` is the permission needed to open the page (empty: any programme officer);
    `order` places it in the navigation and on the home page (smallest first).
    """

    key: str
    label: str | Promise
    url_name: str
    count: Callable[[], int] | None = None
    pending: Callable[[], QuerySet[Any]] | None = None
    permission: str = ""
    order: int = 100
    nav_label: str | Promise = ""  # a shorter label for the navigation (default: label)

    def __post_init__(self) -> None:
        if (self.count is None) == (self.pending is None):
            raise ValueError(f"queue {self.key}: give exactly one of count and pending")
        if self.pending is not None:  # count() still answers alone, for a page of its own
            pending = self.pending
            object.__setattr__(self, "count", lambda: pending().count())

    def waiting(self) -> int:
        assert self.count is not None  # set by __post_init__ when only pending was given
        return self.count()

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
    def shown(self) -> str:
        """The count as the badge shows it: "10,000+" past ``COUNT_UP_TO``."""
        if self.count > COUNT_UP_TO:
            return number_format(COUNT_UP_TO, force_grouping=True) + "+"
        return str(self.count)

    @property
    def key(self) -> str:
        return self.queue.key

    @property
    def label(self) -> str | Promise:
        return self.queue.label

    @property
    def url_name(self) -> str:
        return self.queue.url_name

    @property
    def nav_label(self) -> str | Promise:
        return self.queue.nav_label or self.queue.label


def queues_for(user: Any) -> list[QueueCount]:
    """The queues `user` may open, each with its count: one query for every queue that has
    `pending`, plus one per queue that only has `count`."""
    visible = [queue for queue in registered_queues() if queue.visible_to(user)]
    counted = count_pending([queue for queue in visible if queue.pending is not None])
    return [
        QueueCount(queue, counted[queue.key] if queue.pending is not None else queue.waiting())
        for queue in visible
    ]


def count_pending(queues: list[OfficerQueue]) -> dict[str, int]:
    """queue key -> rows of its `pending()` queryset, in one SELECT of scalar subqueries.

    Every queryset must live on the default database (the navigation's do)."""
    parts: list[str] = []
    params: list[Any] = []
    keys: list[str] = []
    counts: dict[str, int] = {}
    for queue in queues:
        assert queue.pending is not None
        queryset = queue.pending().order_by().values("pk")  # the rows only, no joins
        try:
            sql, query_params = queryset.query.get_compiler(using=queryset.db).as_sql()
        except EmptyResultSet:  # a queryset that can hold nothing (.none(), empty __in)
            counts[queue.key] = 0
            continue
        # The SQL is Django's own compilation of the queryset, its values passed as parameters.
        # Counted up to COUNT_UP_TO + 1 rows: past that, the badge says "10,000+".
        parts.append(
            f"(SELECT COUNT(*) FROM ({sql} LIMIT %s) AS pending_{len(parts)})"  # noqa: S608
        )
        params.extend([*query_params, COUNT_UP_TO + 1])
        keys.append(queue.key)
    if parts:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            row = cursor.fetchone()
        counts.update(zip(keys, (int(value) for value in row), strict=True))
    return counts
