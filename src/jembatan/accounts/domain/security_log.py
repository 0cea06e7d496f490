"""The security log: what may point at an attack on an account, for officers to read.

One function records an entry from a request (the Django request, or DRF's around it), so
that every entry carries the same address (the lockout's, `client_address`), user agent and
path. Entries are kept `JEMBATAN_SECURITY_LOG_DAYS` days (`prune`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from axes.helpers import cleanse_parameters
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from jembatan.accounts.domain.addresses import client_address
from jembatan.accounts.models import SecurityEvent

Kind = SecurityEvent.Kind


def record(
    kind: str,
    request: Any = None,
    *,
    user: Any = None,
    username: str = "",
    address: str = "",
    detail: str = "",
) -> SecurityEvent:
    request = getattr(request, "_request", request)  # DRF's Request wraps Django's
    meta = request.META if request is not None else {}
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    return SecurityEvent.objects.create(
        kind=kind,
        user=user,
        username=(username or (user.get_username() if user is not None else ""))[:150],
        address=address or (client_address(request) if request is not None else ""),
        user_agent=str(meta.get("HTTP_USER_AGENT", ""))[:255],
        path=(request.path if request is not None else "")[:255],
        detail=detail[:255],
    )


def typed_username(typed: str) -> tuple[Any, str]:
    """The account a sign-in named, and the name to log: an account's name as it is, anything
    else masked as django-axes masks it (AXES_SENSITIVE_PARAMETERS), since it may be a
    password typed into the wrong field."""
    user = get_user_model().objects.filter(username=typed).first() if typed else None
    if user is not None:
        return user, typed
    return None, str(cleanse_parameters({"username": typed}).get("username", ""))


def record_sign_in_failure(kind: str, request: Any, typed: str) -> SecurityEvent:
    user, shown = typed_username(typed)
    return record(kind, request, user=user, username=shown)


def may_read(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm("accounts.view_security_log"))


def events(
    *,
    kind: str = "",
    username: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[SecurityEvent]:
    """The log, newest first, narrowed by kind, user (account name or name typed) and dates."""
    rows = SecurityEvent.objects.select_related("user")
    if kind:
        rows = rows.filter(kind=kind)
    if username:
        rows = rows.filter(Q(username__iexact=username) | Q(user__username__iexact=username))
    if since is not None:
        rows = rows.filter(created__date__gte=since)
    if until is not None:
        rows = rows.filter(created__date__lte=until)
    return rows.order_by("-created", "-pk")


def prune(now: dt.datetime | None = None) -> int:
    """Delete the entries older than JEMBATAN_SECURITY_LOG_DAYS; return how many."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.JEMBATAN_SECURITY_LOG_DAYS)
    deleted, _ = SecurityEvent.objects.filter(created__lt=cutoff).delete()
    return deleted


def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **_: Any
) -> None:
    """Django's `user_login_failed`, from every sign-in that came over HTTP (web, admin, API
    token endpoint); a call from Python code without a request is nobody guessing."""
    if request is not None:
        record_sign_in_failure(Kind.LOGIN_FAILED, request, str(credentials.get("username", "")))


def on_locked_out(sender: Any, request: Any = None, username: Any = None, **_: Any) -> None:
    """django-axes' `user_locked_out`: the failure that reached the limit locked the account
    or the address (docs/security.md)."""
    if request is not None:
        record_sign_in_failure(Kind.LOCKED_OUT, request, str(username or ""))
