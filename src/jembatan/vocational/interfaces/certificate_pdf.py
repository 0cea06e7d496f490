"""The completion certificate as a PDF: the participant's language, then English.

One A4 landscape page. The text is written with the project's embedded font
(core.interfaces.pdf_fonts), so Japanese names and Indonesian text print the same anywhere,
and the text can be extracted (a reader can copy the verification code). The QR code of the
verification address is drawn as vector squares from segno's matrix (no image library).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import segno
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from jembatan.core.interfaces.pdf_fonts import pdf_font


@dataclass(frozen=True)
class CertificateText:
    """What a certificate says; built by domain/certificates.py from the application."""

    participant_name: str
    participant_name_latin: str
    programme_title: str
    programme_kind: str  # a Programme.Kind value
    host_name: str
    starts_on: dt.date
    ends_on: dt.date
    code: str
    url: str
    language: str  # the participant's language: "id", "ja" or "en"
    issued_on: dt.date


def _block(text: CertificateText, language: str, english: bool) -> list[tuple[str, int]]:
    """(line, font size) for one language."""
    from jembatan.vocational.models import Programme

    with translation.override(language):
        name = (
            text.participant_name_latin
            if english and text.participant_name_latin
            else (text.participant_name)
        )
        kind = str(Programme.Kind(text.programme_kind).label)
        starts = date_format(text.starts_on, "DATE_FORMAT")
        ends = date_format(text.ends_on, "DATE_FORMAT")
        return [
            (_("Certificate of completion"), 22),
            (_("This certifies that"), 11),
            (name, 18),
            (_("completed the programme"), 11),
            (text.programme_title, 14),
            (_("%(kind)s hosted by %(host)s") % {"kind": kind, "host": text.host_name}, 11),
            (_("from %(start)s to %(end)s") % {"start": starts, "end": ends}, 11),
        ]


def _draw_qr(pdf: canvas.Canvas, url: str, x: float, y: float, size: float) -> None:
    matrix = segno.make(url, error="m").matrix
    cell = size / len(matrix)
    pdf.setFillColor(colors.black)
    for row_index, row in enumerate(matrix):
        for col_index, dark in enumerate(row):
            if dark:
                top = y + size - (row_index + 1) * cell
                pdf.rect(x + col_index * cell, top, cell, cell, stroke=0, fill=1)


def render_certificate(text: CertificateText) -> bytes:
    font = pdf_font()
    width, height = landscape(A4)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height), initialFontName=font)
    pdf.setTitle(f"{text.programme_title} - {text.code}")
    pdf.setStrokeColor(colors.HexColor("#1d4e89"))
    pdf.setLineWidth(2)
    pdf.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    languages = [text.language] if text.language == "en" else [text.language, "en"]
    column = (width - 30 * mm) / len(languages)
    for index, language in enumerate(languages):
        centre = 15 * mm + column * index + column / 2
        y = height - 35 * mm
        for line, size in _block(text, language, english=language == "en"):
            pdf.setFont(font, size)
            pdf.drawCentredString(centre, y, line)
            y -= size * 1.9
    qr_size = 32 * mm
    _draw_qr(pdf, text.url, width - 15 * mm - qr_size, 15 * mm, qr_size)
    pdf.setFont(font, 9)
    with translation.override(text.language):
        footer = [
            _("Verification code: %(code)s") % {"code": text.code},
            _("Verify at %(url)s") % {"url": text.url},
            _("Issued on %(date)s") % {"date": date_format(text.issued_on, "DATE_FORMAT")},
        ]
    if text.language != "en":
        with translation.override("en"):
            footer.append(_("Verification code: %(code)s") % {"code": text.code})
    y = 15 * mm + 9 * 1.5 * (len(footer) - 1)
    for line in footer:
        pdf.drawString(18 * mm, y, line)
        y -= 9 * 1.5
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
