# ruff: noqa: F811 - the demo fixtures are imported from test_showcase_demo by name
"""The demo has one promotion with a brochure, and the brochure renders."""

from __future__ import annotations

import io

from pypdf import PdfReader

from jembatan.catalogue.domain.promotions import brochure_content
from jembatan.catalogue.interfaces.brochure_pdf import brochure_pdf
from jembatan.catalogue.models import Brochure, Promotion
from jembatan.demo.domain.catalogue import DEMO_PROMOTION, install_demo_promotion
from tests.catalogue.test_showcase_demo import demo, demo_once  # noqa: F401


def test_demo_promotion_with_a_brochure(demo) -> None:  # type: ignore[no-untyped-def]
    promotion = Promotion.objects.get(title=DEMO_PROMOTION)
    brochure = Brochure.objects.get(promotion=promotion)
    content = brochure_content(brochure)
    assert len(content.companies) == promotion.companies.count() >= 2
    assert all(company.products for company in content.companies)
    reader = PdfReader(io.BytesIO(brochure_pdf(content)))
    assert len(reader.pages) == len(content.companies)
    assert "インドネシアIKM" in reader.pages[0].extract_text()
    assert install_demo_promotion(None) == 0  # idempotent
