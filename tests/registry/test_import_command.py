from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jembatan.registry.models import Company
from tests.registry.helpers import ID1, JP1, csv_text, make_reference_rows, write, write_xlsx

pytestmark = pytest.mark.django_db


def import_command(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import", "companies", *args, "--language", "en", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_command_json_output_has_the_exact_shape(tmp_path: Path) -> None:
    make_reference_rows()
    path = write(
        tmp_path, csv_text(f"A,ID,{ID1}", f"B,JP,{JP1}", header="name,country,registry_id")
    )
    out, _err = import_command(str(path), "--json")
    assert json.loads(out) == {"created": 2, "updated": 0, "unchanged": 0, "errors": []}
    out, _err = import_command(str(path), "--json")
    assert json.loads(out) == {"created": 0, "updated": 0, "unchanged": 2, "errors": []}


def test_import_command_errors_print_json_and_exit_non_zero(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text(f"A,ID,{ID1}", "B,ID,12", header="name,country,registry_id"))
    out = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import", "companies", str(path), "--json", "--language", "en", stdout=out)
    assert raised.value.returncode == 1
    assert json.loads(out.getvalue()) == {
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "errors": [{"row": 3, "column": "registry_id", "message": 'NIB "12" must be 13 digits.'}],
    }
    assert Company.objects.count() == 0


def test_import_command_dry_run_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text(f"A,ID,{ID1}", header="name,country,registry_id"))
    out, _err = import_command(str(path), "--dry-run")
    assert out == "Dry run, nothing written: 1 created, 0 updated, 0 unchanged.\n"
    assert Company.objects.count() == 0


def test_import_command_reads_an_xlsx_sheet(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path, [["name", "country", "nib"], ["A", "ID", ID1]], sheet="data", first_sheet="readme"
    )
    out, _err = import_command(str(path), "--sheet", "data")
    assert out == "1 created, 0 updated, 0 unchanged.\n"


def test_import_command_prints_errors_and_warnings(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text("A,ID,12,x", header="name,country,registry_id,fax"))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import", "companies", str(path), "--language", "en", stdout=out, stderr=err)
    assert str(raised.value) == "1 error: nothing was imported."
    assert out.getvalue() == 'error: row 2, column registry_id: NIB "12" must be 13 digits.\n'
    assert (
        err.getvalue() == 'warning: row 1, column fax: Column "fax" is not known and was ignored.\n'
    )


def test_import_command_missing_file_fails(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file"):
        call_command("import", "companies", str(tmp_path / "nope.csv"))
