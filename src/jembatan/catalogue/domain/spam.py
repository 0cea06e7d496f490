"""Spam protection for the public inquiry form, with no third-party service.

Four checks, cheapest first: a honeypot field that people never see (a script that fills
every field fills it), a minimum time between showing the form and sending it (a signed
timestamp in the form, so the sender cannot forge it), and rate limits per address and per
e-mail. Unregistered senders then wait for an officer (domain/inquiries.py), so whatever
passes these checks still reaches no company unread.

Counted in the default cache, as accounts.domain.throttle counts sign-ups: per process with
the local-memory cache, shared by every web process when the cache is shared.

Settings (with defaults): JEMBATAN_INQUIRIES_PER_ADDRESS (5 an hour),
JEMBATAN_INQUIRIES_PER_EMAIL (3 a day), JEMBATAN_INQUIRY_MIN_SECONDS (3),
JEMBATAN_INQUIRY_FORM_MAX_AGE (86400 seconds: an older form must be reloaded).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone

SALT = "jembatan.catalogue.inquiry-form"
ADDRESS_WINDOW = 3600
EMAIL_WINDOW = 86400


class SpamRefusal(StrEnum):
    HONEYPOT = "honeypot"
    TOO_FAST = "too_fast"
    FORM_INVALID = "form_invalid"  # no token, a forged one, or an expired one
    ADDRESS_LIMIT = "address_limit"
    EMAIL_LIMIT = "email_limit"


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def per_address() -> int:
    return _setting("JEMBATAN_INQUIRIES_PER_ADDRESS", 5)


def per_email() -> int:
    return _setting("JEMBATAN_INQUIRIES_PER_EMAIL", 3)


def min_seconds() -> int:
    return _setting("JEMBATAN_INQUIRY_MIN_SECONDS", 3)


def form_max_age() -> int:
    return _setting("JEMBATAN_INQUIRY_FORM_MAX_AGE", 86400)


def form_token(now: dt.datetime | None = None) -> str:
    """A signed timestamp to put in the form when it is shown."""
    moment = now or timezone.now()
    return signing.dumps({"t": moment.timestamp()}, salt=SALT)


def form_age(token: str, now: dt.datetime | None = None) -> float | None:
    """Seconds since the form with `token` was shown; None when the token is not ours or
    older than the allowed age."""
    moment = now or timezone.now()
    try:
        data = signing.loads(token, salt=SALT)
        shown = float(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    age = moment.timestamp() - shown
    if age < 0 or age > form_max_age():
        return None
    return age


def _key(scope: str, value: str) -> str:
    # Hashed: cache keys must be short and plain, and an e-mail need not sit in the cache.
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"jembatan:inquiries:{scope}:{digest}"


def _count(key: str, window: int) -> int:
    cache.add(key, 0, window)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def _peek(key: str) -> int:
    return int(cache.get(key, 0) or 0)


def check_form(token: str, honeypot: str, now: dt.datetime | None = None) -> SpamRefusal | None:
    """The checks on the form itself (no counting): honeypot, then token and minimum time."""
    if honeypot.strip():
        return SpamRefusal.HONEYPOT
    age = form_age(token, now)
    if age is None:
        return SpamRefusal.FORM_INVALID
    if age < min_seconds():
        return SpamRefusal.TOO_FAST
    return None


def check_limits(address: str, email: str) -> SpamRefusal | None:
    """Whether `address` and `email` may send one more inquiry; counts it when they may.

    A refused attempt is not counted against the e-mail, so that someone who typed too fast
    once is not locked out for a day."""
    if per_address() > 0 and address:
        key = _key("address", address)
        if _peek(key) >= per_address():
            return SpamRefusal.ADDRESS_LIMIT
    if per_email() > 0 and email:
        key = _key("email", email)
        if _peek(key) >= per_email():
            return SpamRefusal.EMAIL_LIMIT
    if per_address() > 0 and address:
        _count(_key("address", address), ADDRESS_WINDOW)
    if per_email() > 0 and email:
        _count(_key("email", email), EMAIL_WINDOW)
    return None


def check_submission(
    token: str,
    honeypot: str,
    address: str,
    email: str,
    now: dt.datetime | None = None,
) -> SpamRefusal | None:
    """Every check, in order; None when the inquiry may go on."""
    return check_form(token, honeypot, now) or check_limits(address, email)
