"""The promotion brochure: A4, in Japanese, one page per company.

Each page: the company's name as it writes it (Indonesian names are never translated) with
its katakana reading where it gave one, province and sectors, key figures, verified
certifications, up to three product photos, the products with their Japanese names (and the
original beside them), and a QR code to the company's showcase page (tagged with the
promotion, so that inquiries it brings count for it). Text uses the project's embedded font
(core.interfaces.pdf_fonts), so Japanese and Latin print alike anywhere.

The content comes as plain data (catalogue.domain.promotions.BrochureContent): this module
runs no query.
"""

from __future__ import annotations

import io
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Image,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from jembatan.catalogue.domain.promotions import BrochureCompany, BrochureContent
from jembatan.catalogue.interfaces.qr import QrCode
from jembatan.core.interfaces.pdf_fonts import pdf_font
from jembatan.core.interfaces.pdf_text import markup_text, text_paragraph

ACCENT = colors.HexColor("#1f4e79")
PAPER = colors.HexColor("#e8eef4")
PHOTO_WIDTH = 55 * mm
PHOTO_HEIGHT = 40 * mm
QR_SIZE = 32 * mm
MAX_PRODUCTS = 8


def _font_command() -> tuple[str, tuple[int, int], tuple[int, int], str]:
    """Table draws cells in Helvetica unless told otherwise: an unembedded font in the PDF."""
    return ("FONTNAME", (0, 0), (-1, -1), pdf_font())


def _styles() -> dict[str, ParagraphStyle]:
    font = pdf_font()
    return {
        "banner": ParagraphStyle("banner", fontName=font, fontSize=9, leading=12, textColor=ACCENT),
        "name": ParagraphStyle("name", fontName=font, fontSize=20, leading=25),
        "reading": ParagraphStyle("reading", fontName=font, fontSize=10, leading=13),
        "text": ParagraphStyle("text", fontName=font, fontSize=9, leading=12.5),
        "small": ParagraphStyle("small", fontName=font, fontSize=7.5, leading=10),
        "heading": ParagraphStyle(
            "heading", fontName=font, fontSize=11, leading=15, textColor=ACCENT, spaceBefore=6
        ),
    }


def _header(company: BrochureCompany, styles: dict[str, ParagraphStyle]) -> Table:
    left: list[Any] = [text_paragraph(company.name, styles["name"])]
    if company.reading:
        left.append(text_paragraph(company.reading, styles["reading"]))
    place = "、".join(part for part in (company.province, company.city) if part)
    if place:
        left.append(text_paragraph(place, styles["text"]))
    if company.sectors:
        left.append(text_paragraph(" / ".join(company.sectors), styles["text"]))
    qr = [
        QrCode(company.showcase_url, QR_SIZE),
        text_paragraph(_("Showcase page"), styles["small"]),
    ]
    table = Table([[left, qr]], colWidths=[None, QR_SIZE + 4 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), _font_command()]))
    return table


def _figures(company: BrochureCompany, styles: dict[str, ParagraphStyle]) -> list[Any]:
    if not company.figures:
        return []
    cells = [[text_paragraph(label, styles["small"]) for label, _value in company.figures]]
    cells.append([text_paragraph(value, styles["text"]) for _label, value in company.figures])
    table = Table(cells, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                _font_command(),
                ("BACKGROUND", (0, 0), (-1, 0), PAPER),
                ("BOX", (0, 0), (-1, -1), 0.4, colors.grey),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ]
        )
    )
    return [text_paragraph(_("Key figures"), styles["heading"]), table]


def _photos(company: BrochureCompany) -> list[Any]:
    images = []
    for path in company.photos[:3]:
        try:
            image = Image(path)
        except OSError:  # a photo removed since: the page prints without it
            continue
        ratio = min(PHOTO_WIDTH / image.imageWidth, PHOTO_HEIGHT / image.imageHeight)
        image.drawWidth = image.imageWidth * ratio
        image.drawHeight = image.imageHeight * ratio
        images.append(image)
    if not images:
        return []
    photos = Table([images], hAlign="LEFT")
    photos.setStyle(TableStyle([_font_command()]))
    return [Spacer(1, 3 * mm), photos]


def _products(company: BrochureCompany, styles: dict[str, ParagraphStyle]) -> list[Any]:
    if not company.products:
        return []
    head = [_("Product"), _("HS code"), _("Minimum order"), _("Monthly capacity"), _("Price")]
    rows: list[list[Any]] = [[text_paragraph(h, styles["small"]) for h in head]]
    for product in company.products[:MAX_PRODUCTS]:
        name = markup_text(product.name)
        if product.original_name != product.name:
            name += f"<br/><font size='7'>{markup_text(product.original_name)}</font>"
        if product.certifications:
            name += f"<br/><font size='7'>✓ {markup_text('、'.join(product.certifications))}</font>"
        price = product.price + (f" ({product.incoterm})" if product.incoterm else "")
        rows.append(
            [
                Paragraph(name, styles["text"]),
                text_paragraph(product.hs_code or "–", styles["text"]),
                text_paragraph(product.moq, styles["text"]),
                text_paragraph(product.capacity, styles["text"]),
                text_paragraph(price, styles["text"]),
            ]
        )
    table = Table(rows, colWidths=[62 * mm, 18 * mm, 30 * mm, 30 * mm, 40 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                _font_command(),
                ("BACKGROUND", (0, 0), (-1, 0), PAPER),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [text_paragraph(_("Products"), styles["heading"]), table]


def _company_page(
    content: BrochureContent, company: BrochureCompany, styles: dict[str, ParagraphStyle]
) -> list[Any]:
    story: list[Any] = [
        text_paragraph(f"{content.title} · {content.subtitle}", styles["banner"]),
        Spacer(1, 2 * mm),
        _header(company, styles),
        *_figures(company, styles),
    ]
    if company.certifications:
        story += [
            text_paragraph(_("Certifications verified by a programme officer"), styles["heading"]),
            text_paragraph("、".join(company.certifications), styles["text"]),
        ]
    story += _photos(company)
    story += _products(company, styles)
    story += [
        Spacer(1, 4 * mm),
        text_paragraph(
            _("Inquiries: scan the QR code or open %(url)s") % {"url": company.showcase_url},
            styles["small"],
        ),
    ]
    return story


def brochure_pdf(content: BrochureContent, language: str = "ja") -> bytes:
    """The brochure, labels in `language` (Japanese for the buyers it is printed for)."""
    buffer = io.BytesIO()
    with translation.override(language):
        styles = _styles()
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            title=content.title,
            initialFontName=pdf_font(),  # else the canvas starts in (unembedded) Helvetica
            initialFontSize=9,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=15 * mm,
            bottomMargin=15 * mm,
        )
        story: list[Any] = []
        for index, company in enumerate(content.companies):
            if index:
                story.append(PageBreak())
            story += _company_page(content, company, styles)
        if not story:
            story.append(text_paragraph(content.title, styles["name"]))
        document.build(story)
    return buffer.getvalue()
