"""Helpers for the registry API tests: a client signed in as a user, and reference rows."""

from __future__ import annotations

from typing import Any

from rest_framework.test import APIClient

from jembatan.registry.models import (
    Certification,
    Classification,
    Company,
    ProgrammeSector,
    Region,
)


def api_client(user: Any = None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def region(code: str = "ID-JB") -> Region:
    names = {
        "ID-JB": ("West Java", "Jawa Barat", "西ジャワ州"),
        "ID-JT": ("Central Java", "Jawa Tengah", "中部ジャワ州"),
        "JP-27": ("Osaka", "Osaka", "大阪府"),
    }[code]
    return Region.objects.get_or_create(
        code=code,
        defaults={
            "country": code[:2],
            "name_en": names[0],
            "name_id": names[1],
            "name_ja": names[2],
        },
    )[0]


def sector(slug: str = "textiles") -> ProgrammeSector:
    return ProgrammeSector.objects.get_or_create(
        slug=slug,
        defaults={
            "name_en": slug.title(),
            "name_id": f"{slug} (id)",
            "name_ja": f"{slug} (ja)",
            "isic_classes": ["1311", "1312"],
            "priority": True,
        },
    )[0]


def kbli(code: str = "13121", parent: Classification | None = None) -> Classification:
    return Classification.objects.get_or_create(
        scheme="kbli2020",
        code=code,
        defaults={
            "level": "subclass",
            "parent": parent,
            "title_en": f"Weaving {code}",
            "title_id": f"Pertenunan {code}",
            "title_ja": f"織物 {code}",
        },
    )[0]


def attach_reference_data(company: Company) -> Company:
    """Give `company` a region, a classification, a certification and a sector."""
    company.region = region("ID-JB" if company.country == "ID" else "JP-27")
    company.save()
    company.classifications.add(kbli())
    company.certifications.add(Certification.objects.get(code="iso9001"))
    company.sectors.add(sector())
    return company
