"""Error pages (403, 404, 500): styled, in the user's language, saying why and where to go."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
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


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request's context (as Django does): the failure may be the database.
    return defaults.server_error(request, template_name="web/errors/500.html")
