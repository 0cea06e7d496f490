from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from jembatan.core.interfaces.pdf_fonts import chart_font_family, font_path, pdf_font


def _fonts_of(data: bytes) -> list[dict[str, object]]:
    reader = PdfReader(io.BytesIO(data))
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            found.append(font.get_object())
    return found


def test_pdf_font_is_embedded_and_extracts_japanese_and_latin():
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, initialFontName=pdf_font())
    pdf.setFont(pdf_font(), 12)
    pdf.drawString(50, 800, "貴社の連携プロファイル Rp520 triliun")
    pdf.save()
    data = buffer.getvalue()

    fonts = _fonts_of(data)
    assert fonts
    for font in fonts:
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # the TrueType program is inside the PDF
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "貴社の連携プロファイル" in text
    assert "Rp520 triliun" in text


def test_chart_font_is_the_same_file():
    assert font_path().is_file()
    assert chart_font_family() == "IPAexGothic"
