from __future__ import annotations

import pycountry
import pytest

from jembatan.registry.domain.regions import (
    get_region,
    list_regions,
    normalise_key,
    resolve_region,
)


def test_list_regions_indonesia_has_38_provinces_including_new_papua() -> None:
    regions = list_regions("ID")
    assert len(regions) == 38
    codes = {region.code for region in regions}
    assert {"ID-PD", "ID-PE", "ID-PS", "ID-PT"} <= codes
    assert "ID-JW" not in codes  # geographical units are not provinces


def test_list_regions_japan_has_47_prefectures_in_code_order() -> None:
    regions = list_regions("JP")
    assert [region.code for region in regions] == [f"JP-{n:02d}" for n in range(1, 48)]
    assert {region.kind for region in regions} == {"prefecture"}


def test_list_regions_match_pycountry_codes() -> None:
    for country in ("ID", "JP"):
        official = {
            sub.code
            for sub in pycountry.subdivisions.get(country_code=country)
            if sub.type != "Geographical unit"
        }
        assert {region.code for region in list_regions(country)} == official


def test_japanese_names_have_prefecture_suffixes() -> None:
    names = {region.code: region.name_ja for region in list_regions("JP")}
    assert names["JP-01"] == "北海道"
    assert names["JP-13"] == "東京都"
    assert names["JP-26"] == "京都府"
    assert names["JP-27"] == "大阪府"
    assert names["JP-28"] == "兵庫県"
    assert sum(name.endswith("県") for name in names.values()) == 43


def test_province_names_in_three_languages() -> None:
    west_java = get_region("ID-JB")
    assert (west_java.name_en, west_java.name_id, west_java.name_ja) == (
        "West Java",
        "Jawa Barat",
        "西ジャワ州",
    )
    assert west_java.name("ja") == "西ジャワ州"
    assert get_region("ID-JK").name_id == "DKI Jakarta"
    assert get_region("ID-JK").name_ja == "ジャカルタ首都特別州"
    assert get_region("ID-YO").name_ja == "ジョグジャカルタ特別州"
    assert get_region("ID-JT").name_ja == "中部ジャワ州"
    assert get_region("ID-PE").name_id == "Papua Pegunungan"
    assert get_region("id-ba").kind == "province"
    assert get_region("ID-JK").kind == "capital_district"
    assert all(region.name_ja.endswith("州") for region in list_regions("ID"))


@pytest.mark.parametrize(
    "value",
    [
        "JP-28",
        "jp-28",
        "28",
        "Hyogo",
        "Hyōgo",
        "HYOGO",
        "Hyougo",
        "兵庫",
        "兵庫県",
        "Hyogo-ken",
        "Hyōgo-ken",
        "Hyogo Prefecture",
        "Prefektur Hyogo",
        " ｈｙｏｇｏ ",
    ],
)
def test_resolve_region_hyogo_spellings(value: str) -> None:
    region = resolve_region(value, "JP")
    assert region is not None
    assert region.code == "JP-28"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Tokyo", "JP-13"),
        ("Tōkyō-to", "JP-13"),
        ("東京", "JP-13"),
        ("Tokyo Metropolis", "JP-13"),
        ("Kyoto-fu", "JP-26"),
        ("京都", "JP-26"),
        ("Ōsaka", "JP-27"),
        ("Hokkaidō", "JP-01"),
        ("北海道", "JP-01"),
        ("1", "JP-01"),
        ("Kōchi", "JP-39"),
        ("Ooita", "JP-44"),
        ("沖縄", "JP-47"),
    ],
)
def test_resolve_region_other_prefectures(value: str, code: str) -> None:
    region = resolve_region(value, "JP")
    assert region is not None
    assert region.code == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("ID-JB", "ID-JB"),
        ("JB", "ID-JB"),
        ("Jawa Barat", "ID-JB"),
        ("jawa  barat", "ID-JB"),
        ("Provinsi Jawa Barat", "ID-JB"),
        ("West Java", "ID-JB"),
        ("West Java Province", "ID-JB"),
        ("西ジャワ州", "ID-JB"),
        ("西ジャワ", "ID-JB"),
        ("Jabar", "ID-JB"),
        ("DKI Jakarta", "ID-JK"),
        ("Jakarta", "ID-JK"),
        ("Jakarta Raya", "ID-JK"),
        ("ジャカルタ首都特別州", "ID-JK"),
        ("DI Yogyakarta", "ID-YO"),
        ("Daerah Istimewa Yogyakarta", "ID-YO"),
        ("DIY", "ID-YO"),
        ("ジョグジャカルタ", "ID-YO"),
        ("Jawa Timur", "ID-JI"),
        ("東ジャワ州", "ID-JI"),
        ("Bali", "ID-BA"),
        ("バリ州", "ID-BA"),
        ("Sumatera Utara", "ID-SU"),
        ("Sumatra Utara", "ID-SU"),
        ("North Sumatra", "ID-SU"),
        ("Kepulauan Riau", "ID-KR"),
        ("Riau", "ID-RI"),
        ("Papua Pegunungan", "ID-PE"),
        ("Papua Pengunungan", "ID-PE"),
        ("South Papua", "ID-PS"),
    ],
)
def test_resolve_region_indonesian_provinces(value: str, code: str) -> None:
    region = resolve_region(value, "ID")
    assert region is not None
    assert region.code == code


@pytest.mark.parametrize(
    ("value", "country"),
    [
        ("Hyogo", "ID"),
        ("Jawa Barat", "JP"),
        ("Atlantis", "ID"),
        ("", "JP"),
        ("28", "XX"),
    ],
)
def test_resolve_region_unknown_returns_none(value: str, country: str) -> None:
    assert resolve_region(value, country) is None


def test_normalise_key_keeps_kana_voicing() -> None:
    assert normalise_key("ジャワ") != normalise_key("シャワ")
    assert normalise_key("Hyōgo-Ken") == "hyogoken"
