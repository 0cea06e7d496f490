"""`jembatan taxonomy load hs PATH`: the HS 2022 list, loaded with the taxonomy rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jembatan.registry.domain.taxonomy import TaxonomyFileError
from jembatan.registry.domain.taxonomy_hs import load_hs, parse_hs
from jembatan.registry.models import Classification

SHARED_HS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "hs"
HEADER = "section,hscode,description,parent,level\n"
SMALL = (
    HEADER + "TOTAL,TOTAL,Total of all HS2022 commodities,TOTAL,5\n"
    "XI,52,Cotton,TOTAL,2\n"
    'XI,5208,"Woven fabrics of cotton, 85% or more",52,4\n'
    "XI,520852,Printed plain weave (batik),5208,6\n"
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "harmonized_system_en.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_load_hs_small_file_levels_and_parents(tmp_path: Path) -> None:
    report = load_hs(write(tmp_path, SMALL))
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    sub = Classification.objects.get(scheme="hs", code="520852")
    assert sub.level == "subheading"
    assert sub.parent.code == "5208"
    assert sub.parent.parent.code == "52"
    assert sub.parent.parent.level == "chapter"
    assert sub.title_en == "Printed plain weave (batik)"


@pytest.mark.django_db
def test_load_hs_twice_is_idempotent(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL)
    load_hs(path)
    report = load_hs(path)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert Classification.objects.filter(scheme="hs").count() == 3


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("XI,52085,Five digits,5208,6\n", "code '52085' does not fit level '6'"),
        ("XI,520999,Orphan,5209,6\n", "parent '5209' is not in the file"),
        ("XI,520852,Again,5208,6\n", "duplicate code '520852' (first on line 5)"),
        ("XI,520853,,5208,6\n", "the description is missing"),
        ("XI,520854,Wrong parent,52,6\n", "parent '52' does not match code"),
        ("XII,520855,Wrong section,5208,6\n", "section 'XII' differs from parent's 'XI'"),
        ("XI,520856,Too few\n", "expected 5 fields, found 3"),
    ],
)
def test_parse_hs_malformed_row_rejects_file_naming_line(
    tmp_path: Path, row: str, reason: str
) -> None:
    with pytest.raises(TaxonomyFileError) as error:
        parse_hs(write(tmp_path, SMALL + row))
    assert error.value.line == 6
    assert reason in error.value.reason


@pytest.mark.django_db
def test_load_hs_malformed_file_loads_nothing(tmp_path: Path) -> None:
    load_hs(write(tmp_path, SMALL))
    bad = SMALL.replace("Cotton", "Cotton changed") + "XI,999999,Orphan,9999,6\n"
    with pytest.raises(TaxonomyFileError):
        load_hs(write(tmp_path, bad))
    assert Classification.objects.get(scheme="hs", code="52").title_en == "Cotton"


def test_parse_hs_wrong_header_names_line_one(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyFileError) as error:
        parse_hs(write(tmp_path, "code,title\n52,Cotton\n"))
    assert error.value.line == 1


@pytest.mark.django_db
def test_taxonomy_command_loads_shared_hs_folder(capsys: pytest.CaptureFixture[str]) -> None:
    if not SHARED_HS.exists():
        pytest.skip("shared/data/hs not present")
    call_command("taxonomy", "load", "hs", str(SHARED_HS))
    assert "hs: 6939 codes (6939 created, 0 updated, 0 unchanged)" in capsys.readouterr().out
    assert Classification.objects.filter(scheme="hs", level="subheading").count() == 5613
    assert Classification.objects.get(scheme="hs", code="4819").parent.code == "48"


@pytest.mark.django_db
def test_taxonomy_command_bad_hs_file_error_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL + "XI,52,Again,TOTAL,2\n")
    with pytest.raises(CommandError, match="line 6: duplicate code '52'"):
        call_command("taxonomy", "load", "hs", str(path))
