"""Upsert the reference rows that ship with the code."""

from __future__ import annotations

from jembatan.registry.models import Certification

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


def sync_all(using: str = "default") -> None:
    sync_certifications(using)
