"""Hostile or broken import files are refused with a message, on the command line and on
the web, never a traceback or a 500."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation

from jembatan.registry.models import Company
from tests.registry.helpers import ID1, run, write_xlsx

pytestmark = pytest.mark.django_db

ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>&lol3;</t></si></sst>'
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>&xxe;</t></si></sst>'
)
SAFETY = "it declares XML entities or a DTD, which are refused for safety"


@pytest.fixture(autouse=True)
def _english(settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    with translation.override("en"):
        yield


SHARED_STRINGS_REL = (
    '<Relationship Id="rIdSS" Target="sharedStrings.xml" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'
)
SHARED_STRINGS_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats'
    '-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def with_shared_strings(tmp_path: Path, xml: str) -> Path:
    """A real workbook given a sharedStrings part holding `xml` (openpyxl writes inline
    strings, so the part, its relationship and its content type are added)."""
    source = write_xlsx(tmp_path, [["name", "country", "registry_id"], ["PT A", "ID", ID1]])
    target = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename).decode()
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", SHARED_STRINGS_REL)
            elif item.filename == "[Content_Types].xml":
                data = data.replace("</Types>", SHARED_STRINGS_TYPE)
            new.writestr(item, data)
        new.writestr("xl/sharedStrings.xml", xml)
    return target


def zip_bomb(tmp_path: Path) -> Path:
    """A workbook whose sheet is 40 MB of repeated rows squeezed into about 100 KB."""
    source = write_xlsx(tmp_path, [["name", "country", "registry_id"]])
    target = tmp_path / "bomb.xlsx"
    row = '<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{row * (40_000_000 // len(row))}</sheetData></worksheet>"
    )
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            new.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return target


def messages(path: Path) -> list[tuple[int, str]]:
    return [(error.row, error.message) for error in run(path).errors]


@pytest.mark.parametrize("xml", [ENTITY_BOMB, XXE], ids=["billion-laughs", "xxe"])
def test_xlsx_with_entities_in_shared_strings_is_refused(tmp_path: Path, xml: str) -> None:
    assert messages(with_shared_strings(tmp_path, xml)) == [
        (0, f"The XLSX file cannot be read ({SAFETY}).")
    ]
    assert Company.objects.count() == 0


def test_xlsx_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = zip_bomb(tmp_path)
    assert path.stat().st_size < 1_000_000
    [(row, message)] = messages(path)
    assert row == 0
    assert message.startswith("The XLSX file unpacks to 38.2 MB, or compresses far more")
    assert message.endswith("at most 1,024.0 MB are read. Save it as CSV UTF-8 or split it.")


def test_xlsx_unzipped_size_over_the_setting_is_refused(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_IMPORT_MAX_UNZIPPED_BYTES = 1024
    path = write_xlsx(tmp_path, [["name", "country", "registry_id"], ["PT A", "ID", ID1]])
    [(row, message)] = messages(path)
    assert (row, message.split(",")[0]) == (0, "The XLSX file unpacks to 0.0 MB")


def test_truncated_xlsx_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [["name", "country", "registry_id"]])
    path.write_bytes(path.read_bytes()[:200])
    assert messages(path) == [(0, "The XLSX file cannot be read (File is not a zip file).")]


def test_csv_with_a_5_mb_cell_is_refused_naming_the_row(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(f"name,country,registry_id\nPT A,ID,{ID1}\n" + "x" * 5_000_000 + ",ID,1\n")
    assert messages(path) == [
        (
            3,
            "Row 3 cannot be read as CSV (field larger than field limit (131072)): a cell may "
            "have an unclosed quote or be longer than 32767 characters.",
        )
    ]


def test_csv_cell_over_the_cell_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(f"name,country,registry_id\n{'x' * 40_000},ID,{ID1}\n")
    assert messages(path) == [(2, "Row 2, column 1 holds more than 32767 characters.")]


def test_csv_too_wide_row_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("name,country,registry_id" + ",x" * 300 + "\n")
    assert messages(path) == [(1, "Row 1 has 303 columns; at most 200 are read.")]


def test_file_over_the_size_setting_is_refused(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_IMPORT_MAX_BYTES = 1024 * 1024
    path = tmp_path / "big.csv"
    path.write_bytes(b"name,country,registry_id\n" + b"PT A,ID,1\n" * 200_000)
    assert messages(path) == [(0, "The file is 1.9 MB; files of at most 1.0 MB are accepted.")]


def test_import_command_refuses_a_hostile_xlsx_without_a_traceback(tmp_path: Path) -> None:
    path = with_shared_strings(tmp_path, ENTITY_BOMB)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import", "companies", str(path), "--language", "en", stdout=out, stderr=err)
    assert raised.value.returncode == 1
    assert out.getvalue() == (f"error: row 0, column -: The XLSX file cannot be read ({SAFETY}).\n")


@pytest.mark.parametrize("kind", ["entities", "bomb"])
def test_import_preview_of_a_hostile_xlsx_shows_the_message(  # type: ignore[no-untyped-def]
    officer, tmp_path: Path, kind: str
) -> None:
    path = with_shared_strings(tmp_path, XXE) if kind == "entities" else zip_bomb(tmp_path)
    client = Client()
    client.force_login(officer)
    upload = SimpleUploadedFile("hostile.xlsx", path.read_bytes())
    response = client.post("/imports/", {"file": upload, "sheet": ""})
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    expected = SAFETY if kind == "entities" else "compresses far more than a real workbook"
    assert expected in preview.content.decode()


def test_import_upload_over_the_size_setting_is_a_form_error(officer, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_IMPORT_MAX_BYTES = 1024
    client = Client()
    client.force_login(officer)
    upload = SimpleUploadedFile("big.csv", b"name,country,registry_id\n" + b"x" * 2048)
    response = client.post("/imports/", {"file": upload, "sheet": ""})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "file": ["The file is 0.0 MB; files of at most 0.0 MB are accepted."]
    }
