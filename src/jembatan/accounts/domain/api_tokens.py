"""API tokens: one function per action, each deciding who may do it.

A token belongs to one user and only that user sees it, makes it or revokes it: an officer
has no more say over another person's keys than anyone else. The key is shown once, when it
is made; the database keeps only knox's digest of it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from knox.models import AuthToken

from jembatan.accounts.domain import security_log
from jembatan.accounts.domain.addresses import client_address
from jembatan.accounts.models import ApiToken, ApiTokenAddress

LIFETIME_DAYS = (30, 90, 365)
# A token's last use is written at most once a minute from the same address.
LAST_USE_PRECISION = dt.timedelta(seconds=60)


class TokenNotFoundError(Exception):
    """No token of the user's has that id (another person's is reported the same way)."""


def default_days() -> int:
    return int(settings.JEMBATAN_API_TOKEN_DAYS)


def _require_signed_in(actor: Any) -> None:
    if not (actor.is_authenticated and actor.is_active):
        raise PermissionDenied


def create_token(actor: Any, *, name: str, days: int, address: str) -> tuple[ApiToken, str]:
    """Make a token for `actor` valid `days` days; return it and its key (shown only now)."""
    _require_signed_in(actor)
    with transaction.atomic():
        auth_token, key = AuthToken.objects.create(user=actor, expiry=dt.timedelta(days=days))
        token = ApiToken.objects.create(auth_token=auth_token, name=name.strip())
        if address:
            ApiTokenAddress.objects.create(token=token, address=address)
        security_log.record(
            security_log.Kind.TOKEN_CREATED, user=actor, address=address, detail=token.name
        )
    return token, key


def list_tokens(actor: Any, owner: Any) -> QuerySet[ApiToken]:
    """`owner`'s tokens that have not expired, newest first; only the owner may list them."""
    _require_signed_in(actor)
    if actor.pk != owner.pk:
        raise PermissionDenied
    live = Q(auth_token__expiry__isnull=True) | Q(auth_token__expiry__gt=timezone.now())
    return (
        ApiToken.objects.filter(live, auth_token__user=owner)
        .select_related("auth_token")
        .order_by("-auth_token__created", "-pk")
    )


def revoke_token(actor: Any, token_id: int, *, address: str = "") -> None:
    """Delete one of `actor`'s tokens; any other id, whoever owns it, is TokenNotFoundError."""
    _require_signed_in(actor)
    token = ApiToken.objects.filter(pk=token_id, auth_token__user=actor).first()
    if token is None:
        raise TokenNotFoundError
    with transaction.atomic():
        security_log.record(
            security_log.Kind.TOKEN_REVOKED, user=actor, address=address, detail=token.name
        )
        token.auth_token.delete()  # cascades to the ApiToken and its addresses


def record_use(auth_token: AuthToken, request: Any, now: dt.datetime | None = None) -> bool:
    """Note a request made with `auth_token`; log a use from an address it was never used
    from (or made from). Return whether the address was new."""
    now = now or timezone.now()
    address = client_address(getattr(request, "_request", request))
    try:
        token = auth_token.details
    except ApiToken.DoesNotExist:  # a knox token made without this app's functions
        token, _ = ApiToken.objects.get_or_create(auth_token=auth_token)
    new_address = False
    if address != token.last_address:
        new_address = _note_address(token, address, now)
    elif token.last_used_at is not None and now - token.last_used_at < LAST_USE_PRECISION:
        return False
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now, last_address=address)
    if new_address:
        security_log.record(
            security_log.Kind.TOKEN_NEW_ADDRESS,
            request,
            user=auth_token.user,
            address=address,
            detail=token.name,
        )
    return new_address


def _note_address(token: ApiToken, address: str, now: dt.datetime) -> bool:
    """Remember `address` for `token`; True when it is new and the token had been seen from
    somewhere before (a token's very first address, if it was made elsewhere, is not news)."""
    known_before = token.addresses.exists()
    try:
        with transaction.atomic():
            ApiTokenAddress.objects.create(token=token, address=address, first_seen_at=now)
    except IntegrityError:
        return False  # seen before (or by a concurrent request a moment ago)
    return known_before


def prune_expired(now: dt.datetime | None = None) -> int:
    """Delete the tokens that have expired (their details and addresses go with them)."""
    deleted, _ = AuthToken.objects.filter(expiry__lte=now or timezone.now()).delete()
    return int(deleted)
