"""The provinces and prefectures the demo needs, for every demo builder (companies, schools)."""

from __future__ import annotations

from jembatan.demo.domain.places import REGION_NAMES
from jembatan.registry.models import Region


def ensure_regions(codes: set[str]) -> tuple[dict[str, Region], int]:
    """The Region rows for `codes`, creating those the reference sync has not made yet."""
    existing = {region.code: region for region in Region.objects.filter(code__in=codes)}
    missing = [
        Region(code=code, country=code[:2], name_en=en, name_id=id_, name_ja=ja)
        for code in sorted(codes - set(existing))
        for en, id_, ja in [REGION_NAMES[code]]
    ]
    Region.objects.bulk_create(missing)
    existing.update({region.code: region for region in missing})
    return existing, len(missing)
