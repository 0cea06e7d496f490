"""Two-factor sign-in (TOTP, django-otp) for programme officers and administrators.

The password step signs the user in as before; a session of a user with a confirmed device
is then marked pending (`SESSION_PENDING`) until a code from the device verifies it
(django_otp.login), and TwoFactorMiddleware keeps such a session on the code page. With
JEMBATAN_REQUIRE_2FA an officer without a device is marked `SESSION_ENROL` and kept on the
enrolment page. The marks live in the session, so pages pay no query for them. Wrong codes
count as failed sign-ins for django-axes (`record_wrong_code`) and TOTPDevice's own throttle
makes each one double the wait before the next is checked.

Recovery codes (django-otp's static plugin) stand in for the app when the phone is lost: ten
random single-use codes, made when two-factor sign-in is set up (`generate_recovery_codes`),
accepted wherever a code is (`check_code`: six digits are a TOTP code, anything else a
recovery code), made anew with a current code or the password (`regenerate_recovery_codes`).
StaticToken keeps its tokens in plain text, so what is stored is a keyed digest of each code
(`recovery_digest`: HMAC-SHA256 with SECRET_KEY, 16 hex characters): a copy of the database
or a backup does not give the codes. The codes are shown once: kept in the session from the
request that made them to the page that shows them, which removes them (`codes_to_show`).
"""

from __future__ import annotations

import re
import secrets
import time
from typing import Any

import django_otp
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from jembatan.accounts.domain import security_log
from jembatan.core.domain.audit import log_action

SESSION_PENDING = "jembatan_2fa_pending"
SESSION_ENROL = "jembatan_2fa_enrol"
SESSION_NEW_KEY = "jembatan_2fa_new_key"
SESSION_NEW_CODES = "jembatan_2fa_new_codes"
# When an unverified officer's session last looked for a device set up since (`recheck_session`).
SESSION_CHECKED = "jembatan_2fa_checked"
RECHECK_SECONDS = 60
DEVICE_NAME = "Jembatan"
RECOVERY_DEVICE_NAME = "Jembatan recovery codes"
RECOVERY_CODE_COUNT = 10
RECOVERY_CODES_LOW = 3  # the two-factor page warns below this many
# No 0/o, 1/i/l: codes are read off paper. 10 characters of 31: about 49 bits each.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_LENGTH = 10
TOTP_CODE = re.compile(r"^\d{6}$")


class TwoFactorError(ValueError):
    """A code was needed and missing, or wrong; the message says which, in the user's language."""


def may_enrol(user: Any) -> bool:
    """Officers and administrators; other roles do not see the page."""
    return bool(user.is_authenticated and user.is_officer)


def confirmed_device(user: Any) -> TOTPDevice | None:
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def mark_session_after_password(request: Any, user: Any) -> None:
    """On every sign-in (user_logged_in): a user with a device must still give a code."""
    if not may_enrol(user):
        return
    request.session[SESSION_CHECKED] = int(time.time())
    if confirmed_device(user) is not None:
        request.session[SESSION_PENDING] = True
    elif settings.JEMBATAN_REQUIRE_2FA:
        request.session[SESSION_ENROL] = True


def recheck_session(request: Any) -> None:
    """A session signed in before its user set up a device (in another browser) carries no
    mark. Once a minute at most (one query), an officer's session that no code verified
    looks again: with a device there now it owes a code like a new sign-in."""
    user = request.user
    session = request.session
    if session.get(SESSION_PENDING) or not may_enrol(user):
        return
    if getattr(user, "is_verified", lambda: False)():
        return
    now = int(time.time())
    last = session.get(SESSION_CHECKED)
    if isinstance(last, int) and 0 <= now - last < RECHECK_SECONDS:
        return
    session[SESSION_CHECKED] = now
    if confirmed_device(user) is not None:
        session[SESSION_PENDING] = True
        session.pop(SESSION_ENROL, None)


def new_device(user: Any, key: str) -> TOTPDevice:
    """An unsaved device for the enrolment page: its QR code and secret come from `key`."""
    return TOTPDevice(user=user, key=key, name=DEVICE_NAME, confirmed=False)


def pending_key(session: Any) -> str:
    """The secret shown on the enrolment page, kept in the session until it is confirmed."""
    key = session.get(SESSION_NEW_KEY)
    if not key:
        key = session[SESSION_NEW_KEY] = default_key()
    return str(key)


def _matches(device: TOTPDevice, code: str) -> int | None:
    """The time step the code belongs to, or None; for a device not saved yet."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    try:
        if totp.verify(int(code), device.tolerance):
            return int(totp.t())
    except ValueError:
        pass
    return None


def confirm_enrolment(request: Any, code: str) -> TOTPDevice:
    """The code matches the key shown: save the device confirmed and verify this session."""
    user = request.user
    device = new_device(user, pending_key(request.session))
    step = _matches(device, code)
    if step is None:
        raise TwoFactorError(_("This code does not match. Enter the code the app shows now."))
    TOTPDevice.objects.filter(user=user).delete()
    device.confirmed = True
    device.last_t = step  # the same code cannot be used again to sign in
    device.save()
    request.session.pop(SESSION_NEW_KEY, None)
    verified(request, device)
    log_action("jembatan.account.two_factor_enabled", user, user)
    keep_to_show(request.session, generate_recovery_codes(user))
    return device


def verified(request: Any, device: Device) -> None:
    django_otp.login(request, device)
    request.session.pop(SESSION_PENDING, None)
    request.session.pop(SESSION_ENROL, None)


def check_code(request: Any, user: Any, code: str) -> Device:
    """The user's confirmed device accepts `code` (throttled by the device), or, when it is
    not six digits, one of the user's recovery codes does (used up); else a failure is
    recorded for django-axes and TwoFactorError raised."""
    device = confirmed_device(user)
    if device is None:
        raise TwoFactorError(_("Two-factor sign-in is not turned on for this account."))
    code = (code or "").strip()
    if code and not TOTP_CODE.match(code):
        return verify_recovery_code(request, user, code)
    allowed, _details = device.verify_is_allowed()
    if code and allowed and device.verify_token(code):
        return device
    record_wrong_code(request, user)
    if not allowed:
        raise TwoFactorError(_("Too many wrong codes. Wait a minute, then enter the new code."))
    raise TwoFactorError(_("This code is wrong or too old. Enter the code the app shows now."))


def normalise_recovery_code(code: str) -> str:
    """As stored: lower case, without the spaces and hyphen people type or copy."""
    return re.sub(r"[\s\-]", "", code).lower()


def recovery_digest(code: str, secret: str | bytes | None = None) -> str:
    """What is stored of a recovery code: a keyed digest (16 hex characters, the size of
    StaticToken.token), so the stored value gives nothing away without SECRET_KEY."""
    value = normalise_recovery_code(code)
    mac = salted_hmac("jembatan.two_factor.recovery_code", value, secret=secret, algorithm="sha256")
    return mac.hexdigest()[:16]


def _new_code() -> str:
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return f"{chars[:5]}-{chars[5:]}"


@transaction.atomic
def generate_recovery_codes(user: Any) -> list[str]:
    """Ten new recovery codes for `user`, replacing any earlier ones; returns them in plain
    text (the only time they exist as such): store only their digests."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [_new_code() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=recovery_digest(code)) for code in codes
    )
    return codes


def recovery_codes_left(user: Any) -> int:
    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())


def verify_recovery_code(request: Any, user: Any, code: str) -> StaticDevice:
    """One of the user's recovery codes: used up (django-otp deletes it), logged in the
    security log with how many remain. A wrong one counts as a failed sign-in, as a wrong
    TOTP code does, and StaticDevice's throttle doubles the wait before the next is checked."""
    device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        record_wrong_code(request, user)
        raise TwoFactorError(_("This account has no recovery codes. Enter the code the app shows."))
    # Codes made before a change of SECRET_KEY still match under SECRET_KEY_FALLBACKS.
    digests = [recovery_digest(code)]
    digests += [recovery_digest(code, key) for key in settings.SECRET_KEY_FALLBACKS]
    stored = device.token_set.filter(token__in=digests).values_list("token", flat=True).first()
    allowed, _details = device.verify_is_allowed()
    if allowed and device.verify_token(stored or digests[0]):
        left = recovery_codes_left(user)
        security_log.record(
            security_log.Kind.RECOVERY_CODE_USED,
            request,
            user=user,
            detail=f"recovery code used, {left} left",
        )
        return device
    record_wrong_code(request, user)
    if not allowed:
        raise TwoFactorError(_("Too many wrong codes. Wait a minute, then enter the new code."))
    raise TwoFactorError(_("This recovery code is wrong or was used already."))


def regenerate_recovery_codes(request: Any, secret: str) -> list[str]:
    """New recovery codes, the old ones no longer accepted; `secret` is a current code from
    the app (six digits) or the user's password. A wrong one counts as a failed sign-in."""
    user = request.user
    secret = secret or ""
    if TOTP_CODE.match(secret.strip()):
        check_code(request, user, secret.strip())
    elif not secret or not user.check_password(secret):
        record_wrong_code(request, user)
        raise TwoFactorError(_("This is neither a current code from the app nor your password."))
    codes = generate_recovery_codes(user)
    log_action("jembatan.account.recovery_codes_regenerated", user, user)
    keep_to_show(request.session, codes)
    return codes


def keep_to_show(session: Any, codes: list[str]) -> None:
    session[SESSION_NEW_CODES] = codes


def codes_to_show(session: Any) -> list[str]:
    """The codes just made, once: taken out of the session as they are read."""
    return list(session.pop(SESSION_NEW_CODES, None) or [])


def record_wrong_code(request: Any, user: Any) -> None:
    """A wrong code counts as a failed sign-in (django-axes locks after the limit)."""
    credentials = {"username": user.get_username()}
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)


def check_token_request(request: Any, user: Any, code: str) -> None:
    """The API token endpoint: a user with a confirmed device also sends `otp`."""
    if confirmed_device(user) is None:
        return
    if not code:
        raise TwoFactorError(
            _("This account uses two-factor sign-in: send the code from the app as otp.")
        )
    check_code(request, user, code)


def disable(request: Any, code: str) -> None:
    """Turn two-factor sign-in off (to set it up again), with a current code."""
    user = request.user
    check_code(request, user, code)
    remove_devices(user, actor=user)
    request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
    if settings.JEMBATAN_REQUIRE_2FA:
        request.session[SESSION_ENROL] = True


def remove_devices(user: Any, actor: Any) -> int:
    """Remove the user's devices and recovery codes (a lost phone: the admin's action);
    returns how many app devices were removed."""
    StaticDevice.objects.filter(user=user).delete()
    count, _deleted = TOTPDevice.objects.filter(user=user).delete()
    if count:
        log_action("jembatan.account.two_factor_removed", user, actor)
    return int(count)
