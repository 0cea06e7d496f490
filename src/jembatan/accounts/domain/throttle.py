"""How many sign-ups one address may make in an hour (JEMBATAN_SIGNUPS_PER_HOUR).

Each sign-up puts a company or an institution in front of the officers; a script must not
fill their queues. Counted in the default cache: per process with the local-memory cache,
shared by every web process when the cache is shared (Redis, Memcached).
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def _key(address: str) -> str:
    return f"jembatan:signups:{address}"


def signup_allowed(address: str) -> bool:
    """Whether `address` may sign up once more now; counts the attempt when it may."""
    limit = int(settings.JEMBATAN_SIGNUPS_PER_HOUR)
    if limit <= 0:
        return True
    key = _key(address)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= limit
