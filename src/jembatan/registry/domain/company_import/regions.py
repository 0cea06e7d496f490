"""Resolving the region cell of an import row to a stored `Region`.

The names are understood by the shared resolver (registry/domain/regions.py): the ISO
3166-2 code ("ID-JB", "JP-28") or a name in English, Indonesian or Japanese, with or
without suffixes such as 県, "Province" or "Provinsi", and common abbreviations.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jembatan.registry.domain.regions import resolve_region
from jembatan.registry.models import Region


@dataclass(frozen=True)
class RegionMatch:
    code: str
    country: str


class RegionIndex:
    """The stored regions' codes, loaded once per import; names resolve through the shared
    resolver, memoised because a file repeats the same few regions on every row."""

    def __init__(self, codes: set[str]) -> None:
        self.codes = codes
        self.lookup = cache(self._lookup)

    @classmethod
    def load(cls) -> RegionIndex:
        return cls(set(Region.objects.values_list("code", flat=True)))

    def __len__(self) -> int:
        return len(self.codes)

    def _lookup(self, value: str) -> RegionMatch | None:
        for country in ("ID", "JP"):
            region = resolve_region(value, country)
            if region is not None and region.code in self.codes:
                return RegionMatch(region.code, region.country)
        return None


def _resolve_region(value: str, index: RegionIndex) -> RegionMatch | None:
    """The region `value` names, or None. The caller checks the country."""
    return index.lookup(value.strip())
