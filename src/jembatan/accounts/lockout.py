"""Sign-in lockout (django-axes): the backend every sign-in passes, and the lockout answer.

One mechanism for the web sign-in, the admin's and the API token endpoint: all three call
`django.contrib.auth.authenticate(request, ...)`, and this backend, first in
AUTHENTICATION_BACKENDS, refuses the attempt while the account or the address is locked.
Failures are counted by django-axes' `user_login_failed` handler (database by default, or a
shared cache), logged on the `axes` logger and kept in the admin's access-failure log.
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


class LockoutBackend(AxesStandaloneBackend):
    """AxesStandaloneBackend, except that a call without a request is let through.

    Only Python code calls `authenticate()` without a request (a management command, the test
    client's `login()`); every HTTP entry point passes one. Such calls cannot be attributed to
    an address, so they are neither counted nor locked; django-axes would raise instead.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        # The API token endpoint passes DRF's Request: check (and flag) the Django request
        # inside it, which is the one AxesMiddleware sees.
        request = getattr(request, "_request", request)
        return super().authenticate(request, username, password, **kwargs)  # type: ignore[no-any-return]


def flag_lockout_on_django_request(sender: Any, request: Any = None, **kwargs: Any) -> None:
    """On the failure that reaches the limit, django-axes flags the request it was given.

    For the API token endpoint that is DRF's Request, whose attributes AxesMiddleware cannot
    see; copy the flag onto the Django request so that this failure, like a web one, is
    answered with the lockout response. Connected after django-axes' own receiver.
    """
    inner = getattr(request, "_request", None)
    if inner is not None and vars(request).get("axes_locked_out"):
        inner.axes_locked_out = True


def cooloff_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_message() -> str:
    minutes = cooloff_minutes()
    return _(
        "Too many failed sign-ins for this account or from this address. Signing in is "
        "paused for %(minutes)d minutes; try again after that, or ask a programme officer "
        "to unlock the account."
    ) % {"minutes": minutes}


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """429 Too Many Requests: JSON for the API, the styled page for people, both translated."""
    retry_after = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": lockout_message()}, status=429)
    else:
        context = {"message": lockout_message(), "minutes": cooloff_minutes()}
        response = render(request, "registration/locked_out.html", context, status=429)
    response["Retry-After"] = retry_after
    return response
