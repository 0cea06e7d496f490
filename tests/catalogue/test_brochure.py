# ruff: noqa: F811 - pytest fixtures imported from inquiry_support are parameters by name
"""The promotion brochure: A4 PDF, Japanese with Indonesian names kept, one page per company,
the embedded font (FontFile2), the text extracts, verified claims only; the mission XLSX
opens and its cells are neutralised against formulas."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from jembatan.catalogue.domain import promotions as actions
from jembatan.catalogue.domain.photos import add_photo
from jembatan.catalogue.interfaces.brochure_pdf import brochure_pdf
from jembatan.catalogue.interfaces.qr import qr_matrix
from jembatan.catalogue.models import Promotion
from tests.catalogue.conftest import image_bytes, make_product, shown, verify
from tests.catalogue.inquiry_support import empty_cache, product  # noqa: F401
from tests.factories import CompanyFactory


@pytest.fixture
def second_company(db):  # type: ignore[no-untyped-def]
    company = verify(
        CompanyFactory(country="ID", name='=HYPERLINK("http://evil.example")', name_kana="")
    )
    shown(make_product(company, name="Kotak karton gelombang", name_ja="段ボール箱"))
    return company


@pytest.fixture
def brochure(product, second_company, member, officer):  # type: ignore[no-untyped-def]
    company = product.company
    company.name = "CV Batik Sekar Jagad"
    company.name_kana = "バティック・スカル・ジャガッド"
    company.founded_year = 2004
    company.save()
    add_photo(member, product, io.BytesIO(image_bytes("JPEG", (320, 240))), "Batik")
    promotion = Promotion(
        kind="fair",
        title="Packaging IKM, Osaka",
        title_ja="包装IKM 大阪",
        place="インテックス大阪",
        starts_on=dt.date(2027, 3, 1),
        ends_on=dt.date(2027, 3, 3),
    )
    featured = [product, *second_company.products.all()]
    actions.save_curation(officer, promotion, [company, second_company], featured)
    return actions.create_brochure(officer, promotion, [company, second_company], featured)


def _pdf(client, brochure) -> bytes:  # type: ignore[no-untyped-def]
    response = client.get(f"/promotions/brochures/{brochure.pk}/brochure.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_brochure_pdf_one_a4_page_per_company_with_japanese_text(as_user, brochure) -> None:  # type: ignore[no-untyped-def]
    reader = PdfReader(io.BytesIO(_pdf(as_user("officer"), brochure)))
    assert len(reader.pages) == 2
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    texts = [page.extract_text() for page in reader.pages]
    batik = next(text for text in texts if "Sekar Jagad" in text)
    assert "CV Batik Sekar Jagad" in batik  # the Indonesian name, kept
    assert "バティック・スカル・ジャガッド" in batik  # its katakana reading
    assert "手描きバティック布" in batik  # the Japanese product name first
    assert "Kain batik tulis" in batik  # and the original beside it
    assert "包装IKM 大阪" in batik
    assert "主な数字" in batik
    assert "2004" in batik
    assert "ハラール" in batik or "Halal" in batik  # the verified claim
    assert "JIS" not in batik  # the unverified one is not shown
    assert f"?promotion={brochure.promotion.pk}" in batik.replace("\n", "")


def test_brochure_pdf_embeds_the_font(as_user, brochure) -> None:  # type: ignore[no-untyped-def]
    reader = PdfReader(io.BytesIO(_pdf(as_user("officer"), brochure)))
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    assert fonts
    for font in fonts:
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_brochure_pdf_carries_the_photo(as_user, brochure) -> None:  # type: ignore[no-untyped-def]
    reader = PdfReader(io.BytesIO(_pdf(as_user("officer"), brochure)))
    images = [len(page.images) for page in reader.pages]
    assert sorted(images) == [0, 1]


def test_qr_matrix_is_a_square_version_of_the_url() -> None:
    matrix = qr_matrix("https://jembatan.example.go.id/showcase/companies/1/?promotion=1")
    assert len(matrix) == len(matrix[0])
    assert len(matrix) >= 29 + 8  # at least version 3 with its quiet zone


def test_brochure_pdf_empty_selection_still_renders() -> None:
    data = brochure_pdf(actions.BrochureContent(title="空のパンフレット", subtitle=""))
    assert "空のパンフレット" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_mission_xlsx_opens_and_neutralises_formulas(as_user, brochure) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").get(f"/promotions/brochures/{brochure.pk}/brochure.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "企業"
    names = [row[0] for row in rows[1:]]
    assert "CV Batik Sekar Jagad" in names
    assert '\'=HYPERLINK("http://evil.example")' in names
    batik = next(row for row in rows[1:] if row[0] == "CV Batik Sekar Jagad")
    assert batik[5] == "手描きバティック布"
    assert batik[6] == "Kain batik tulis"
    assert batik[13].endswith(f"?promotion={brochure.promotion.pk}")


@pytest.mark.parametrize("role", ["member", "outsider", "viewer"])
def test_brochure_downloads_for_officers_only(as_user, brochure, role) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("pdf", "xlsx"):
        response = as_user(role).get(f"/promotions/brochures/{brochure.pk}/brochure.{fmt}")
        assert response.status_code == 403


def test_brochure_content_query_count_does_not_grow(
    brochure, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    with django_assert_max_num_queries(8):
        content = actions.brochure_content(brochure)
    assert len(content.companies) == 2
