"""Reads from a PostgreSQL read replica for the pages and API lists anyone may browse.

Off unless DATABASE_REPLICA_URL adds a "replica" database alias (settings.py); the replica is
kept by PostgreSQL streaming replication, never by Jembatan. Two parts, both always
installed and idle without a replica:

- `ReplicaRouter` (DATABASE_ROUTERS) sends a read to "replica" only while a request marked
  by the middleware runs and has written nothing; every write goes to "default", and the
  first write pins the rest of the request to it.
- `ReplicaReadsMiddleware` marks GET and HEAD requests of the views in `REPLICA_VIEWS` (the
  directory, company pages, the showcase and the API's read-only lists), for the view only:
  the session and the signed-in user are read from the primary before it. A request that
  writes (a POST, or a GET whose view saved something) sets a short cookie that pins the
  browser's next requests to the primary for DATABASE_REPLICA_PIN_SECONDS, longer than the
  replication lag tolerated, so that nobody misses their own change on the page after it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
PIN_COOKIE = "jembatan_primary_until"
SAFE_METHODS = frozenset({"GET", "HEAD"})
# Pages and API lists that show what a reader a few seconds behind may see. Not the officer's
# validation queue, forms, exports or anything a signed-in user acts on right after reading.
REPLICA_VIEWS = frozenset(
    {
        "registry:company_list",
        "registry:company_detail",
        "catalogue:showcase",
        "catalogue:showcase_companies",
        "catalogue:showcase_company",
        "catalogue:showcase_product",
        "catalogue:showcase_product_short",
        "company-list",
        "company-detail",
        "showcase-company-list",
        "showcase-product-list",
    }
)


@dataclass
class _Reads:
    wrote: bool = False


_reads: ContextVar[_Reads | None] = ContextVar("jembatan_replica_reads", default=None)


def replica_configured() -> bool:
    return REPLICA in connections.settings


class ReplicaRouter:
    """Reads to the replica inside a marked request until it writes; writes to the primary."""

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        state = _reads.get()
        if state is None or state.wrote:
            return None
        return REPLICA

    def db_for_write(self, model: Any, **hints: Any) -> str | None:
        state = _reads.get()
        if state is not None:
            state.wrote = True
        return None

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # One database, two servers: a row read from the replica may be linked to one saved.
        databases = {obj1._state.db or "default", obj2._state.db or "default"}
        return True if databases <= {"default", REPLICA} else None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        # The replica follows the primary's WAL: migrations run on the primary only.
        return False if db == REPLICA else None


class ReplicaReadsMiddleware:
    """Marks the view of a safe request of `REPLICA_VIEWS` for replica reads (see above).

    It calls the marked view itself (and renders a template response), so it stands after
    every middleware with a process_view; no installed middleware has process_exception or
    process_template_response hooks, which a view called here would skip. Views are not
    wrapped in ATOMIC_REQUESTS transactions (not set in this project)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.jembatan_reads = None  # type: ignore[attr-defined]
        response = self.get_response(request)
        state = request.jembatan_reads  # type: ignore[attr-defined]
        wrote = request.method not in SAFE_METHODS or (state is not None and state.wrote)
        if wrote and replica_configured():
            seconds = settings.DATABASE_REPLICA_PIN_SECONDS
            response.set_cookie(
                PIN_COOKIE,
                str(int(time.time()) + seconds),
                max_age=seconds,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponse], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not self._eligible(request):
            return None
        state = _Reads()
        request.jembatan_reads = state  # type: ignore[attr-defined]
        token = _reads.set(state)
        try:
            response = view(request, *args, **kwargs)
            # A template response renders after the view returns: render it while marked.
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            return response
        finally:
            _reads.reset(token)

    @staticmethod
    def _eligible(request: HttpRequest) -> bool:
        if request.method not in SAFE_METHODS or not replica_configured():
            return False
        match = request.resolver_match
        if match is None or match.view_name not in REPLICA_VIEWS:
            return False
        try:
            pinned_until = int(request.COOKIES.get(PIN_COOKIE, "0"))
        except ValueError:
            pinned_until = 0
        if pinned_until > time.time():
            return False
        # Resolve the session and the user on the primary, before reads move.
        user = getattr(request, "user", None)
        return user is None or bool(user.is_anonymous or user.pk)
