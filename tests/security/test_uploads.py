"""Hostile uploads: each is refused with a clear message in the user's language, within
bounded memory, and nothing is stored (no company written, no upload left on disk).

Every hostile file is made here. The company import has no API: the web upload and the
command line (`jembatan import companies`) are its two entries, both through
`open_tabular`, which runs jembatan.core.interfaces.uploads before any parser. Images go
through `check_image` (the logo form) and Pillow's limit (product photos)."""

from __future__ import annotations

import io
import random
import struct
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from jembatan.catalogue.domain.photos import clean_image
from jembatan.core.interfaces.uploads import UploadRefusedError, check_image, check_xlsx_archive
from jembatan.registry.interfaces.company_import_forms import imports_dir
from jembatan.registry.interfaces.forms import LOGO_FORMATS, LogoField
from jembatan.registry.interfaces.tabular_files import open_tabular
from jembatan.registry.models import Company

pytestmark = pytest.mark.django_db

HEADER = "name,country,registry_id\n"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="%s"/>'
    "</Types>"
)
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
# A 1x1 PNG whose header claims 100,000 x 100,000 pixels (10 gigapixels).
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_claiming(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00\x00\x00")
    return PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", pixels) + _chunk(b"IEND", b"")


def zip_parts(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    """Under 100 KB on disk; its sheet part unpacks to 64 MB of one repeated byte."""
    return zip_parts(
        {
            "[Content_Types].xml": (CONTENT_TYPES % XLSX_MAIN).encode(),
            "xl/worksheets/sheet1.xml": b" " * (64 << 20),
        }
    )


def workbook_bytes(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_part(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(buffer, "w") as new:
        for item in old.infolist():
            new.writestr(item, old.read(item.filename))
        new.writestr(name, content)
    return buffer.getvalue()


def replaced(data: bytes, old: bytes, new: bytes) -> bytes:
    """The workbook with `old` replaced in every part (openpyxl itself truncates cells
    to Excel's 32,767 characters, so a bigger cell is written into the XML here)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old_zip, zipfile.ZipFile(buffer, "w") as new_zip:
        for item in old_zip.infolist():
            new_zip.writestr(item, old_zip.read(item.filename).replace(old, new))
    return buffer.getvalue()


def macro_workbook() -> bytes:
    plain = workbook_bytes([["name", "country", "registry_id"]])
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain)) as old, zipfile.ZipFile(buffer, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(XLSX_MAIN.encode(), XLSM_MAIN.encode())
            new.writestr(item, data)
    return buffer.getvalue()


def ten_thousand_columns() -> bytes:
    return (",".join(f"c{i}" for i in range(10_000)) + "\n").encode()


BIG_CELL = "x" * (1 << 20)
# One megabyte that does not compress like a zip bomb (hex digits: about 2 to 1).
BIG_HEX_CELL = random.Random(0).randbytes(1 << 19).hex()

# (file name, content, English message part)
HOSTILE: dict[str, tuple[str, bytes, str]] = {
    "zip_bomb": ("bomb.xlsx", zip_bomb(), "compresses far more than a real workbook does"),
    "ten_thousand_columns": (
        "wide.csv",
        ten_thousand_columns(),
        "Row 1 has 10000 columns; at most 200 are read.",
    ),
    "ten_thousand_columns_xlsx": (
        "wide.xlsx",
        workbook_bytes([[f"c{i}" for i in range(10_000)]]),
        "Row 1 has 10000 columns; at most 200 are read.",
    ),
    "big_cell_csv": (
        "big.csv",
        (HEADER + f"{BIG_CELL},ID,1\n").encode(),
        "Row 2 cannot be read as CSV",
    ),
    "big_cell_xlsx": (
        "big.xlsx",
        replaced(
            workbook_bytes([["name", "country", "registry_id"], ["BIG", "ID", "1"]]),
            b"BIG",
            BIG_HEX_CELL.encode(),
        ),
        "Row 2, column 1 holds more than 32767 characters.",
    ),
    "nul_bytes": (
        "nul.csv",
        (HEADER + "PT Maju,ID,1\nPT\x00Jaya,ID,2\n").encode(),
        "Line 3 holds a NUL byte (0x00)",
    ),
    "mixed_encodings": (
        "mixed.csv",
        HEADER.encode()
        + "PT Café,ID,1\n".encode("latin-1")
        + b"PT Kopi,ID,2\n"
        + "PT Crème,ID,3\n".encode("latin-1")
        + "株式会社,JP,4\n".encode(),
        "The file mixes encodings",
    ),
    "png_named_xlsx": (
        "companies.xlsx",
        png_claiming(1, 1),
        "companies.xlsx: the file is named .xlsx but its content is PNG.",
    ),
    "macros": ("macro.xlsx", macro_workbook(), "The workbook contains macros (XLSM)"),
    "vba_part": (
        "vba.xlsx",
        with_part(workbook_bytes([["name"]]), "xl/vbaProject.bin", b"\xd0\xcf\x11\xe0"),
        "The workbook contains macros (XLSM)",
    ),
    "external_link": (
        "linked.xlsx",
        with_part(
            workbook_bytes([["name"]]),
            "xl/externalLinks/externalLink1.xml",
            b"<externalLink/>",
        ),
        "The workbook links to other workbooks (external links)",
    ),
    "zip_not_xlsx": (
        "archive.xlsx",
        zip_parts({"readme.txt": b"hello"}),
        "The file is a ZIP archive but not an XLSX workbook",
    ),
}


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.JEMBATAN_IMPORT_JOBS_INLINE = True


def stored_uploads() -> list[Path]:
    directory = imports_dir()
    return sorted(directory.iterdir()) if directory.is_dir() else []


def refusal(path: Path, name: str) -> str:
    from jembatan.registry.domain.company_import import import_companies

    report = import_companies(open_tabular(path, name=name), dry_run=False)
    assert report.unreadable
    assert (report.created, report.updated) == (0, 0)
    assert len(report.errors) == 1
    return report.errors[0].message


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_import_file_is_refused_through_the_web_and_nothing_is_stored(  # type: ignore[no-untyped-def]
    officer, case: str
) -> None:
    name, content, expected = HOSTILE[case]
    before = Company.objects.count()
    client = Client()
    client.force_login(officer)
    officer.language = "en"
    officer.save(update_fields=["language"])
    response = client.post("/imports/", {"file": SimpleUploadedFile(name, content), "sheet": ""})
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    assert expected in preview.content.decode()
    assert stored_uploads() == []  # the refused file is removed once its message is shown
    assert client.get(response["Location"]).status_code == 404
    assert Company.objects.count() == before


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_import_file_is_refused_on_the_command_line(tmp_path: Path, case: str) -> None:
    name, content, expected = HOSTILE[case]
    path = tmp_path / name
    path.write_bytes(content)
    before = Company.objects.count()
    with translation.override("en"):
        assert expected in refusal(path, name)
    assert Company.objects.count() == before


def test_hostile_import_messages_are_in_japanese(officer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    officer.language = "ja"  # the signed-in user's language chooses the page's
    officer.save(update_fields=["language"])
    client = Client()
    client.force_login(officer)
    name, content, _ = HOSTILE["macros"]
    response = client.post("/imports/", {"file": SimpleUploadedFile(name, content), "sheet": ""})
    page = client.get(response["Location"]).content.decode()
    assert "マクロ" in page
    path = tmp_path / "nul.csv"
    path.write_bytes(HOSTILE["nul_bytes"][1])
    with translation.override("ja"):
        assert refusal(path, "nul.csv").startswith("3 行目に NUL バイト")


@pytest.mark.parametrize("case", ["zip_bomb", "big_cell_csv", "big_cell_xlsx"])
def test_hostile_import_file_is_refused_within_bounded_memory(tmp_path: Path, case: str) -> None:
    name, content, _ = HOSTILE[case]
    path = tmp_path / name
    path.write_bytes(content)
    tracemalloc.start()
    try:
        with translation.override("en"):
            refusal(path, name)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The zip bomb unpacks to 64 MB; the 1 MB cell is read once, not copied per column.
    assert peak < 24 * 1024 * 1024


def test_zip_bomb_is_refused_from_the_directory_alone(settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_UPLOAD_XLSX_MAX_RATIO = 10**9  # only the total size limit remains
    settings.JEMBATAN_IMPORT_MAX_UNZIPPED_BYTES = 32 << 20
    with translation.override("en"), pytest.raises(UploadRefusedError) as refused:
        check_xlsx_archive(io.BytesIO(zip_bomb()))
    assert refused.value.message == (
        "The XLSX file unpacks to 64.0 MB, or compresses far more than a real workbook does; "
        "at most 32.0 MB are read. Save it as CSV UTF-8 or split it."
    )


def test_too_many_zip_entries_are_refused(settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_UPLOAD_XLSX_MAX_ENTRIES = 5
    parts = {"[Content_Types].xml": (CONTENT_TYPES % XLSX_MAIN).encode()}
    parts.update({f"xl/media/{i}.bin": b"x" for i in range(10)})
    with translation.override("en"), pytest.raises(UploadRefusedError) as refused:
        check_xlsx_archive(io.BytesIO(zip_parts(parts)))
    assert refused.value.message == "The XLSX file has 11 parts; a workbook has at most 5."


def test_image_bomb_is_refused_by_check_image_without_decoding() -> None:
    tracemalloc.start()
    try:
        with translation.override("en"), pytest.raises(UploadRefusedError) as refused:
            check_image(png_claiming(100_000, 100_000), {"PNG"})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.code == "bomb"
    assert refused.value.message == (
        "The image has too many pixels to be processed safely (at most 89 million)."
    )
    assert peak < 4 * 1024 * 1024


def test_image_bomb_is_refused_as_a_logo_in_japanese() -> None:
    upload = SimpleUploadedFile("logo.png", png_claiming(100_000, 100_000), "image/png")
    with translation.override("ja"), pytest.raises(ValidationError) as refused:
        LogoField(required=False).clean(upload)
    assert refused.value.messages == [
        "画像の画素数が多すぎるため、安全に処理できません（最大 89 百万画素）。"
    ]
    assert "PNG" in LOGO_FORMATS


def test_image_bomb_is_refused_as_a_product_photo() -> None:
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        clean_image(io.BytesIO(png_claiming(100_000, 100_000)))
    assert refused.value.message_dict == {
        "image": ["Photo: the image has too many pixels to be processed safely."]
    }


def test_image_limit_comes_from_the_settings() -> None:
    from PIL import Image

    assert Image.MAX_IMAGE_PIXELS == 89_478_485


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "rates.csv",
            b"date,IDR,JPY\n2026-01-02,16000,150\n2026-01-03,16\x0010,150\n",
            "Line 3 holds a NUL byte (0x00)",
        ),
        (
            "rates.csv",
            png_claiming(1, 1),
            "rates.csv: the file is named .csv but its content is PNG.",
        ),
    ],
)
def test_hostile_rate_file_is_refused_and_nothing_is_stored(  # type: ignore[no-untyped-def]
    officer, name: str, content: bytes, expected: str
) -> None:
    from jembatan.engagement.models import ExchangeRate

    officer.language = "en"
    officer.save(update_fields=["language"])
    client = Client()
    client.force_login(officer)
    upload = SimpleUploadedFile(name, content, "text/csv")
    response = client.post("/interests/rates/", {"file": upload, "source": "test"})
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert ExchangeRate.objects.count() == 0


def test_duplicated_header_is_refused_naming_both_and_nothing_is_written(  # type: ignore[no-untyped-def]
    officer,
) -> None:
    officer.language = "en"
    officer.save(update_fields=["language"])
    client = Client()
    client.force_login(officer)
    content = b"name,country,registry_id,name\nPT Maju,ID,9120001234567,PT Jaya\n"
    upload = SimpleUploadedFile("dup.csv", content)
    response = client.post("/imports/", {"file": upload, "sheet": ""})
    page = client.get(response["Location"]).content.decode()
    assert "Columns &quot;name&quot; and &quot;name&quot; both mean" in page
    assert Company.objects.count() == 0
