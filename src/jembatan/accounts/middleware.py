"""Activate the signed-in user's saved language and time zone, so they follow them across
devices."""

from __future__ import annotations

import time
import zoneinfo
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jembatan.accounts.domain import two_factor
from jembatan.accounts.models.user import Role

# Session key holding the time (seconds since the epoch) of the user's last request.
LAST_ACTIVITY_KEY = "jembatan_last_activity"


def idle_limit_seconds(user: object) -> int:
    """Officers and superusers see more of the programme, so their sessions end sooner."""
    if getattr(user, "is_superuser", False) or getattr(user, "role", None) == Role.OFFICER:
        return settings.JEMBATAN_OFFICER_SESSION_IDLE_MINUTES * 60
    return settings.JEMBATAN_SESSION_IDLE_MINUTES * 60


def note_activity(request: object) -> None:
    """Record now as the session's last activity."""
    session = getattr(request, "session", None)
    if session is not None:
        session[LAST_ACTIVITY_KEY] = int(time.time())


class IdleSessionMiddleware:
    """Signs the user out when their last request is older than their idle limit, and notes
    the time of every other request in the session."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            if isinstance(last, int) and now - last > idle_limit_seconds(user):
                logout(request)
                messages.info(request, _("You were signed out after a period of inactivity."))
            elif not isinstance(last, int) or now - last >= 60:
                # Once a minute at most, so that not every request writes the session.
                note_activity(request)
        return self.get_response(request)


class UserLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class UserTimeZoneMiddleware:
    """Times are shown in the user's zone when they chose one (their profile page), in the
    programme's default zone (settings.TIME_ZONE) otherwise."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        zone = getattr(user, "time_zone", "") if user is not None and user.is_authenticated else ""
        try:
            if zone:
                timezone.activate(zoneinfo.ZoneInfo(zone))
            return self.get_response(request)
        finally:
            if zone:
                timezone.deactivate()


# Pages a session waiting for its second step may still open.
TWO_FACTOR_OPEN = {"logout", "set_language", "accounts:two_factor_verify"}
TWO_FACTOR_ENROL_OPEN = {*TWO_FACTOR_OPEN, "accounts:two_factor"}


class TwoFactorMiddleware:
    """Keep a session that still owes its code on the code page, and (JEMBATAN_REQUIRE_2FA)
    an officer without a device on the enrolment page (accounts/domain/two_factor.py).

    It reads marks in the session, so pages cost no extra query, except once a minute for an
    officer's session no code verified (`two_factor.recheck_session`). After OTPMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        session = getattr(request, "session", None)
        if session is None or not request.user.is_authenticated:
            return None
        name = request.resolver_match.view_name if request.resolver_match else ""
        two_factor.recheck_session(request)
        if session.get(two_factor.SESSION_PENDING):
            if name in TWO_FACTOR_OPEN:
                return None
            return self._send_to(request, "accounts:two_factor_verify")
        if session.get(two_factor.SESSION_ENROL) and name not in TWO_FACTOR_ENROL_OPEN:
            return self._send_to(request, "accounts:two_factor")
        return None

    @staticmethod
    def _send_to(request: HttpRequest, name: str) -> HttpResponse:
        if request.path.startswith("/api/"):
            message = _("Finish two-factor sign-in on the web page first.")
            return JsonResponse({"detail": message}, status=403)
        target = reverse(name)
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
