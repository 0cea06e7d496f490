"""Reference rows the registry pages need in tests: regions, sectors, classifications.

(The sync that fills Region and ProgrammeSector after migrate lands separately.)
"""

from __future__ import annotations

from jembatan.registry.models import Certification, Classification, ProgrammeSector, Region


def make_regions() -> dict[str, Region]:
    rows = [
        ("ID-JB", "ID", "West Java", "Jawa Barat", "西ジャワ州"),
        ("ID-JT", "ID", "Central Java", "Jawa Tengah", "中部ジャワ州"),
        ("JP-28", "JP", "Hyogo", "Hyogo", "兵庫県"),
        ("JP-23", "JP", "Aichi", "Aichi", "愛知県"),
    ]
    return {
        code: Region.objects.create(code=code, country=country, name_en=en, name_id=id_, name_ja=ja)
        for code, country, en, id_, ja in rows
    }


def make_sectors() -> dict[str, ProgrammeSector]:
    rows = [
        ("packaging", "Kemasan", "包装", "Packaging"),
        ("components", "Komponen", "部品", "Components"),
    ]
    return {
        slug: ProgrammeSector.objects.create(
            slug=slug, name_id=id_, name_ja=ja, name_en=en, position=i
        )
        for i, (slug, id_, ja, en) in enumerate(rows)
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
