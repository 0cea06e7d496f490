"""Upsert the reference rows that ship with the code: certifications, regions, sectors."""

from __future__ import annotations

from jembatan.registry.domain.regions import list_regions
from jembatan.registry.domain.sectors import list_sectors
from jembatan.registry.models import Certification, ProgrammeSector, Region

CERTIFICATIONS: list[tuple[str, str]] = [
    ("iso9001", "ISO 9001"),
    ("iso14001", "ISO 14001"),
    ("iatf16949", "IATF 16949"),
    ("iso22000", "ISO 22000 / FSSC 22000"),
    ("iso45001", "ISO 45001"),
    ("sni", "SNI"),
    ("jis", "JIS"),
    ("halal", "Halal"),
    ("haccp", "HACCP"),
    ("other", "Other"),
]


def sync_certifications(using: str = "default") -> None:
    for position, (code, name) in enumerate(CERTIFICATIONS):
        Certification.objects.using(using).update_or_create(
            code=code, defaults={"name": name, "position": position}
        )


def sync_regions(using: str = "default") -> None:
    for country in ("ID", "JP"):
        for region in list_regions(country):
            Region.objects.using(using).update_or_create(
                code=region.code,
                defaults={
                    "country": region.country,
                    "name_en": region.name_en,
                    "name_id": region.name_id,
                    "name_ja": region.name_ja,
                },
            )


def sync_sectors(using: str = "default") -> None:
    for position, sector in enumerate(list_sectors()):
        ProgrammeSector.objects.using(using).update_or_create(
            slug=sector.slug,
            defaults={
                "name_en": sector.name_en,
                "name_id": sector.name_id,
                "name_ja": sector.name_ja,
                "isic_classes": list(sector.isic_classes),
                "priority": sector.priority,
                "group": sector.group or "",
                "position": position,
            },
        )


def sync_all(using: str = "default") -> None:
    sync_certifications(using)
    sync_regions(using)
    sync_sectors(using)
