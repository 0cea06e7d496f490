"""The classification codes a poster can pick for a profile: its own country's scheme only."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from jembatan.registry.models import Classification

SEARCH_LIMIT = 15


def search_codes(scheme: str, text: str, limit: int = SEARCH_LIMIT) -> QuerySet[Classification]:
    """Codes of `scheme` starting with `text`, or whose title (in any language) contains it."""
    text = text.strip()
    codes = Classification.objects.filter(scheme=scheme)
    if not text:
        return codes.none()
    condition = Q(code__startswith=text)
    for field in ("title_id", "title_ja", "title_en"):
        condition |= Q(**{f"{field}__icontains": text})
    return codes.filter(condition).order_by("code")[:limit]
