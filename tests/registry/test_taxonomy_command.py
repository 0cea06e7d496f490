"""`jembatan taxonomy load SCHEME PATH` and `jembatan taxonomy crosswalk`.

KBLI is loaded with --no-crosswalk: its full crosswalk embeds ~200 titles (~40 s of CPU);
the rule-based part is tested in domain/test_taxonomy_store.py.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jembatan.registry.models import Classification, CrosswalkLink


def taxonomy(*args: str) -> str:
    out = StringIO()
    call_command("taxonomy", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_isic4_file_creates_766_codes(reference_data_dir: Path) -> None:
    path = reference_data_dir / "isic4" / "isic_rev4_all_levels.csv"
    assert taxonomy("load", "isic4", str(path)) == (
        "isic4: 766 codes (766 created, 0 updated, 0 unchanged)\n"
    )
    assert Classification.objects.filter(scheme="isic4").count() == 766
    assert Classification.objects.filter(scheme="isic4", parent=None).count() == 21


@pytest.mark.django_db
def test_load_kbli_folder_twice_is_idempotent(reference_data_dir: Path) -> None:
    folder = str(reference_data_dir / "kbli2020")
    first = taxonomy("load", "kbli2020", folder, "--no-crosswalk")
    second = taxonomy("load", "kbli2020", folder, "--no-crosswalk")
    assert first == "kbli2020: 2710 codes (2710 created, 0 updated, 0 unchanged)\n"
    assert second == "kbli2020: 2710 codes (0 created, 0 updated, 2710 unchanged)\n"
    assert Classification.objects.filter(scheme="kbli2020", level="section").count() == 21
    assert not CrosswalkLink.objects.exists()


@pytest.mark.django_db
def test_load_malformed_kbli_file_rejected_naming_the_line(
    reference_data_dir: Path, tmp_path: Path
) -> None:
    source = reference_data_dir / "kbli2020" / "kbli2020_all_levels.csv"
    taxonomy("load", "kbli2020", str(source), "--no-crosswalk")
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("17021,kelompok,"))
    lines[number - 1] = "17021,kelompok,C,17\n"  # two fields short
    broken = tmp_path / "kbli2020_all_levels.csv"
    broken.write_text("".join(lines), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        taxonomy("load", "kbli2020", str(broken), "--no-crosswalk")

    assert str(error.value) == f"{broken}, line {number}: expected 6 fields, found 4"
    assert Classification.objects.filter(scheme="kbli2020").count() == 2710
    assert Classification.objects.get(scheme="kbli2020", code="17021").title_id == (
        "Industri Kertas dan Papan Kertas Bergelombang"
    )


@pytest.mark.django_db
def test_load_folder_without_one_all_levels_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as error:
        taxonomy("load", "isic4", str(tmp_path))
    assert str(error.value) == f"{tmp_path}: expected one *_all_levels.csv file in this folder"


@pytest.mark.django_db
def test_load_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nothing.csv"
    with pytest.raises(CommandError) as error:
        taxonomy("load", "isic4", str(path))
    assert str(error.value) == f"{path}: No such file or directory"


@pytest.mark.django_db
def test_crosswalk_without_isic_says_so() -> None:
    assert taxonomy("crosswalk") == "ISIC Rev.4 is not loaded: no crosswalk proposed.\n"
