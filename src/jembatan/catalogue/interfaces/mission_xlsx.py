"""The mission team's list: one row per featured product (or per company without one),
through SafeWorkbook, so that no name typed by a company can run as a formula."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from jembatan.catalogue.domain.promotions import BrochureContent
from jembatan.core.interfaces.spreadsheets import SafeWorkbook


def mission_xlsx(content: BrochureContent, language: str = "ja") -> bytes:
    with translation.override(language):
        book = SafeWorkbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = _("Companies")[:31]
        sheet.append(
            [
                _("Company"),
                _("Reading"),
                _("Province"),
                _("City"),
                _("Sectors"),
                _("Product"),
                _("Original name"),
                _("HS code"),
                _("Minimum order"),
                _("Monthly capacity"),
                _("Price"),
                _("Incoterm"),
                _("Certifications"),
                _("Showcase page"),
            ]
        )
        for company in content.companies:
            base = [
                company.name,
                company.reading,
                company.province,
                company.city,
                ", ".join(company.sectors),
            ]
            if not company.products:
                sheet.append([*base, "", "", "", "", "", "", "", "", company.showcase_url])
            for product in company.products:
                sheet.append(
                    [
                        *base,
                        product.name,
                        product.original_name,
                        product.hs_code,
                        product.moq,
                        product.capacity,
                        product.price,
                        product.incoterm,
                        ", ".join(product.certifications),
                        product.showcase_url,
                    ]
                )
        return book.to_bytes()
