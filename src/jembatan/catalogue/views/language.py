"""The showcase is Japanese by default.

The rest of the site follows LocaleMiddleware (the language cookie, then the browser's
Accept-Language, then settings.LANGUAGE_CODE, Indonesian) and, for a signed-in user, their
saved language (accounts.middleware.UserLanguageMiddleware). The showcase's readers are
buyers in Japan, and the page an officer or an IKM opens for a buyer at a fair should read
Japanese on any phone; so on these pages only an explicit choice counts (the language
switcher's cookie, or a signed-in user's saved language) and otherwise the language is
settings.JEMBATAN_SHOWCASE_LANGUAGE ("ja"). The decorator marks the view; nothing else in
the project changes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

View = Callable[..., HttpResponse]


def chosen_language(request: HttpRequest) -> str | None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and getattr(user, "language", ""):
        return str(user.language)
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if cookie in dict(settings.LANGUAGES):
        return cookie
    return None


def showcase_language(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = chosen_language(request) or str(settings.JEMBATAN_SHOWCASE_LANGUAGE)
        # Left active (not overridden) so that LocaleMiddleware's response phase writes
        # Content-Language for the language the page is really in.
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ("Cookie",))
        return response

    return wrapped
