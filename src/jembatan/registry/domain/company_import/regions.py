"""Resolving the region cell of an import row to a `Region` code.

SEAM: `_resolve_region` is this package's own small resolver, kept until the shared
`registry/domain/regions.py` lands; swap its body for a call to the shared resolver then.
It accepts the ISO 3166-2 code ("ID-JB", "JP-28") or a name in English, Indonesian or
Japanese, case-insensitively and without suffixes such as 県/府/都, "Province",
"Prefecture" or the prefix "Provinsi".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from jembatan.registry.models import Region

_SUFFIXES = re.compile(r"(?:\s*(?:province|prefecture|provinsi|-ken|-fu|-to)|県|府|都)$")
_PREFIXES = re.compile(r"^(?:provinsi|propinsi|prov\.?|province of)\s+")


def _name_key(text: str) -> str:
    """Case-folded, without accents (Tōkyō = Tokyo), spaces squeezed."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def _stripped(key: str) -> str:
    return _PREFIXES.sub("", _SUFFIXES.sub("", key)).strip()


@dataclass(frozen=True)
class RegionMatch:
    code: str
    country: str


class RegionIndex:
    """Every region's code and names, loaded once per import."""

    def __init__(self, regions: list[tuple[str, str, str, str, str]]) -> None:
        self.by_code: dict[str, RegionMatch] = {}
        self.by_name: dict[str, RegionMatch | None] = {}
        for code, country, *names in regions:
            match = RegionMatch(code, country)
            self.by_code[code.upper()] = match
            for name in names:
                if not name:
                    continue
                key = _name_key(name)
                for variant in {key, _stripped(key)}:
                    known = self.by_name.get(variant, match)
                    # A name two regions share resolves to neither.
                    self.by_name[variant] = match if known == match else None

    @classmethod
    def load(cls) -> RegionIndex:
        rows = Region.objects.values_list("code", "country", "name_en", "name_id", "name_ja")
        return cls(list(rows))

    def __len__(self) -> int:
        return len(self.by_code)


def _resolve_region(value: str, index: RegionIndex) -> RegionMatch | None:
    """The region `value` names, or None. The caller checks the country."""
    code = unicodedata.normalize("NFKC", value).strip().upper()
    if code in index.by_code:
        return index.by_code[code]
    key = _name_key(value)
    return index.by_name.get(key) or index.by_name.get(_stripped(key))
