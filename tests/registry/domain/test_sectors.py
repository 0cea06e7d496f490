from __future__ import annotations

import os
from pathlib import Path

import pytest

from jembatan.registry.domain.sectors import get_sector, list_sectors, sector_for_isic
from jembatan.registry.domain.taxonomy import parse_taxonomy

DATA = Path(os.environ.get("JEMBATAN_REFERENCE_DATA", "/work/shared/data"))


def test_every_sector_isic_class_exists_in_isic_rev4() -> None:
    isic = parse_taxonomy("isic4", DATA / "isic4" / "isic_rev4_all_levels.csv")
    classes = {r.code for r in isic if r.level == "class"}
    sectors = list_sectors()
    assert [s.slug for s in sectors if not s.isic_classes] == []
    assert {s.slug: sorted(set(s.isic_classes) - classes) for s in sectors} == {
        s.slug: [] for s in sectors
    }


def test_sectors_have_unique_slugs_and_three_names() -> None:
    sectors = list_sectors()
    assert len({s.slug for s in sectors}) == len(sectors) == 16
    assert all(s.name_en and s.name_id and s.name_ja for s in sectors)


def test_priority_sectors_are_the_programme_ones() -> None:
    assert [s.slug for s in list_sectors() if s.priority] == [
        "automotive-parts",
        "electronic-parts",
        "metal-parts",
        "plastic-parts",
        "packaging",
        "textiles",
        "animation",
    ]
    assert {s.slug for s in list_sectors() if s.group == "components"} == {
        "automotive-parts",
        "electronic-parts",
        "metal-parts",
        "plastic-parts",
    }


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("2930", ["automotive-parts"]),
        ("2220", ["plastic-parts", "packaging"]),
        ("1313", ["textiles"]),
        ("5911", ["animation"]),
        ("2393", ["handicrafts", "ceramics-glass"]),
        ("0111", []),
    ],
)
def test_sector_for_isic(code: str, expected: list[str]) -> None:
    assert sector_for_isic(code) == expected


def test_get_sector_names() -> None:
    textiles = get_sector("textiles")
    assert textiles.name("id") == "Tekstil, pakaian jadi dan batik"
    assert textiles.name_ja == "繊維・衣料・バティック"
    with pytest.raises(KeyError):
        get_sector("nope")
