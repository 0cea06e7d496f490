"""{% star "profile" id %}: the star button of a profile or company, for the signed-in user.

The user's starred ids are read once per request (one query for a whole list of cards)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from jembatan.matching.domain.favourites import starred_company_ids, starred_profile_ids
from jembatan.matching.interfaces.star import star_button

register = template.Library()


def _starred(request: Any, kind: str) -> set[int]:
    cache: dict[str, set[int]] = getattr(request, "_jembatan_starred", None) or {}
    if kind not in cache:
        read = starred_profile_ids if kind == "profile" else starred_company_ids
        cache[kind] = read(request.user)
        request._jembatan_starred = cache
    return cache[kind]


@register.simple_tag(takes_context=True)
def star(context: template.Context, kind: str, pk: int | None) -> SafeString | str:
    request = context.get("request")
    if request is None or pk is None or not request.user.is_authenticated:
        return ""
    return star_button(
        kind,
        pk,
        starred=pk in _starred(request, kind),
        next_url=request.get_full_path(),
        csrf_token=context.get("csrf_token"),
    )
