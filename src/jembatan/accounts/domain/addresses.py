"""The address a request came from, trusting X-Forwarded-For only behind known proxies."""

from __future__ import annotations

from typing import Any

from django.conf import settings


def client_address(request: Any) -> str:
    """Return the client's IP address for lockouts and throttles.

    With `JEMBATAN_PROXY_COUNT = 0` (the default) X-Forwarded-For is ignored: anyone can send
    it, so trusting it would let a guesser pose as a new address on every try. Behind N
    proxies that each append the address they saw, the client is the N-th entry from the
    right; the entries left of it were written by the client and are not trusted. This is
    the rule Django REST framework's NUM_PROXIES follows, so both see the same address.
    """
    meta = request.META
    remote = str(meta.get("REMOTE_ADDR", ""))
    proxies: int = settings.JEMBATAN_PROXY_COUNT
    forwarded = str(meta.get("HTTP_X_FORWARDED_FOR", ""))
    if proxies <= 0 or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return remote
    return hops[-min(proxies, len(hops))]
