"""The site's own pages: home, and the language switch."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from jembatan.registry.domain.queries.companies import country_counts
from jembatan.registry.models import Country


def home(request: HttpRequest) -> HttpResponse:
    counts = country_counts()
    context = {
        "country_counts": [(Country(code).label, code, total) for code, total in counts.items()],
        "company_total": sum(counts.values()),
    }
    return render(request, "web/home.html", context)


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
