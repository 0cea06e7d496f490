"""Error pages (403, 404, 500, 503): styled, in the user's language, saying why and where to
go."""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults

from jembatan.accounts.models import Role


def _why_forbidden(user: object) -> str:
    """What the asker's role may not do here, in words a newcomer understands."""
    if not getattr(user, "is_authenticated", False):
        return _("This page is for signed-in users of the programme. Sign in to continue.")
    role = getattr(user, "role", "")
    if getattr(user, "is_superuser", False) or role == Role.OFFICER:
        return _(
            "This action is taken by a member of the company concerned, for their own "
            "company. Programme officers and administrators do not act for a company."
        )
    if role == Role.COMPANY_MEMBER:
        return _(
            "This page belongs to another company, or is for programme officers. "
            "Your own company's pages are under My company."
        )
    if role == Role.INSTITUTION_MEMBER:
        return _(
            "Your account belongs to a vocational institution. Recommendations, event "
            "participants and company pages are for the companies concerned and for "
            "programme officers."
        )
    return _(
        "Your account is a viewer account: it reads the directory, published partnership "
        "profiles and events, but does not act for a company, see recommendations or see "
        "event participants."
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # A domain function may say precisely what was refused; a bare PermissionDenied says nothing.
    reason = str(exception) if exception is not None and exception.args else ""
    context = {"reason": reason, "why": _why_forbidden(getattr(request, "user", None))}
    return render(request, "web/errors/403.html", context, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "web/errors/404.html", {}, status=404)


# Seconds a client is asked to wait before trying again when the database is unreachable.
RETRY_AFTER = 30


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this while handling the exception: a database that cannot be reached (it
    # restarted, the connection was cut) is a 503, "try again", not a fault of the site.
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable(request)
    # Rendered without the request's context (as Django does): the failure may be the database.
    return defaults.server_error(request, template_name="web/errors/500.html")


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """The 503 answer: the page (or, under /api/, ``{"detail": ...}``) in the language the
    request was answered in, nothing of the error itself; rendered without the request's
    context, whose processors would ask the database again."""
    message = _("The site cannot reach its database for a moment. Please try again in a minute.")
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=503)
    else:
        page = loader.get_template("web/errors/503.html").render({"message": message})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response
