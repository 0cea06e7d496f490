"""The report files read back: XLSX with openpyxl, the PDF brief with pypdf, in id/ja/en."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook
from pypdf import PdfReader

from jembatan.indicators.domain.report import ReportError, report_content, report_query
from jembatan.indicators.interfaces.reports import write_report
from jembatan.registry.models import Company, ProgrammeSector
from tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2017, 12, 1)
WHEN = dt.datetime(2017, 5, 10, 9, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.fixture
def formula_sector(db):  # type: ignore[no-untyped-def]
    """A sector whose name a spreadsheet would run as a formula, with two 2017 companies."""
    sector = ProgrammeSector.objects.create(
        slug="zz-formula", name_id="=1+2", name_ja="=1+2", name_en="=1+2", position=999
    )
    made = [CompanyFactory(country="ID", region_id="ID-JB") for _ in range(2)]
    for company in made:
        company.sectors.add(sector)
    Company.objects.filter(pk__in=[c.pk for c in made]).update(created_at=WHEN)
    return sector


def _xlsx(language: str = "en"):  # type: ignore[no-untyped-def]
    report = report_content(report_query("2017"), language, TODAY)
    return load_workbook(io.BytesIO(write_report(report, "xlsx").data))


def _pdf(language: str) -> bytes:
    return write_report(report_content(report_query("2017"), language, TODAY), "pdf").data


def test_report_xlsx_has_summary_topics_and_sources(formula_sector) -> None:
    book = _xlsx("en")
    assert book.sheetnames[0] == "Summary"
    assert book.sheetnames[-1] == "Sources"
    assert "IKM statistics and targets" in book.sheetnames
    assert "Companies" in book.sheetnames
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"


def test_report_xlsx_numbers_are_numbers_with_formats(formula_sector) -> None:
    summary = _xlsx("en")["Summary"]
    rows = {row[0].value: row for row in summary.iter_rows(min_row=2)}
    value_added = rows["IKM value added"]
    assert value_added[2].value == 520_000_000_000_000
    assert value_added[2].number_format == "#,##0"
    assert value_added[3].value == "IDR"
    assert value_added[4].value == pytest.approx(0.183)
    assert value_added[4].number_format == "0.0%"
    units = rows["IKM business units"]
    assert (units[2].value, units[6].value) == (3_850_000, 4_030_000)
    assert units[7].value == pytest.approx(0.0468)


def test_report_xlsx_derived_figures_say_so(formula_sector) -> None:
    sheet = _xlsx("en")["IKM statistics and targets"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    derived = [r for r in rows if r[0] == "IKM value added" and r[1] == "2015" and r[2] == "Value"]
    assert derived[0][3] == 439_560_439_560_440
    assert derived[0][5] == "yes"


def test_report_xlsx_text_that_looks_like_a_formula_is_neutralised(formula_sector) -> None:
    sheet = _xlsx("en")["Companies"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "'=1+2" in texts
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)
    counts = {
        row[1].value: row[3].value
        for row in sheet.iter_rows(min_row=2)
        if row[2].value == "'=1+2" and row[0].value == "Companies registered, by sector"
    }
    assert counts == {"Q1 2017": 0, "Q2 2017": 2, "Q3 2017": 0, "Q4 2017": 0}


@pytest.mark.parametrize(
    ("language", "figures"),
    [
        ("id", ["Rp520 triliun", "3,85 juta", "4,03 juta", "+18,3%", "Sumber"]),
        ("ja", ["520兆ルピア", "385万", "403万", "+18.3%", "出典"]),
        ("en", ["IDR 520 trillion", "3.85 million", "4.03 million", "+18.3%", "Sources"]),
    ],
)
def test_report_pdf_headline_figures_in_each_language(language: str, figures: list[str]) -> None:
    reader = PdfReader(io.BytesIO(_pdf(language)))
    summary = reader.pages[0].extract_text()
    for figure in figures:
        assert figure in summary
    assert len(reader.pages) >= 3  # the summary, then the topics on their own pages
    assert reader.pages[0].mediabox.width == pytest.approx(595.27, abs=0.5)  # A4


def test_report_pdf_fonts_are_embedded() -> None:
    reader = PdfReader(io.BytesIO(_pdf("ja")))
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    assert fonts
    for font in fonts:
        if "/DescendantFonts" in font:
            font = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_report_pdf_has_a_chart_image_per_topic_page() -> None:
    reader = PdfReader(io.BytesIO(_pdf("en")))
    assert any(page.images for page in reader.pages[1:])


def test_report_command_writes_both_formats(tmp_path) -> None:
    for fmt in ("xlsx", "pdf"):
        output = tmp_path / f"brief.{fmt}"
        call_command(
            "indicators", "report", "--period", "2017", "--format", fmt,
            "--language", "ja", "--output", str(output),
        )  # fmt: skip
        assert output.stat().st_size > 1000
    assert "520兆ルピア" in PdfReader(tmp_path / "brief.pdf").pages[0].extract_text()


def test_report_command_bad_period_writes_nothing(tmp_path) -> None:
    output = tmp_path / "brief.pdf"
    with pytest.raises(CommandError, match="2017-Q5"):
        call_command(
            "indicators", "report", "--period", "2017-Q5", "--format", "pdf",
            "--output", str(output),
        )  # fmt: skip
    assert not output.exists()


def test_report_unknown_language_is_refused() -> None:
    with pytest.raises(ReportError):
        report_content(report_query("2017"), "fr", TODAY)


@pytest.mark.parametrize(("fmt", "magic"), [("xlsx", b"PK"), ("pdf", b"%PDF")])
def test_report_download_from_the_dashboard(as_user, viewer, fmt: str, magic: bytes) -> None:
    viewer.language = "ja"  # the report is in the reader's language
    viewer.save(update_fields=["language"])
    client = as_user("viewer")
    response = client.get(f"/indicators/report.{fmt}?year=2017&granularity=quarter")
    assert response.status_code == 200
    assert response.content.startswith(magic)
    assert response["Content-Disposition"] == (
        f'attachment; filename="jembatan-indicators-2017-ja.{fmt}"'
    )


def test_report_pdf_prints_markup_in_names_as_text(db) -> None:  # type: ignore[no-untyped-def]
    """reportlab reads a Paragraph as markup: a sector named like an <img> tag made the
    brief fail with a server error, and an <a href> would have put a link in it."""
    name = '"><img src=x onerror="alert(1)"> <a href="javascript:alert(1)">R&D</a>'
    sector = ProgrammeSector.objects.create(
        slug="zz-markup", name_id=name, name_ja=name, name_en=name, position=998
    )
    made: list[Any] = [CompanyFactory(country="ID", region_id="ID-JB") for _ in range(2)]
    for company in made:
        company.sectors.add(sector)
    Company.objects.filter(pk__in=[c.pk for c in made]).update(created_at=WHEN)
    data = _pdf("en")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert '<img src=x onerror="alert(1)">' in text
    assert b"/URI" not in data
