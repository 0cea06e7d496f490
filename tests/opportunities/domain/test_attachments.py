from __future__ import annotations

import pytest

from jembatan.opportunities.domain.attachments import (
    MAX_ATTACHMENT_BYTES,
    attachment_problem,
    clean_file_name,
    count_problem,
    sniff_content_type,
)
from tests.opportunities.factories import EXE_BYTES, JPEG_BYTES, PDF_BYTES, PNG_BYTES, WEBP_BYTES


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (PDF_BYTES, "application/pdf"),
        (JPEG_BYTES, "image/jpeg"),
        (PNG_BYTES, "image/png"),
        (WEBP_BYTES, "image/webp"),
        (EXE_BYTES, None),
        (b"<html><script>alert(1)</script>", None),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", None),
        (b"", None),
    ],
)
def test_sniff_content_type_by_magic_bytes(head: bytes, expected: str | None) -> None:
    assert sniff_content_type(head[:16]) == expected


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("katalog.pdf", PDF_BYTES),
        ("foto.JPG", JPEG_BYTES),
        ("foto.jpeg", JPEG_BYTES),
        ("denah.png", PNG_BYTES),
        ("produk.webp", WEBP_BYTES),
    ],
)
def test_attachment_problem_none_for_allowed_files(name: str, head: bytes) -> None:
    assert attachment_problem(name, 1000, head[:16]) is None


def test_attachment_problem_exe_renamed_pdf() -> None:
    assert attachment_problem("katalog.pdf", 1000, EXE_BYTES[:16]) == (
        "katalog.pdf is not a PDF, JPEG, PNG or WebP file."
    )


def test_attachment_problem_pdf_named_jpg() -> None:
    assert attachment_problem("foto.jpg", 1000, PDF_BYTES[:16]) == (
        "foto.jpg contains a PDF file but its name ends differently; rename it with .pdf."
    )


def test_attachment_problem_png_named_pdf() -> None:
    assert attachment_problem("brosur.pdf", 1000, PNG_BYTES[:16]) == (
        "brosur.pdf contains a PNG file but its name ends differently; rename it with .png."
    )


def test_attachment_problem_oversize() -> None:
    assert attachment_problem("besar.pdf", MAX_ATTACHMENT_BYTES + 1, PDF_BYTES[:16]) == (
        "besar.pdf is larger than 10 MB."
    )


def test_attachment_problem_exactly_10_mb_is_accepted() -> None:
    assert attachment_problem("pas.pdf", MAX_ATTACHMENT_BYTES, PDF_BYTES[:16]) is None


def test_count_problem_sixth_file() -> None:
    assert count_problem(4, 1) is None
    assert count_problem(4, 2) == "A profile can have at most 5 attachments; it would have 6."


def test_clean_file_name_strips_windows_path() -> None:
    assert clean_file_name("C:\\Users\\budi\\PT Rahasia\\brosur.pdf") == "brosur.pdf"
