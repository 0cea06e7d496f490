"""Two-factor sign-in pages: set it up (or off) in the account, and the code step after the
password (accounts/domain/two_factor.py decides)."""

from __future__ import annotations

from base64 import b32encode
from typing import cast
from urllib.parse import quote

import segno
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from jembatan.accounts.domain import two_factor
from jembatan.accounts.interfaces.forms import (
    RecoveryCodesForm,
    TwoFactorCodeForm,
    TwoFactorCodeOrRecoveryForm,
)
from jembatan.accounts.lockout import lockout_response
from jembatan.accounts.models import User


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    """Enrol (QR code, secret, a code to confirm), or turn it off with a current code."""
    user = cast(User, request.user)  # login_required
    if not two_factor.may_enrol(user):
        raise PermissionDenied
    device = two_factor.confirmed_device(user)
    form_class = TwoFactorCodeForm if device is None else TwoFactorCodeOrRecoveryForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        try:
            if device is None:
                two_factor.confirm_enrolment(request, code)
                messages.success(request, _("Two-factor sign-in is on."))
                return redirect("accounts:two_factor_recovery")
            two_factor.disable(request, code)
            messages.success(request, _("Two-factor sign-in is off."))
        except two_factor.TwoFactorError as error:
            form.add_error("code", str(error))
            if getattr(request, "axes_locked_out", False):
                logout(request)
                return lockout_response(request)
        else:
            return redirect("accounts:two_factor")
    context: dict[str, object] = {"form": form, "device": device}
    if device is not None:
        context["codes_left"] = left = two_factor.recovery_codes_left(user)
        context["codes_low"] = left < two_factor.RECOVERY_CODES_LOW
    else:
        new = two_factor.new_device(user, two_factor.pending_key(request.session))
        context["qr_code"] = segno.make(new.config_url, error="m").svg_data_uri(scale=4)
        context["secret"] = _spaced(b32encode(new.bin_key).decode())
        context["required"] = settings.JEMBATAN_REQUIRE_2FA
    return render(request, "accounts/two_factor.html", context)


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """The second sign-in step: a code from the device verifies this session."""
    user = cast(User, request.user)  # login_required
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    if not request.session.get(two_factor.SESSION_PENDING):
        return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    if two_factor.confirmed_device(user) is None:  # removed since the password step
        request.session.pop(two_factor.SESSION_PENDING, None)
        return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    if AxesProxyHandler.is_locked(request, {"username": user.get_username()}):
        logout(request)
        return lockout_response(request)
    form = TwoFactorCodeOrRecoveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = two_factor.check_code(request, user, form.cleaned_data["code"])
        except two_factor.TwoFactorError as error:
            if getattr(request, "axes_locked_out", False):
                logout(request)
                return lockout_response(request)
            form.add_error("code", str(error))
        else:
            two_factor.verified(request, device)
            return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    context = {"form": form, "next": next_url}
    return render(request, "accounts/two_factor_verify.html", context)


@never_cache
@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """The codes just made, shown once (with a text file to download); otherwise how many
    are left, and new ones for a current code or the password."""
    user = cast(User, request.user)  # login_required
    if not two_factor.may_enrol(user):
        raise PermissionDenied
    if two_factor.confirmed_device(user) is None:
        return redirect("accounts:two_factor")
    form = RecoveryCodesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            two_factor.regenerate_recovery_codes(request, form.cleaned_data["secret"])
        except two_factor.TwoFactorError as error:
            if getattr(request, "axes_locked_out", False):
                logout(request)
                return lockout_response(request)
            form.add_error("secret", str(error))
        else:
            messages.success(
                request, _("Here are your new recovery codes. The old ones no longer work.")
            )
            return redirect("accounts:two_factor_recovery")
    codes = two_factor.codes_to_show(request.session) if request.method == "GET" else []
    left = two_factor.recovery_codes_left(user)
    context: dict[str, object] = {
        "form": form,
        "codes": codes,
        "codes_left": left,
        "codes_low": left < two_factor.RECOVERY_CODES_LOW,
    }
    if codes:
        context["download"] = "data:text/plain;charset=utf-8," + quote(_codes_file(user, codes))
    return render(request, "accounts/two_factor_recovery.html", context)


def _codes_file(user: User, codes: list[str]) -> str:
    lines = [
        _("Jembatan recovery codes for %(username)s") % {"username": user.get_username()},
        _("Made on %(date)s") % {"date": timezone.localtime().strftime("%Y-%m-%d %H:%M")},
        "",
        *codes,
        "",
        _("Each code signs in once, in place of a code from the authenticator app."),
        _("Keep this file somewhere safe, away from your phone."),
    ]
    return "\r\n".join(lines) + "\r\n"


def _spaced(secret: str) -> str:
    """The base32 secret in groups of four, easier to type into an app."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
