"""The programme's sectors and the ISIC Rev.4 classes each one covers.

The sectors and their names live in ``data/sectors.json``. ``priority`` marks
the programme's priority sectors for Japanese partners (components,
packaging, textiles including garments and batik, animation); the four kinds
of components share ``group = "components"``. A class may belong to several
sectors (plastic containers are both plastic parts and packaging).
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sector:
    """A programme sector, its names in en, id and ja, and its ISIC classes."""

    slug: str
    name_en: str
    name_id: str
    name_ja: str
    isic_classes: tuple[str, ...]
    priority: bool
    group: str | None

    def name(self, language: str) -> str:
        """Return the name in ``en``, ``id`` or ``ja``."""
        return {"en": self.name_en, "id": self.name_id, "ja": self.name_ja}[language]


@functools.cache
def _sectors() -> tuple[Sector, ...]:
    text = importlib.resources.files(__package__).joinpath("data/sectors.json")
    rows = json.loads(text.read_text(encoding="utf-8"))
    return tuple(
        Sector(
            slug=row["slug"],
            name_en=row["name_en"],
            name_id=row["name_id"],
            name_ja=row["name_ja"],
            isic_classes=tuple(row["isic_classes"]),
            priority=bool(row["priority"]),
            group=row["group"],
        )
        for row in rows
    )


def list_sectors() -> list[Sector]:
    """Return all sectors in the data file's order (priority sectors first)."""
    return list(_sectors())


def get_sector(slug: str) -> Sector:
    """Return the sector with ``slug``; ``KeyError`` if there is none."""
    for sector in _sectors():
        if sector.slug == slug:
            return sector
    raise KeyError(slug)


@functools.cache
def _by_isic() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for sector in _sectors():
        for code in sector.isic_classes:
            index.setdefault(code, []).append(sector.slug)
    return {code: tuple(slugs) for code, slugs in index.items()}


def sector_for_isic(code: str) -> list[str]:
    """Return the slugs of the sectors covering ISIC class ``code`` (may be empty)."""
    return list(_by_isic().get(code.strip(), ()))
