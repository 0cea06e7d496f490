from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from jembatan.registry.domain.taxonomy import (
    ExcludedExample,
    TaxonomyFileError,
    clean_japanese,
    parse_taxonomy,
)

DATA = Path(os.environ.get("JEMBATAN_REFERENCE_DATA", "/work/shared/data"))
KBLI = DATA / "kbli2020" / "kbli2020_all_levels.csv"
JSIC = DATA / "jsic14" / "jsic_rev14_all_levels.csv"
ISIC = DATA / "isic4" / "isic_rev4_all_levels.csv"

ISIC_HEADER = "level,code,section,parent,title_en\n"
ISIC_GOOD = (
    ISIC_HEADER
    + "section,C,C,,Manufacturing\n"
    + "division,13,C,C,Manufacture of textiles\n"
    + 'group,131,C,13,"Spinning, weaving and finishing of textiles"\n'
    + "class,1311,C,131,Preparation and spinning of textile fibres\n"
)


def test_parse_kbli_counts() -> None:
    records = parse_taxonomy("kbli2020", KBLI)
    assert len(records) == 2686
    assert Counter(r.level for r in records) == {
        "division": 87,
        "group": 244,
        "class": 565,
        "subclass": 1790,
    }
    assert len({r.section for r in records}) == 21


def test_parse_kbli_record_shape() -> None:
    by_code = {r.code: r for r in parse_taxonomy("kbli2020", KBLI)}
    record = by_code["13111"]
    assert record.scheme_level == "kelompok"
    assert record.parent_code == "1311"
    assert record.section == "C"
    assert record.title_en is None
    assert record.title("id") == record.title_id
    assert by_code["01"].parent_code == "A"
    # 49421's class 4942 is missing from the source; accepted via its group.
    assert by_code["49421"].parent_code == "4942"
    assert "4942" not in by_code


def test_parse_jsic_counts_and_cleaning() -> None:
    records = parse_taxonomy("jsic14", JSIC)
    assert len(records) == 2128
    assert Counter(r.scheme_level for r in records) == {
        "major": 20,
        "middle": 99,
        "minor": 536,
        "detail": 1473,
    }
    by_code = {r.code: r for r in records}
    assert by_code["1114"].title_ja == "綿紡績業"
    assert by_code["1114"].title_en == "Spinning, cotton"
    assert by_code["1114"].level == "class"
    assert by_code["G"].title_en == "INFORMATION AND COMMUNICATIONS"
    assert by_code["0100"].title_en == ("Head offices primarily engaged in managerial operations")
    assert "パル プ材育林業" not in by_code["0211"].examples
    assert "パルプ材育林業" in by_code["0211"].examples
    assert ExcludedExample("舶用内燃機関製造業", ("3134",)) in (by_code["2513"].excluded_examples)
    joined = "".join(r.title_ja or "" for r in records)
    assert " " not in joined


def test_parse_isic_counts() -> None:
    records = parse_taxonomy("isic4", ISIC)
    assert Counter(r.level for r in records) == {
        "section": 21,
        "division": 88,
        "group": 238,
        "class": 419,
    }
    assert len(records) == 766


def test_clean_japanese_keeps_latin_spaces() -> None:
    assert clean_japanese("かぶ と虫") == "かぶと虫"
    assert clean_japanese("18 リットル缶更生 業") == "18リットル缶更生業"
    # Full-width letters and brackets as in the source file.
    source = "ＪＫＡ（Japan Keirin Autorace） 補助"
    assert clean_japanese(source) == source.replace(" 補", "補")


def write(tmp_path: Path, text: str, name: str = "file.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_small_file_with_bom_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + ISIC_GOOD.encode())
    records = parse_taxonomy("isic4", path)
    assert [(r.code, r.parent_code, r.line) for r in records] == [
        ("C", None, 2),
        ("13", "C", 3),
        ("131", "13", 4),
        ("1311", "131", 5),
    ]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("code,section,parent,title_en\n", 1, "header is"),
        ("", 1, "the file is empty"),
        (ISIC_HEADER, 2, "the file has no rows"),
        (ISIC_GOOD + "class,,C,131,Something\n", 6, "the code is missing"),
        (
            ISIC_GOOD + "class,1311,C,131,Again\n",
            6,
            "duplicate code '1311' (first on line 5)",
        ),
        (ISIC_GOOD + "class,1399,C,139,Orphan\n", 6, "parent '139' is not in the file"),
        (ISIC_GOOD + "subclass,13111,C,1311,Too deep\n", 6, "unknown level 'subclass'"),
        (ISIC_GOOD + "class,131,C,13,Short\n", 6, "does not fit level"),
        (ISIC_GOOD + "class,1312,C,131\n", 6, "expected 5 fields, found 4"),
        (ISIC_GOOD + "class,1312,C,132,Wrong parent\n", 6, "does not match code"),
        (ISIC_GOOD + "class,1312,D,131,Wrong section\n", 6, "differs from parent"),
        (ISIC_GOOD + "class,1312,C,131,\n", 6, "the title is missing"),
    ],
)
def test_malformed_isic_file_rejected_naming_line(
    tmp_path: Path, text: str, line: int, reason: str
) -> None:
    with pytest.raises(TaxonomyFileError) as info:
        parse_taxonomy("isic4", write(tmp_path, text))
    assert info.value.line == line
    assert reason in info.value.reason
    assert f"line {line}:" in str(info.value)


def test_line_numbers_count_quoted_newlines(tmp_path: Path) -> None:
    text = (
        "code,level,section,division,title_id,description_id\n"
        '01,golongan_pokok,A,01,Pertanian,"baris satu\nbaris dua"\n'
        "011,golongan,A,01,Tanaman,\n"
        "0111,subgolongan,A,02,Serealia,\n"
    )
    with pytest.raises(TaxonomyFileError) as info:
        parse_taxonomy("kbli2020", write(tmp_path, text))
    assert info.value.line == 5
    assert "division '02' does not match code" in info.value.reason


def test_kbli_unknown_section_rejected(tmp_path: Path) -> None:
    text = (
        "code,level,section,division,title_id,description_id\n01,golongan_pokok,Z,01,Pertanian,\n"
    )
    with pytest.raises(TaxonomyFileError, match="line 2: section 'Z'"):
        parse_taxonomy("kbli2020", write(tmp_path, text))


def test_jsic_bad_excluded_json_rejected(tmp_path: Path) -> None:
    header = (
        "level,code,major,parent,name_ja,name_en,description_ja,"
        "included_examples_ja,excluded_examples_ja\n"
    )
    text = header + 'major,E,E,,製造業,MANUFACTURING,,,"[{""name"": 1}]"\n'
    with pytest.raises(TaxonomyFileError, match="line 2: excluded example"):
        parse_taxonomy("jsic14", write(tmp_path, text))
    text = header + "major,E,E,,製造業,MANUFACTURING,,,[oops\n"
    with pytest.raises(TaxonomyFileError, match="line 2: Expecting value"):
        parse_taxonomy("jsic14", write(tmp_path, text))


def test_invalid_utf8_rejected_naming_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(ISIC_GOOD.encode() + "class,1312,C,131,Caf\xe9\n".encode("latin-1"))
    with pytest.raises(TaxonomyFileError) as info:
        parse_taxonomy("isic4", path)
    assert (info.value.line, info.value.reason) == (6, "not valid UTF-8")
