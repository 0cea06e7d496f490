"""The star button of a profile or company (add to / remove from the user's favourites).

Written in Python, not a template: a list page draws one per card (25 on a directory page),
and a template rendered per card cost about a tenth of the page (docs/benchmarks.md, "Page
rendering"). The list cards ({% star %}, web/templatetags/favourites.py) and the button the
star view sends back to htmx (matching/views/personal.py) both draw it here.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

URL_NAMES = {"profile": "matching:favourite_profile", "company": "matching:favourite_company"}


def csrf_input(token: Any) -> SafeString:
    """What {% csrf_token %} writes for `token` (nothing without one)."""
    if not token or token == "NOTPROVIDED":  # noqa: S105 - Django's mark for no token
        return SafeString("")
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


def star_button(kind: str, pk: int, *, starred: bool, next_url: str, csrf_token: Any) -> SafeString:
    """The button for the `kind` ("profile", else a company) numbered `pk`; the form sends the
    user back to `next_url` without JavaScript."""
    url = reverse(URL_NAMES.get(kind, URL_NAMES["company"]), args=[pk])
    if starred:
        title, mark, label = _("Remove from favourites"), "★", _("In favourites")
    else:
        title, mark, label = _("Add to favourites"), "☆", _("Add to favourites")
    return format_html(
        '<form method="post" action="{url}" class="star" hx-post="{url}" hx-target="this"'
        ' hx-swap="outerHTML">{csrf}\n'
        '  <input type="hidden" name="next" value="{next_url}">\n'
        '  <input type="hidden" name="starred" value="{value}">\n'
        '  <button type="submit" class="star__button" aria-pressed="{pressed}" title="{title}">'
        '<span aria-hidden="true">{mark}</span> <span class="star__label">{label}</span>'
        "</button>\n"
        "</form>\n",
        url=url,
        csrf=csrf_input(csrf_token),
        next_url=next_url,
        value="0" if starred else "1",
        pressed="true" if starred else "false",
        title=title,
        mark=mark,
        label=label,
    )
