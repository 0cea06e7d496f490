"""`jembatan indicators import`: the file's figures, all or nothing, and the same again
changes nothing."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jembatan.indicators.models import Observation, Target

pytestmark = pytest.mark.django_db

HEADER = "kind,indicator,period,region,sector,value,currency,source,note\n"
GOOD = (
    HEADER
    + "observation,ikm_units,2017,,,3990000,,BPS 2018,\n"
    + "observation,ikm_units,2017,ID-JB,,420000,,BPS 2018,\n"
    + "target,ikm_units,2018,,textiles,500000,,Renstra,\n"
    + 'observation,ikm_value_added,2017,,,"600.000.000.000.000",IDR,Kemenperin,\n'
    + "observation,ikm_value_added_growth,2017-Q1,,,-1.25,,Kemenperin,\n"
)


def run(path: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    out = io.StringIO()
    call_command("indicators", "import", str(path), "--json", *extra, stdout=out)
    return json.loads(out.getvalue())


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "figures.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_import_creates_then_changes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    assert run(path) == {"created": 5, "updated": 0, "unchanged": 0, "errors": []}
    assert run(path) == {"created": 0, "updated": 0, "unchanged": 5, "errors": []}
    regional = Observation.objects.get(indicator__code="ikm_units", region_id="ID-JB")
    assert (regional.value, regional.source_reference) == (420_000, "BPS 2018")
    money = Observation.objects.get(indicator__code="ikm_value_added", period_start="2017-01-01")
    assert (money.value, money.currency) == (600 * 10**12, "IDR")
    rate = Observation.objects.get(indicator__code="ikm_value_added_growth", granularity="quarter")
    assert rate.value_decimal == Decimal("-1.25")
    assert Target.objects.get(sector_id="textiles").value == 500_000


def test_import_updates_a_changed_value(tmp_path: Path) -> None:
    run(write(tmp_path, GOOD))
    changed = write(tmp_path, GOOD.replace("3990000", "3995000"))
    assert run(changed) == {"created": 0, "updated": 1, "unchanged": 4, "errors": []}


def test_import_names_every_failing_row_and_writes_nothing(tmp_path: Path) -> None:
    bad = (
        HEADER
        + "observation,ikm_units,2017,,,3990000,,ok,\n"
        + "guess,ikm_units,2017,,,1,,,\n"
        + "observation,no_such,2017,,,1,,,\n"
        + "observation,ikm_units,2017-13,,,1,,,\n"
        + "observation,ikm_units,2018,XX-99,,1,,,\n"
        + "observation,ikm_units,2018,,steel,1,,,\n"
        + "observation,ikm_units,2019,,,1.5,,,\n"
        + "observation,ikm_value_added,2018,,,5,,,\n"
        + "observation,ikm_units,2020,,,12,IDR,,\n"
        + "observation,ikm_units,2017,,,3990000,,duplicate,\n"
    )
    out = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("indicators", "import", str(write(tmp_path, bad)), stdout=out,
                     language="en")  # fmt: skip
    assert "9 errors: nothing was imported." in str(failure.value)
    lines = out.getvalue().splitlines()
    assert lines == [
        "error: row 3, column kind: Write “observation” or “target”.",
        "error: row 4, column indicator: No indicator has the code “no_such”.",
        "error: row 5, column period: Write the period as 2017, 2017-Q1 or 2017-03.",
        "error: row 6, column region: “XX-99” is not an ISO 3166-2 province or prefecture code.",
        "error: row 7, column sector: “steel” is not a programme sector.",
        "error: row 8, column value: 1.5 is not a whole number of 0 or more.",
        "error: row 9, column currency: A money indicator needs its ISO 4217 currency.",
        "error: row 10, column currency: Only money indicators have a currency.",
        "error: row 11, column period: The same figure is already on row 2.",
    ]
    assert Observation.objects.count() == 3  # the seed only


def test_import_messages_in_the_users_language(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "observation,no_such,2017,,,1,,,\n")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("indicators", "import", str(path), stdout=out, language="ja")
    assert "no_such" in out.getvalue()
    assert "No indicator" not in out.getvalue()


def test_import_missing_column_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "kind,indicator,period,amount\nobservation,ikm_units,2017,1\n")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("indicators", "import", str(path), stdout=out, language="en")
    assert out.getvalue().splitlines() == [
        "error: row 1, column value: The column is missing.",
        "error: row 1, column amount: Unknown column: the columns are kind, indicator, period, "
        "value, region, sector, currency, source, note.",
    ]


def test_import_reads_shift_jis_csv(tmp_path: Path) -> None:
    text = HEADER + "observation,ikm_units,2017,,,3990000,,経済産業省 統計,\n"
    assert run(write(tmp_path, text, "cp932"))["created"] == 1
    assert Observation.objects.get(period_start="2017-01-01", indicator__code="ikm_units")
    assert Observation.objects.filter(source_reference="経済産業省 統計").exists()


def test_import_reads_xlsx(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["kind", "indicator", "period", "value", "currency"])
    sheet.append(["observation", "ikm_value_added", 2017, 600 * 10**12, "IDR"])
    sheet.append(["target", "ikm_units", "2018", 4_200_000, None])
    path = tmp_path / "figures.xlsx"
    workbook.save(path)
    assert run(path) == {"created": 2, "updated": 0, "unchanged": 0, "errors": []}
    assert run(path)["unchanged"] == 2
