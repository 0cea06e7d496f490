"""Listing crosswalk links for the officers' review page."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from jembatan.registry.models import CrosswalkLink

SEARCHED_TITLES = ("title_en", "title_id", "title_ja")


@dataclass(frozen=True)
class CrosswalkSearch:
    """What an officer asked the review page for; empty values mean "any"."""

    scheme: str = ""
    status: str = ""
    score_below: float | None = None
    text: str = ""


def review_queryset() -> QuerySet[CrosswalkLink]:
    """Links with both codes and the deciding officer, fetched in one query."""
    return CrosswalkLink.objects.select_related("source", "isic", "confirmed_by")


def filter_links(params: CrosswalkSearch) -> QuerySet[CrosswalkLink]:
    """The KBLI and JSIC links matching `params`, by source code then score (best first).

    The text matches the start of either code, or any title of either code.
    """
    links = review_queryset().exclude(source__scheme="isic4")
    if params.scheme:
        links = links.filter(source__scheme=params.scheme)
    if params.status:
        links = links.filter(status=params.status)
    if params.score_below is not None:
        links = links.filter(score__lt=params.score_below)
    text = params.text.strip()
    if text:
        condition = Q(source__code__startswith=text) | Q(isic__code__startswith=text)
        for field in SEARCHED_TITLES:
            condition |= Q(**{f"source__{field}__icontains": text})
            condition |= Q(**{f"isic__{field}__icontains": text})
        links = links.filter(condition)
    return links.order_by("source__scheme", "source__code", "-score", "id")
