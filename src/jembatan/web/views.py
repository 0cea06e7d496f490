"""The site's own pages: home, and the language switch."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from jembatan.core.domain.home_panels import panels_for, role_of
from jembatan.matching.domain.home_visits import record_home_visit


def home(request: HttpRequest) -> HttpResponse:
    """The personal home: the panels registered for the user's role (core.domain.home_panels)."""
    now = timezone.now()
    user = request.user
    context = {"panels": panels_for(user, now), "role": role_of(user), "now": now}
    response = render(request, "web/home.html", context)
    if user.is_authenticated:
        # After rendering: "new since the last visit" compares with the previous visit.
        record_home_visit(user, now)
    return response


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; a signed-in user keeps it on every device.

    The cookie serves anonymous visitors; UserLanguageMiddleware reads `user.language`, so
    the choice of a signed-in user must be saved there too.
    """
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("home")
    response = HttpResponseRedirect(next_url)
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return response
    translation.activate(language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    user = request.user
    if user.is_authenticated and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return response
