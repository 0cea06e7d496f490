"""The star button written in Python (matching/interfaces/star.py) is the HTML the template
matching/_star.html wrote, kept here as the reference."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from jembatan.matching.interfaces.star import star_button

TEMPLATE = '{% load i18n %}{% if kind == "profile" %}{% url \'matching:favourite_profile\' pk as star_url %}{% else %}{% url \'matching:favourite_company\' pk as star_url %}{% endif %}<form method="post" action="{{ star_url }}" class="star" hx-post="{{ star_url }}" hx-target="this" hx-swap="outerHTML">{% csrf_token %}\n  <input type="hidden" name="next" value="{{ next|default:request.get_full_path }}">\n  <input type="hidden" name="starred" value="{% if starred %}0{% else %}1{% endif %}">\n  <button type="submit" class="star__button" aria-pressed="{% if starred %}true{% else %}false{% endif %}" title="{% if starred %}{% translate \'Remove from favourites\' %}{% else %}{% translate \'Add to favourites\' %}{% endif %}"><span aria-hidden="true">{% if starred %}★{% else %}☆{% endif %}</span> <span class="star__label">{% if starred %}{% translate "In favourites" %}{% else %}{% translate "Add to favourites" %}{% endif %}</span></button>\n</form>\n'


@pytest.mark.parametrize("language", ["id", "ja", "en"])
@pytest.mark.parametrize("kind", ["profile", "company"])
@pytest.mark.parametrize("starred", [True, False])
@pytest.mark.parametrize("token", ["tok3n", "NOTPROVIDED", None])
@pytest.mark.parametrize("path", ["/companies/?page=2&country=JP", '/profiles/?q="a"<b>'])
def test_the_button_is_the_templates_html(
    language: str, kind: str, starred: bool, token: str | None, path: str
) -> None:
    request = RequestFactory().get(path)
    with translation.override(language):
        data = {"kind": kind, "pk": 42, "starred": starred, "request": request}
        if token is not None:
            data["csrf_token"] = token
        expected = Template(TEMPLATE).render(Context(data))
        button = star_button(
            kind, 42, starred=starred, next_url=request.get_full_path(), csrf_token=token
        )
    assert button == expected
