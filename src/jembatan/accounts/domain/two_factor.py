"""Two-factor sign-in (TOTP, django-otp) for programme officers and administrators.

The password step signs the user in as before; a session of a user with a confirmed device
is then marked pending (`SESSION_PENDING`) until a code from the device verifies it
(django_otp.login), and TwoFactorMiddleware keeps such a session on the code page. With
JEMBATAN_REQUIRE_2FA an officer without a device is marked `SESSION_ENROL` and kept on the
enrolment page. The marks live in the session, so pages pay no query for them. Wrong codes
count as failed sign-ins for django-axes (`record_wrong_code`) and TOTPDevice's own throttle
makes each one double the wait before the next is checked.
"""

from __future__ import annotations

from typing import Any

import django_otp
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from jembatan.core.domain.audit import log_action

SESSION_PENDING = "jembatan_2fa_pending"
SESSION_ENROL = "jembatan_2fa_enrol"
SESSION_NEW_KEY = "jembatan_2fa_new_key"
DEVICE_NAME = "Jembatan"


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
    if confirmed_device(user) is not None:
        request.session[SESSION_PENDING] = True
    elif settings.JEMBATAN_REQUIRE_2FA:
        request.session[SESSION_ENROL] = True


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
    return device


def verified(request: Any, device: TOTPDevice) -> None:
    django_otp.login(request, device)
    request.session.pop(SESSION_PENDING, None)
    request.session.pop(SESSION_ENROL, None)


def check_code(request: Any, user: Any, code: str) -> TOTPDevice:
    """The user's confirmed device accepts `code` (throttled by the device); else a failure is
    recorded for django-axes and TwoFactorError raised."""
    device = confirmed_device(user)
    if device is None:
        raise TwoFactorError(_("Two-factor sign-in is not turned on for this account."))
    allowed, _details = device.verify_is_allowed()
    if code and allowed and device.verify_token(code.strip()):
        return device
    record_wrong_code(request, user)
    if not allowed:
        raise TwoFactorError(_("Too many wrong codes. Wait a minute, then enter the new code."))
    raise TwoFactorError(_("This code is wrong or too old. Enter the code the app shows now."))


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
    """Remove the user's devices (a lost phone: the admin's action); returns how many."""
    count, _deleted = TOTPDevice.objects.filter(user=user).delete()
    if count:
        log_action("jembatan.account.two_factor_removed", user, actor)
    return int(count)
