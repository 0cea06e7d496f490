"""Reference rows the registry pages need in tests: regions, sectors, classifications.

Regions and programme sectors are synced after migrate; classifications are made here.
"""

from __future__ import annotations

from jembatan.registry.models import Certification, Classification, ProgrammeSector, Region


def make_regions() -> dict[str, Region]:
    """The synced regions the tests use (filled after migrate from registry/domain/data)."""
    return Region.objects.in_bulk(["ID-JB", "ID-JT", "JP-28", "JP-23"])


def make_sectors() -> dict[str, ProgrammeSector]:
    """Two synced sectors under short keys; "components" stands for the metal-parts sector."""
    return {
        "packaging": ProgrammeSector.objects.get(slug="packaging"),
        "components": ProgrammeSector.objects.get(slug="metal-parts"),
    }


def make_certification() -> Certification:
    certification, _ = Certification.objects.get_or_create(
        code="iso9001", defaults={"name": "ISO 9001"}
    )
    return certification


def make_kbli(code: str = "17021") -> Classification:
    return Classification.objects.create(
        scheme="kbli2020",
        code=code,
        level="subclass",
        title_id="Industri kemasan dan kotak dari kertas dan karton",
        title_ja="紙・板紙製の包装・箱製造業",
        title_en="Manufacture of paper and paperboard packaging and boxes",
    )
